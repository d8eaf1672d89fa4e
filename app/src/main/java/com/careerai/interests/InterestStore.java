package com.careerai.interests;

import static com.careerai.platform.data.SqlRows.parameters;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * SQL of interest categories and students' choices; every statement names the university. A write of
 * a student's picks drops their snapshot after its statement, a rename or retirement every student's
 * of the university ({@link InterestSnapshots}, ADR 0067).
 */
@Singleton
class InterestStore {
    private static final String COLUMNS = "id, name, retired_at IS NOT NULL AS retired";

    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final InterestSnapshots snapshots;

    InterestStore(JdbcOperations jdbc, ConnectionOperations<Connection> connections, InterestSnapshots snapshots) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.snapshots = snapshots;
    }

    /** Every category, offered ones first, as a page's read (ADR 0076). */
    PageRead<List<Interest>> allRead(long universityId) {
        return PageRead.list(
                "interests.all:" + universityId,
                "SELECT " + COLUMNS
                        + " FROM interests WHERE university_id = ? ORDER BY retired_at NULLS FIRST, lower(name)",
                parameters(universityId),
                InterestStore::interest);
    }

    List<Interest> byIds(long universityId, Collection<Long> ids) {
        return SqlRows.list(
                jdbc,
                "SELECT " + COLUMNS + " FROM interests WHERE university_id = ? AND id = ANY(" + SqlRows.BIGINT_ARRAY
                        + ") ORDER BY lower(name)",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setArray(2, longs(statement.getConnection(), ids));
                },
                InterestStore::interest);
    }

    Optional<Interest> find(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM interests WHERE university_id = ? AND id = ?",
                parameters(universityId, id),
                InterestStore::interest);
    }

    boolean nameTaken(long universityId, String name, long exceptId) {
        return SqlRows.single(
                jdbc,
                "SELECT EXISTS (SELECT 1 FROM interests WHERE university_id = ? AND lower(name) = lower(?) AND id <> ?)",
                parameters(universityId, name, exceptId),
                row -> row.getBoolean(1));
    }

    Interest insert(long universityId, String name) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO interests (university_id, name) VALUES (?, ?) RETURNING " + COLUMNS,
                parameters(universityId, name),
                InterestStore::interest);
    }

    void rename(long universityId, long id, String name) {
        SqlRows.update(
                jdbc,
                "UPDATE interests SET name = ? WHERE university_id = ? AND id = ?",
                parameters(name, universityId, id));
        snapshots.catalogueChanged(universityId);
    }

    void retire(long universityId, long id) {
        SqlRows.update(
                jdbc,
                "UPDATE interests SET retired_at = now() WHERE university_id = ? AND id = ? AND retired_at IS NULL",
                parameters(universityId, id));
        snapshots.catalogueChanged(universityId);
    }

    /** The user's picks, from their snapshot when one is kept. */
    List<Interest> ofUser(long universityId, long userId) {
        return snapshots.ofUser(
                universityId, userId, () -> connections.executeRead(status -> readOfUser(universityId, userId)));
    }

    private List<Interest> readOfUser(long universityId, long userId) {
        return SqlRows.list(
                jdbc,
                "SELECT i.id, i.name, i.retired_at IS NOT NULL AS retired FROM student_interests s"
                        + " JOIN interests i ON i.university_id = s.university_id AND i.id = s.interest_id"
                        + " WHERE s.university_id = ? AND s.user_id = ? ORDER BY lower(i.name)",
                parameters(universityId, userId),
                InterestStore::interest);
    }

    /** Replaces the user's offered choices; choices of since-retired interests stay on history. */
    void replaceChoices(long universityId, long userId, Collection<Long> interestIds) {
        SqlRows.update(
                jdbc,
                "DELETE FROM student_interests s USING interests i WHERE s.university_id = ? AND s.user_id = ?"
                        + " AND i.university_id = s.university_id AND i.id = s.interest_id AND i.retired_at IS NULL"
                        + " AND NOT (s.interest_id = ANY(?))",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, userId);
                    statement.setArray(3, longs(statement.getConnection(), interestIds));
                });
        SqlRows.update(
                jdbc,
                "INSERT INTO student_interests (university_id, user_id, interest_id)"
                        + " SELECT ?, ?, unnest(?::bigint[]) ON CONFLICT DO NOTHING",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, userId);
                    statement.setArray(3, longs(statement.getConnection(), interestIds));
                });
        snapshots.changed(universityId, userId);
    }

    /** Users with at least one of the interests, ascending by id, one page after {@code afterUserId}. */
    List<Long> usersWithAny(long universityId, Collection<Long> interestIds, long afterUserId, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT DISTINCT user_id FROM student_interests WHERE university_id = ? AND interest_id = ANY(?)"
                        + " AND user_id > ? ORDER BY user_id LIMIT ?",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setArray(2, longs(statement.getConnection(), interestIds));
                    statement.setLong(3, afterUserId);
                    statement.setInt(4, limit);
                },
                row -> row.getLong(1));
    }

    /** Offered interests with how many students picked each, most popular first, as a page's read (ADR 0076). */
    PageRead<List<InterestPopularity>> popularityRead(long universityId) {
        return PageRead.list(
                "interests.popularity:" + universityId,
                "SELECT i.id, i.name, count(s.user_id) AS students FROM interests i"
                        + " LEFT JOIN student_interests s ON s.university_id = i.university_id AND s.interest_id = i.id"
                        + " WHERE i.university_id = ? AND i.retired_at IS NULL GROUP BY i.id, i.name"
                        + " ORDER BY students DESC, lower(i.name)",
                parameters(universityId),
                row -> new InterestPopularity(
                        new Interest(row.getLong("id"), row.getString("name"), false), row.getLong("students")));
    }

    private static Array longs(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray());
    }

    private static Interest interest(ResultSet row) throws SQLException {
        return new Interest(row.getLong("id"), row.getString("name"), row.getBoolean("retired"));
    }
}
