package com.careerai.admin.data;

import com.careerai.admin.Progress;
import com.careerai.admin.ToolException;
import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Deletes a departing university's data, then the university itself. Refuses unless the
 * university is suspended and an export ({@link TenantExport}) holds exactly its current rows.
 * Tables are deleted one foreign-key group per transaction ({@link TenantTables}), the audit log
 * last, so an interrupted run leaves whole groups and can simply be run again.
 */
@Singleton
public class TenantOffboarding {
    /** Audited before the first delete; lets an interrupted offboarding resume. */
    public static final String STARTED = "university.offboarding_started";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final UniversityAdministration universities;

    TenantOffboarding(
            DataSource dataSource, DataSourceResolver resolver, AuditLog audit, UniversityAdministration universities) {
        this.dataSource = resolver.resolve(dataSource);
        this.audit = audit;
        this.universities = universities;
    }

    /** Returns the rows deleted per table, {@code universities} last. */
    public Map<String, Long> offboard(University university, String actor, Progress progress) {
        String subdomain = university.subdomain();
        if (!university.isSuspended()) {
            throw new ToolException(subdomain + " is active: suspend it first (`tenant-admin suspend " + subdomain
                    + " --reason …`), export it, then offboard");
        }
        try {
            TenantTables.Layout layout;
            Map<String, Long> counts;
            try (Connection connection = dataSource.getConnection()) {
                layout = TenantTables.read(connection);
                counts = TenantTables.counts(connection, layout.tables(), university.id());
            }
            if (counts.values().stream().anyMatch(count -> count > 0)) {
                AuditEntry export = requireExportOfCurrentData(university, counts);
                audit.record(
                        university.id(),
                        actor,
                        STARTED,
                        Map.of("export", export.details().get("sha256")));
            }
            Map<String, Long> deleted = new LinkedHashMap<>();
            progress.start("Offboarding " + subdomain, layout.tables().size() + 1L);
            for (List<TenantTables.Table> group : layout.deleteGroups()) {
                deleted.putAll(deleteGroup(group, university.id()));
                progress.advance(group.size());
            }
            universities.delete(university);
            deleted.put("universities", 1L);
            progress.advance(1);
            progress.finish();
            return deleted;
        } catch (SQLException e) {
            throw new ToolException("offboarding " + subdomain + " stopped (" + e.getMessage()
                    + "); tables deleted so far stay deleted: fix the cause and run offboard again");
        }
    }

    private AuditEntry requireExportOfCurrentData(University university, Map<String, Long> counts) {
        String subdomain = university.subdomain();
        AuditEntry export = audit.latest(university.id(), TenantExport.EXPORTED)
                .orElseThrow(() -> new ToolException("no export of " + subdomain + " exists: run `tenant-admin export "
                        + subdomain + " --out " + subdomain + ".zip` first"));
        Optional<AuditEntry> started = audit.latest(university.id(), STARTED);
        if (started.isPresent() && started.get().id() > export.id()) {
            return export; // an interrupted offboarding of this export: rows are fewer now, by design
        }
        Map<?, ?> exported = export.details().get("rows") instanceof Map<?, ?> rows ? rows : Map.of();
        List<String> changed = new ArrayList<>();
        counts.forEach((table, count) -> {
            long before = exported.get(table) instanceof Number number ? number.longValue() : 0;
            if (!table.equals(TenantTables.AUDIT_LOG) && before != count) {
                changed.add(table + " " + before + " → " + count);
            }
        });
        if (!changed.isEmpty()) {
            throw new ToolException(subdomain + "'s data changed since its export of " + export.createdAt() + " ("
                    + String.join(", ", changed) + "): export it again");
        }
        return export;
    }

    /** One transaction: the group's tables, referencing tables first. */
    private Map<String, Long> deleteGroup(List<TenantTables.Table> group, long universityId) throws SQLException {
        Map<String, Long> deleted = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // The ledger is append-only (a trigger refuses DELETE); offboarding is its one
                // sanctioned exception, for this university only and this transaction only (V8).
                try (PreparedStatement allow =
                        connection.prepareStatement("SELECT set_config('careerai.offboarding_university', ?, true)")) {
                    allow.setString(1, Long.toString(universityId));
                    allow.execute();
                }
                for (TenantTables.Table table : group) {
                    try (PreparedStatement statement =
                            connection.prepareStatement("DELETE FROM " + table.sql() + " WHERE university_id = ?")) {
                        statement.setLong(1, universityId);
                        deleted.put(table.name(), (long) statement.executeUpdate());
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException(
                        "deleting "
                                + group.stream().map(TenantTables.Table::name).collect(Collectors.joining(", ")) + ": "
                                + e.getMessage(),
                        e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return deleted;
    }
}
