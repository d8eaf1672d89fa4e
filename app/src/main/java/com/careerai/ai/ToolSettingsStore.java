package com.careerai.ai;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Set;

/** The {@code university_tools} rows: which tools a university switched off (or on again). */
@Singleton
@Connectable
class ToolSettingsStore {
    private final JdbcOperations jdbc;

    ToolSettingsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The slugs switched off in the university (unmodifiable). */
    Set<String> disabled(long universityId) {
        return Set.copyOf(SqlRows.list(
                jdbc,
                "SELECT tool FROM university_tools WHERE university_id = ? AND NOT enabled",
                SqlRows.parameters(universityId),
                rows -> rows.getString(1)));
    }

    /** Joins the caller's transaction. */
    void setEnabled(long universityId, String slug, boolean enabled) {
        SqlRows.update(
                jdbc,
                "INSERT INTO university_tools (university_id, tool, enabled) VALUES (?, ?, ?) "
                        + "ON CONFLICT (university_id, tool) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()",
                SqlRows.parameters(universityId, slug, enabled));
    }
}
