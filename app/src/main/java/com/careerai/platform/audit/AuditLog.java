package com.careerai.platform.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.Map;

/** Appends "who did what" rows to {@code audit_log}; joins the caller's transaction. */
@Singleton
public class AuditLog {
    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param actor who acted: {@code user:<id>} for staff, {@code operator:<name>} for tenant-admin
     * @param action a stable verb like {@code credits.defaults.changed}
     */
    @Transactional
    public void record(long universityId, String actor, String action, Map<String, ?> details) {
        String detailsJson;
        try {
            detailsJson = json.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement(
                "INSERT INTO audit_log (university_id, actor, action, details) VALUES (?, ?, ?, ?::jsonb)",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, actor);
                    statement.setString(3, action);
                    statement.setString(4, detailsJson);
                    return statement.executeUpdate();
                });
    }
}
