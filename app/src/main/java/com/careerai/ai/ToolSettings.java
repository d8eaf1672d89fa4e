package com.careerai.ai;

import com.careerai.platform.audit.AuditLog;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which tools a university offers. Disabled tools are hidden from pages and the API, and refused. */
@Singleton
@Connectable
public class ToolSettings {
    private final JdbcOperations jdbc;
    private final ToolCatalog catalog;
    private final AuditLog audit;

    ToolSettings(JdbcOperations jdbc, ToolCatalog catalog, AuditLog audit) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The tools enabled in the university, in catalogue order. */
    public List<AiTool> enabled(long universityId) {
        Set<String> disabled = disabled(universityId);
        return catalog.all().stream()
                .filter(tool -> !disabled.contains(tool.slug()))
                .toList();
    }

    /** The tool if it exists and is enabled in the university; 404 otherwise (saying which). */
    public AiTool require(long universityId, String slug) {
        AiTool tool = catalog.require(slug);
        if (disabled(universityId).contains(slug)) {
            throw new ToolSwitchedOffException(tool);
        }
        return tool;
    }

    public Set<String> disabled(long universityId) {
        return jdbc.prepareStatement(
                "SELECT tool FROM university_tools WHERE university_id = ? AND NOT enabled", statement -> {
                    statement.setLong(1, universityId);
                    Set<String> tools = new HashSet<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            tools.add(rows.getString(1));
                        }
                    }
                    return tools;
                });
    }

    @Transactional
    public void setEnabled(long universityId, String slug, boolean enabled, String actor) {
        catalog.require(slug);
        jdbc.prepareStatement(
                "INSERT INTO university_tools (university_id, tool, enabled) VALUES (?, ?, ?) "
                        + "ON CONFLICT (university_id, tool) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, slug);
                    statement.setBoolean(3, enabled);
                    return statement.executeUpdate();
                });
        audit.record(universityId, actor, enabled ? "tool.enabled" : "tool.disabled", Map.of("tool", slug));
    }
}
