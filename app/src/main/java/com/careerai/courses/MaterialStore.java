package com.careerai.courses;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** The SQL of session materials and assignment attachments; every statement names {@code university_id}. */
@Singleton
class MaterialStore {
    private static final String COLUMNS =
            "university_id, id, batch_id, session_id, assignment_id, title, url, file_key,"
                    + " file_name, file_type, file_size, created_at";

    private final JdbcOperations jdbc;

    MaterialStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a new material hangs: exactly one of a session or an assignment, of {@code batchId}. */
    record Target(long batchId, @Nullable Long sessionId, @Nullable Long assignmentId) {}

    long insert(
            long universityId,
            Target target,
            String title,
            @Nullable String url,
            @Nullable AssignmentStore.StoredFile file,
            long addedBy) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO course_materials (university_id, batch_id, session_id, assignment_id, title, url, file_key,"
                        + " file_name, file_type, file_size, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, target.batchId());
                    statement.setObject(3, target.sessionId(), Types.BIGINT);
                    statement.setObject(4, target.assignmentId(), Types.BIGINT);
                    statement.setString(5, title);
                    statement.setString(6, url);
                    statement.setString(7, file == null ? null : file.key());
                    statement.setString(8, file == null ? null : file.name());
                    statement.setString(9, file == null ? null : file.type());
                    statement.setObject(10, file == null ? null : file.size(), Types.BIGINT);
                    statement.setLong(11, addedBy);
                },
                rows -> rows.getLong(1));
    }

    Optional<Material> find(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM course_materials WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                MaterialStore::material);
    }

    /** Every material of the batch (sessions' and assignments'), oldest first. */
    List<Material> ofBatch(long universityId, long batchId) {
        return ofBatchRead(universityId, batchId).runOn(jdbc);
    }

    /** A batch's materials, oldest first, as a page's read (ADR 0076). */
    static PageRead<List<Material>> ofBatchRead(long universityId, long batchId) {
        return PageRead.list(
                "courses.materials-of-batch:" + universityId + ":" + batchId,
                "SELECT " + COLUMNS + " FROM course_materials WHERE university_id = ? AND batch_id = ? ORDER BY id",
                SqlRows.parameters(universityId, batchId),
                MaterialStore::material);
    }

    /**
     * An assignment's attachments, oldest first, as a page's read (ADR 0076): by the assignment's id alone, so a
     * page sends it with the assignment's own read (its batch, which leads the index, found in the statement).
     */
    static PageRead<List<Material>> ofAssignmentRead(long universityId, long assignmentId) {
        return PageRead.list(
                "courses.materials-of-assignment:" + universityId + ":" + assignmentId,
                "SELECT " + COLUMNS + " FROM course_materials WHERE university_id = ?"
                        + " AND batch_id = (SELECT batch_id FROM assignments WHERE university_id = ? AND id = ?)"
                        + " AND assignment_id = ? ORDER BY id",
                SqlRows.parameters(universityId, universityId, assignmentId, assignmentId),
                MaterialStore::material);
    }

    boolean delete(long universityId, long id) {
        return SqlRows.update(
                        jdbc,
                        "DELETE FROM course_materials WHERE university_id = ? AND id = ?",
                        SqlRows.parameters(universityId, id))
                == 1;
    }

    static Material material(ResultSet rows) throws SQLException {
        return new Material(
                rows.getLong("university_id"),
                rows.getLong("id"),
                rows.getLong("batch_id"),
                rows.getObject("session_id", Long.class),
                rows.getObject("assignment_id", Long.class),
                rows.getString("title"),
                rows.getString("url"),
                rows.getString("file_key"),
                rows.getString("file_name"),
                rows.getString("file_type"),
                rows.getObject("file_size", Long.class),
                CourseStore.instant(rows, "created_at"));
    }
}
