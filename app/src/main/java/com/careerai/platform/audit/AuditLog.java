package com.careerai.platform.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The university's newest entries, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(long universityId, int limit) {
        return jdbc.prepareStatement(
                "SELECT university_id, id, actor, action, details::text, created_at FROM audit_log "
                        + "WHERE university_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setInt(2, limit);
                    return read(statement);
                });
    }

    /** The university's newest entry of {@code action}, if any. */
    @Transactional(readOnly = true)
    public Optional<AuditEntry> latest(long universityId, String action) {
        return jdbc.prepareStatement(
                "SELECT university_id, id, actor, action, details::text, created_at FROM audit_log "
                        + "WHERE university_id = ? AND action = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, action);
                    return read(statement).stream().findFirst();
                });
    }

    @SuppressWarnings("unchecked")
    private List<AuditEntry> read(PreparedStatement statement) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Map<String, Object> details;
                try {
                    details = json.readValue(rows.getString(5), Map.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                entries.add(new AuditEntry(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getString(3),
                        rows.getString(4),
                        details,
                        rows.getTimestamp(6).toInstant()));
            }
        }
        return entries;
    }
}
