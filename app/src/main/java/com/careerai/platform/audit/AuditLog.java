package com.careerai.platform.audit;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
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
    private final List<RequestAddress> addresses;

    AuditLog(JdbcOperations jdbc, ObjectMapper json, List<RequestAddress> addresses) {
        this.jdbc = jdbc;
        this.json = json;
        this.addresses = addresses;
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
        String address = addresses.stream()
                .flatMap(source -> source.current().stream())
                .map(found -> found.length() > 64 ? found.substring(0, 64) : found)
                .findFirst()
                .orElse(null);
        jdbc.prepareStatement(
                "INSERT INTO audit_log (university_id, actor, action, details, client_address)"
                        + " VALUES (?, ?, ?, ?::jsonb, ?)",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, actor);
                    statement.setString(3, action);
                    statement.setString(4, detailsJson);
                    statement.setString(5, address);
                    return statement.executeUpdate();
                });
    }

    /** The university's newest entries, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(long universityId, int limit) {
        return jdbc.prepareStatement(
                "SELECT university_id, id, actor, action, details::text, created_at, client_address FROM audit_log "
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
                "SELECT university_id, id, actor, action, details::text, created_at, client_address FROM audit_log "
                        + "WHERE university_id = ? AND action = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, action);
                    return read(statement).stream().findFirst();
                });
    }

    /** One page of the university's entries matching {@code filter}, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(long universityId, AuditFilter filter, long offset, int limit) {
        return searchRead(universityId, filter, offset, limit).runOn(jdbc);
    }

    /** What {@link #search} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<AuditEntry>> searchRead(long universityId, AuditFilter filter, long offset, int limit) {
        Where where = where(universityId, filter);
        return new PageRead<>(
                "audit.search:" + where.values + ":" + offset + ":" + limit,
                "SELECT university_id, id, actor, action, details::text, created_at, client_address FROM audit_log "
                        + where.sql + " ORDER BY created_at DESC, id DESC" + SqlRows.limit(limit, offset),
                where::bind,
                this::read);
    }

    /** How many of the university's entries match {@code filter}. */
    @Transactional(readOnly = true)
    public long count(long universityId, AuditFilter filter) {
        return countRead(universityId, filter).runOn(jdbc);
    }

    /** What {@link #count} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Long> countRead(long universityId, AuditFilter filter) {
        Where where = where(universityId, filter);
        return PageRead.single(
                "audit.count:" + where.values,
                "SELECT count(*) FROM audit_log " + where.sql,
                where::bind,
                rows -> rows.getLong(1));
    }

    /** The distinct actions the university's log holds, for the filter's choices. */
    @Transactional(readOnly = true)
    public List<String> actions(long universityId) {
        return actionsRead(universityId).runOn(jdbc);
    }

    /**
     * What {@link #actions} reads, for a page to read ahead with others (ADR 0076). A loose index scan of
     * {@code audit_log_university_action_created}: one index probe for each distinct action, where
     * {@code SELECT DISTINCT} read every entry the university ever logged on every view of the page.
     */
    public PageRead<List<String>> actionsRead(long universityId) {
        return PageRead.list(
                "audit.actions:" + universityId,
                "WITH RECURSIVE found(action) AS ("
                        + "(SELECT action FROM audit_log WHERE university_id = ? ORDER BY action LIMIT 1)"
                        + " UNION ALL SELECT (SELECT a.action FROM audit_log a WHERE a.university_id = ?"
                        + " AND a.action > found.action ORDER BY a.action LIMIT 1) FROM found"
                        + " WHERE found.action IS NOT NULL)"
                        + " SELECT action FROM found WHERE action IS NOT NULL ORDER BY action",
                SqlRows.parameters(universityId, universityId),
                rows -> rows.getString(1));
    }

    private record Where(String sql, List<Object> values) {
        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof java.time.Instant instant) {
                    statement.setTimestamp(i + 1, java.sql.Timestamp.from(instant));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
        }
    }

    private static Where where(long universityId, AuditFilter filter) {
        StringBuilder sql = new StringBuilder("WHERE university_id = ?");
        List<Object> values = new ArrayList<>();
        values.add(universityId);
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            values.add(filter.actor());
        }
        if (filter.action() != null) {
            if (filter.action().endsWith(".")) {
                // a prefix: escape LIKE's wildcards so "credits." matches only that family
                sql.append(" AND action LIKE ? ESCAPE '\\'");
                values.add(filter.action()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%");
            } else {
                sql.append(" AND action = ?");
                values.add(filter.action());
            }
        }
        if (filter.fromInstant() != null) {
            sql.append(" AND created_at >= ?");
            values.add(filter.fromInstant());
        }
        if (filter.beforeInstant() != null) {
            sql.append(" AND created_at < ?");
            values.add(filter.beforeInstant());
        }
        return new Where(sql.toString(), values);
    }

    private List<AuditEntry> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return read(rows);
        }
    }

    @SuppressWarnings("unchecked")
    private List<AuditEntry> read(ResultSet rows) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
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
                    rows.getTimestamp(6).toInstant(),
                    rows.getString(7)));
        }
        return entries;
    }
}
