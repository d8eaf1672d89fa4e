package com.careerai.auth;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL behind staff pages about people: search, figures, the team, deactivation. Every statement is scoped. */
@Singleton
class PeopleStore {
    private static final String COLUMNS =
            "id, email, name, role, created_at, last_sign_in_at, deactivated_at, is_pro FROM users";

    /** The most pending team invitations the team page lists. */
    static final int TEAM_INVITATIONS_SHOWN = 200;

    private final JdbcOperations jdbc;
    private final UserAccounts accounts;

    PeopleStore(JdbcOperations jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /**
     * A page of students matching a search: its count and its rows, as a page's two reads (ADR 0076), for the
     * instant {@code now} its "joined" and "active" filters count back from.
     */
    record StudentsReads(PageRead<Long> count, PageRead<List<Person>> rows, int page, int pageSize) {
        List<PageRead<?>> both() {
            return List.of(count, rows);
        }
    }

    static StudentsReads studentsReads(long universityId, StudentSearch search, Instant now, int page, int pageSize) {
        List<Object> parameters = new ArrayList<>(List.of(universityId));
        StringBuilder where = new StringBuilder(" WHERE university_id = ? AND role = 'STUDENT'");
        if (!search.text().isEmpty()) {
            String like = "%"
                    + search.text()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            where.append(" AND (email LIKE ? OR lower(coalesce(name, '')) LIKE ?)");
            parameters.add(like);
            parameters.add(like);
        }
        switch (search.joined()) {
            case "week" -> since(where, parameters, "created_at >= ?", now.minus(Duration.ofDays(7)));
            case "month" -> since(where, parameters, "created_at >= ?", now.minus(Duration.ofDays(30)));
            default -> {}
        }
        switch (search.activity()) {
            case "week" -> since(where, parameters, "last_sign_in_at >= ?", now.minus(Duration.ofDays(7)));
            case "month" -> since(where, parameters, "last_sign_in_at >= ?", now.minus(Duration.ofDays(30)));
            case "dormant" ->
                since(
                        where,
                        parameters,
                        "(last_sign_in_at IS NULL OR last_sign_in_at < ?)",
                        now.minus(Duration.ofDays(30)));
            default -> {}
        }
        switch (search.plan()) {
            case "pro" -> where.append(" AND is_pro");
            case "free" -> where.append(" AND NOT is_pro");
            default -> {}
        }
        switch (search.status()) {
            case "active" -> where.append(" AND deactivated_at IS NULL");
            case "deactivated" -> where.append(" AND deactivated_at IS NOT NULL");
            default -> {}
        }
        String key = "auth.students:" + universityId + ":" + search + ":" + now + ":" + page + ":" + pageSize;
        return new StudentsReads(
                PageRead.single(
                        key + ":count",
                        "SELECT count(*) FROM users" + where,
                        SqlRows.parameters(parameters.toArray()),
                        row -> row.getLong(1)),
                PageRead.list(
                        key + ":rows",
                        "SELECT " + COLUMNS + where + " ORDER BY created_at DESC, id DESC"
                                + SqlRows.limit(pageSize, (long) (page - 1) * pageSize),
                        SqlRows.parameters(parameters.toArray()),
                        PeopleStore::person),
                page,
                pageSize);
    }

    static PageRead<StudentFigures> studentFiguresRead(long universityId, Instant since) {
        Timestamp from = Timestamp.from(since);
        return PageRead.single(
                "auth.student-figures:" + universityId + ":" + since,
                "SELECT count(*), count(*) FILTER (WHERE created_at >= ?), count(*) FILTER (WHERE last_sign_in_at >= ?),"
                        + " count(*) FILTER (WHERE deactivated_at IS NOT NULL)"
                        + " FROM users WHERE university_id = ? AND role = 'STUDENT'",
                SqlRows.parameters(from, from, universityId),
                row -> new StudentFigures(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
    }

    /** Staff and counsellors, staff first: the team page's read (ADR 0076). */
    static PageRead<List<Person>> teamRead(long universityId) {
        return PageRead.list(
                "auth.team:" + universityId,
                "SELECT " + COLUMNS + " WHERE university_id = ? AND role IN ('STAFF', 'COUNSELLOR')"
                        + " ORDER BY role DESC, deactivated_at NULLS FIRST, lower(coalesce(name, email)) LIMIT 500",
                SqlRows.parameters(universityId),
                PeopleStore::person);
    }

    /**
     * Invitations to the team (staff, counsellor) neither accepted nor expired, newest first: filtered in
     * SQL, so that the thousands of students a university invites are not read to show none of them.
     */
    static PageRead<List<Invitation>> pendingTeamInvitationsRead(long universityId) {
        return PageRead.list(
                "auth.team-invitations:" + universityId,
                "SELECT id, email, role, invited_by, expires_at, created_at FROM invitations"
                        + " WHERE university_id = ? AND accepted_at IS NULL AND role <> 'STUDENT' AND expires_at > now()"
                        + " ORDER BY created_at DESC, id DESC LIMIT " + TEAM_INVITATIONS_SHOWN,
                SqlRows.parameters(universityId),
                row -> new Invitation(
                        row.getLong("id"),
                        universityId,
                        row.getString("email"),
                        Role.valueOf(row.getString("role")),
                        row.getString("invited_by"),
                        SqlRows.instant(row, "expires_at"),
                        null,
                        SqlRows.instant(row, "created_at")));
    }

    Optional<Person> find(long universityId, long userId) {
        return findRead(universityId, userId).runOn(jdbc);
    }

    /** One person of the university, as a page's read (ADR 0076). */
    static PageRead<Optional<Person>> findRead(long universityId, long userId) {
        return PageRead.optional(
                "auth.person:" + universityId + ":" + userId,
                "SELECT " + COLUMNS + " WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, userId),
                PeopleStore::person);
    }

    /** The person, locked until the transaction ends. */
    Optional<Person> lock(long universityId, long userId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " WHERE university_id = ? AND id = ? FOR UPDATE",
                SqlRows.parameters(universityId, userId),
                PeopleStore::person);
    }

    /** Ids of the active staff, locked: two staff removing each other at once cannot both succeed. */
    List<Long> lockActiveStaff(long universityId) {
        return SqlRows.list(
                jdbc,
                "SELECT id FROM users WHERE university_id = ? AND role = 'STAFF' AND deactivated_at IS NULL"
                        + " ORDER BY id FOR UPDATE",
                SqlRows.parameters(universityId),
                row -> row.getLong(1));
    }

    boolean deactivate(long universityId, long userId, Instant at) {
        boolean changed = SqlRows.update(
                        jdbc,
                        "UPDATE users SET deactivated_at = ? WHERE university_id = ? AND id = ? AND deactivated_at IS NULL",
                        SqlRows.parameters(Timestamp.from(at), universityId, userId))
                == 1;
        accounts.changed(universityId, userId);
        return changed;
    }

    boolean reactivate(long universityId, long userId) {
        boolean changed = SqlRows.update(
                        jdbc,
                        "UPDATE users SET deactivated_at = NULL WHERE university_id = ? AND id = ?"
                                + " AND deactivated_at IS NOT NULL",
                        SqlRows.parameters(universityId, userId))
                == 1;
        accounts.changed(universityId, userId);
        return changed;
    }

    void changeRole(long universityId, long userId, Role role) {
        SqlRows.update(
                jdbc,
                "UPDATE users SET role = ? WHERE university_id = ? AND id = ?",
                SqlRows.parameters(role.name(), universityId, userId));
        accounts.changed(universityId, userId);
    }

    /** Which of these (normalised) addresses already belong to someone of the university. */
    Set<String> existingEmails(long universityId, Collection<String> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(SqlRows.list(
                jdbc,
                "SELECT email FROM users WHERE university_id = ? AND email = ANY (?)",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setArray(2, statement.getConnection().createArrayOf("text", emails.toArray()));
                },
                row -> row.getString(1)));
    }

    private static void since(StringBuilder where, List<Object> parameters, String condition, Instant since) {
        where.append(" AND ").append(condition);
        parameters.add(Timestamp.from(since));
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(
                row.getLong("id"),
                row.getString("email"),
                row.getString("name"),
                Role.valueOf(row.getString("role")),
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("last_sign_in_at")),
                instant(row.getTimestamp("deactivated_at")),
                row.getBoolean("is_pro"));
    }

    private static @io.micronaut.core.annotation.Nullable Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
