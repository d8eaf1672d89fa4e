package com.careerai.profile;

import static com.careerai.platform.data.SqlRows.parameters;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * SQL of career profiles and saved resumes; every statement names the university and the person.
 * Every write drops the person's snapshot after its statement ({@link ProfileSnapshots}, ADR 0067).
 */
@Singleton
class ProfileStore {
    private static final String RESUME_COLUMNS = "id, name, body, is_default, created_at, updated_at";

    /** The profile's own columns (the name lives with the account). */
    record Details(
            String programme,
            Integer graduationYear,
            List<String> targetRoles,
            List<String> targetLocations,
            String linkedinUrl,
            String portfolioUrl,
            String timeZone) {}

    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final ProfileSnapshots snapshots;

    ProfileStore(JdbcOperations jdbc, ConnectionOperations<Connection> connections, ProfileSnapshots snapshots) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.snapshots = snapshots;
    }

    /**
     * The person's profile row (empty when they have saved none) and the name of their default resume
     * (null when none is marked): one statement for what a page shows of both (the home's time zone
     * and next steps), without the resume's text.
     */
    record Row(Optional<Details> details, @Nullable String defaultResumeName) {}

    /** The person's row, from their snapshot when one is kept. */
    Row row(long universityId, long userId) {
        return snapshots.row(
                universityId, userId, () -> connections.executeRead(status -> readRow(universityId, userId)));
    }

    private Row readRow(long universityId, long userId) {
        return SqlRows.single(
                jdbc,
                "SELECT p.user_id AS profile_of, p.programme, p.graduation_year, p.target_roles, p.target_locations,"
                        + " p.linkedin_url, p.portfolio_url, p.time_zone, r.name AS default_resume FROM (SELECT 1) AS one"
                        + " LEFT JOIN career_profiles p ON p.university_id = ? AND p.user_id = ?"
                        + " LEFT JOIN saved_resumes r ON r.university_id = ? AND r.user_id = ? AND r.is_default",
                parameters(universityId, userId, universityId, userId),
                row -> new Row(
                        row.getObject("profile_of") == null
                                ? Optional.empty()
                                : Optional.of(new Details(
                                        row.getString("programme"),
                                        (Integer) row.getObject("graduation_year"),
                                        strings(row.getArray("target_roles")),
                                        strings(row.getArray("target_locations")),
                                        row.getString("linkedin_url"),
                                        row.getString("portfolio_url"),
                                        row.getString("time_zone"))),
                        row.getString("default_resume")));
    }

    void saveDetails(long universityId, long userId, Details details) {
        SqlRows.update(
                jdbc,
                "INSERT INTO career_profiles (university_id, user_id, programme, graduation_year, target_roles,"
                        + " target_locations, linkedin_url, portfolio_url, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (university_id, user_id) DO UPDATE SET programme = EXCLUDED.programme,"
                        + " graduation_year = EXCLUDED.graduation_year, target_roles = EXCLUDED.target_roles,"
                        + " target_locations = EXCLUDED.target_locations, linkedin_url = EXCLUDED.linkedin_url,"
                        + " portfolio_url = EXCLUDED.portfolio_url, time_zone = EXCLUDED.time_zone, updated_at = now()",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, userId);
                    statement.setString(3, details.programme());
                    if (details.graduationYear() == null) {
                        statement.setNull(4, Types.INTEGER);
                    } else {
                        statement.setInt(4, details.graduationYear());
                    }
                    statement.setArray(
                            5,
                            statement
                                    .getConnection()
                                    .createArrayOf("text", details.targetRoles().toArray()));
                    statement.setArray(
                            6,
                            statement
                                    .getConnection()
                                    .createArrayOf(
                                            "text", details.targetLocations().toArray()));
                    statement.setString(7, details.linkedinUrl());
                    statement.setString(8, details.portfolioUrl());
                    statement.setString(9, details.timeZone());
                });
        snapshots.changed(universityId, userId);
    }

    /** A person's resumes, the default first, then newest first, as a page's read (ADR 0076). */
    static PageRead<List<SavedResume>> resumesRead(long universityId, long userId) {
        return PageRead.list(
                "profile.resumes:" + universityId + ":" + userId,
                "SELECT " + RESUME_COLUMNS + " FROM saved_resumes WHERE university_id = ? AND user_id = ?"
                        + " ORDER BY is_default DESC, created_at DESC, id DESC LIMIT " + SavedResumes.MAX_RESUMES,
                parameters(universityId, userId),
                ProfileStore::resume);
    }

    Optional<SavedResume> resume(long universityId, long userId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + RESUME_COLUMNS + " FROM saved_resumes WHERE university_id = ? AND user_id = ? AND id = ?",
                parameters(universityId, userId, id),
                ProfileStore::resume);
    }

    Optional<SavedResume> defaultResume(long universityId, long userId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + RESUME_COLUMNS + " FROM saved_resumes WHERE university_id = ? AND user_id = ?"
                        + " AND is_default",
                parameters(universityId, userId),
                ProfileStore::resume);
    }

    long countResumes(long universityId, long userId) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM saved_resumes WHERE university_id = ? AND user_id = ?",
                parameters(universityId, userId),
                row -> row.getLong(1));
    }

    boolean nameTaken(long universityId, long userId, String name, long exceptId) {
        return SqlRows.single(
                jdbc,
                "SELECT EXISTS (SELECT 1 FROM saved_resumes WHERE university_id = ? AND user_id = ?"
                        + " AND lower(name) = lower(?) AND id <> ?)",
                parameters(universityId, userId, name, exceptId),
                row -> row.getBoolean(1));
    }

    SavedResume insertResume(long universityId, long userId, String name, String text, boolean isDefault) {
        SavedResume inserted = SqlRows.single(
                jdbc,
                "INSERT INTO saved_resumes (university_id, user_id, name, body, is_default) VALUES (?, ?, ?, ?, ?)"
                        + " RETURNING " + RESUME_COLUMNS,
                parameters(universityId, userId, name, text, isDefault),
                ProfileStore::resume);
        snapshots.changed(universityId, userId);
        return inserted;
    }

    void updateResume(long universityId, long userId, long id, String name, String text) {
        SqlRows.update(
                jdbc,
                "UPDATE saved_resumes SET name = ?, body = ?, updated_at = now()"
                        + " WHERE university_id = ? AND user_id = ? AND id = ?",
                parameters(name, text, universityId, userId, id));
        snapshots.changed(universityId, userId);
    }

    /** Makes {@code id} the one default: clears the old one first (the unique index allows one). */
    void makeDefault(long universityId, long userId, long id) {
        SqlRows.update(
                jdbc,
                "UPDATE saved_resumes SET is_default = FALSE WHERE university_id = ? AND user_id = ? AND is_default"
                        + " AND id <> ?",
                parameters(universityId, userId, id));
        SqlRows.update(
                jdbc,
                "UPDATE saved_resumes SET is_default = TRUE WHERE university_id = ? AND user_id = ? AND id = ?",
                parameters(universityId, userId, id));
        snapshots.changed(universityId, userId);
    }

    void deleteResume(long universityId, long userId, long id) {
        SqlRows.update(
                jdbc,
                "DELETE FROM saved_resumes WHERE university_id = ? AND user_id = ? AND id = ?",
                parameters(universityId, userId, id));
        snapshots.changed(universityId, userId);
    }

    /** The newest remaining resume, if any: the default after the default is deleted. */
    Optional<Long> newestResume(long universityId, long userId) {
        return SqlRows.optional(
                jdbc,
                "SELECT id FROM saved_resumes WHERE university_id = ? AND user_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT 1",
                parameters(universityId, userId),
                row -> row.getLong(1));
    }

    private static SavedResume resume(ResultSet row) throws SQLException {
        return new SavedResume(
                row.getLong("id"),
                row.getString("name"),
                row.getString("body"),
                row.getBoolean("is_default"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
