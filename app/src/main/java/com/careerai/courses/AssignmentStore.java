package com.careerai.courses;

import static com.careerai.courses.CourseStore.instant;
import static com.careerai.courses.CourseStore.timestamp;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of assignments, extensions and submissions (V61). Every statement names
 * {@code university_id}; joins the caller's transaction.
 */
@Singleton
class AssignmentStore {
    private static final String ASSIGNMENT = "university_id, id, batch_id, title, instructions, opens_at, due_at,"
            + " cutoff_at, max_attempts, max_score";
    private static final String SUBMISSION = "university_id, id, assignment_id, user_id, attempt, body, file_key,"
            + " file_name, file_type, file_size, late, submitted_at, score, feedback, graded_at";

    private final JdbcOperations jdbc;

    AssignmentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What the instructor writes for an assignment. */
    record Fields(
            String title,
            String instructions,
            @Nullable Instant opensAt,
            Instant dueAt,
            @Nullable Instant cutoffAt,
            int maxAttempts,
            int maxScore) {}

    /** A file kept with a submission. */
    record StoredFile(String key, String name, String type, long size) {}

    long insert(long universityId, long batchId, long createdBy, Fields fields) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO assignments (university_id, batch_id, title, instructions, opens_at, due_at, cutoff_at,"
                        + " max_attempts, max_score, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, batchId);
                    bind(statement, 3, fields);
                    statement.setLong(10, createdBy);
                },
                rows -> rows.getLong(1));
    }

    boolean update(long universityId, long id, Fields fields) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE assignments SET title = ?, instructions = ?, opens_at = ?, due_at = ?, cutoff_at = ?,"
                                + " max_attempts = ?, max_score = ?, updated_at = now()"
                                + " WHERE university_id = ? AND id = ?",
                        statement -> {
                            bind(statement, 1, fields);
                            statement.setLong(8, universityId);
                            statement.setLong(9, id);
                        })
                == 1;
    }

    private static void bind(java.sql.PreparedStatement statement, int first, Fields fields) throws SQLException {
        statement.setString(first, fields.title());
        statement.setString(first + 1, fields.instructions());
        statement.setTimestamp(first + 2, timestamp(fields.opensAt()));
        statement.setTimestamp(first + 3, timestamp(fields.dueAt()));
        statement.setTimestamp(first + 4, timestamp(fields.cutoffAt()));
        statement.setInt(first + 5, fields.maxAttempts());
        statement.setInt(first + 6, fields.maxScore());
    }

    Optional<Assignment> assignment(long universityId, long id) {
        return assignmentRead(universityId, id).runOn(jdbc);
    }

    /** An assignment, as a page's read (ADR 0076). */
    static PageRead<Optional<Assignment>> assignmentRead(long universityId, long id) {
        return PageRead.optional(
                "courses.assignment:" + universityId + ":" + id,
                "SELECT " + ASSIGNMENT + " FROM assignments WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                AssignmentStore::assignment);
    }

    /** The assignment, its row locked, so one student's attempts are numbered one at a time. */
    Optional<Assignment> lock(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + ASSIGNMENT + " FROM assignments WHERE university_id = ? AND id = ? FOR UPDATE",
                SqlRows.parameters(universityId, id),
                AssignmentStore::assignment);
    }

    Optional<Long> idByTitle(long universityId, long batchId, String title) {
        return SqlRows.optional(
                jdbc,
                "SELECT min(id) FROM assignments WHERE university_id = ? AND batch_id = ? AND title = ?"
                        + " HAVING count(*) > 0",
                SqlRows.parameters(universityId, batchId, title),
                rows -> rows.getLong(1));
    }

    List<Assignment> ofBatch(long universityId, long batchId) {
        return ofBatchRead(universityId, batchId).runOn(jdbc);
    }

    /** A batch's assignments, soonest due first, as a page's read (ADR 0076). */
    static PageRead<List<Assignment>> ofBatchRead(long universityId, long batchId) {
        return PageRead.list(
                "courses.assignments-of-batch:" + universityId + ":" + batchId,
                "SELECT " + ASSIGNMENT
                        + " FROM assignments WHERE university_id = ? AND batch_id = ? ORDER BY due_at, id",
                SqlRows.parameters(universityId, batchId),
                AssignmentStore::assignment);
    }

    Optional<Instant> extension(long universityId, long assignmentId, long userId) {
        return extensionRead(universityId, assignmentId, userId).runOn(jdbc);
    }

    /** {@link #extension}, as a page's read (ADR 0076). */
    static PageRead<Optional<Instant>> extensionRead(long universityId, long assignmentId, long userId) {
        return PageRead.optional(
                "courses.extension:" + universityId + ":" + assignmentId + ":" + userId,
                "SELECT due_at FROM assignment_extensions WHERE university_id = ? AND assignment_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, assignmentId, userId),
                rows -> instant(rows, "due_at"));
    }

    void extend(long universityId, long assignmentId, long userId, Instant dueAt, long grantedBy) {
        SqlRows.update(
                jdbc,
                "INSERT INTO assignment_extensions (university_id, assignment_id, user_id, due_at, granted_by)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (university_id, assignment_id, user_id)"
                        + " DO UPDATE SET due_at = EXCLUDED.due_at, granted_by = EXCLUDED.granted_by, created_at = now()",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, assignmentId);
                    statement.setLong(3, userId);
                    statement.setTimestamp(4, timestamp(dueAt));
                    statement.setLong(5, grantedBy);
                });
    }

    int attempts(long universityId, long assignmentId, long userId) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM submissions WHERE university_id = ? AND assignment_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, assignmentId, userId),
                rows -> rows.getInt(1));
    }

    Submission insertSubmission(
            long universityId,
            long assignmentId,
            long userId,
            int attempt,
            @Nullable String body,
            @Nullable StoredFile file,
            boolean late,
            Instant at) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO submissions (university_id, assignment_id, user_id, attempt, body, file_key, file_name,"
                        + " file_type, file_size, late, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING " + SUBMISSION,
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, assignmentId);
                    statement.setLong(3, userId);
                    statement.setInt(4, attempt);
                    statement.setString(5, body);
                    statement.setString(6, file == null ? null : file.key());
                    statement.setString(7, file == null ? null : file.name());
                    statement.setString(8, file == null ? null : file.type());
                    statement.setObject(9, file == null ? null : file.size(), Types.BIGINT);
                    statement.setBoolean(10, late);
                    statement.setTimestamp(11, timestamp(at));
                },
                AssignmentStore::submission);
    }

    Optional<Submission> submission(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + SUBMISSION + " FROM submissions WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                AssignmentStore::submission);
    }

    /** A student's attempts at an assignment, first to last, as a page's read (ADR 0076). */
    static PageRead<List<Submission>> submissionsOfRead(long universityId, long assignmentId, long userId) {
        return PageRead.list(
                "courses.submissions-of:" + universityId + ":" + assignmentId + ":" + userId,
                "SELECT " + SUBMISSION + " FROM submissions WHERE university_id = ? AND assignment_id = ?"
                        + " AND user_id = ? ORDER BY attempt",
                SqlRows.parameters(universityId, assignmentId, userId),
                AssignmentStore::submission);
    }

    /**
     * Every attempt of one page of the students who submitted to an assignment ({@code students} of them by user
     * id, from {@code offset}), by student then attempt, as a page's read (ADR 0076): the instructor's page of a
     * large batch shows a page of students' work at a time.
     */
    static PageRead<List<Submission>> submissionsPageRead(
            long universityId, long assignmentId, long offset, int students) {
        return PageRead.list(
                "courses.submissions-page:" + universityId + ":" + assignmentId + ":" + offset + ":" + students,
                // the page's students as an array read once: as "user_id IN (SELECT … LIMIT n)" PostgreSQL chose,
                // on the full-scale bench data, to run the subquery again for every attempt (533 times, 8 ms)
                "SELECT " + SUBMISSION + " FROM submissions WHERE university_id = ? AND assignment_id = ?"
                        + " AND user_id = ANY (ARRAY(SELECT DISTINCT user_id FROM submissions WHERE university_id = ?"
                        + " AND assignment_id = ? ORDER BY user_id" + SqlRows.limit(students, offset) + "))"
                        + " ORDER BY user_id, attempt",
                SqlRows.parameters(universityId, assignmentId, universityId, assignmentId),
                AssignmentStore::submission);
    }

    /** How many students submitted to an assignment, as a page's read (ADR 0076). */
    static PageRead<Long> submittersRead(long universityId, long assignmentId) {
        return PageRead.single(
                "courses.submitters:" + universityId + ":" + assignmentId,
                "SELECT count(DISTINCT user_id) FROM submissions WHERE university_id = ? AND assignment_id = ?",
                SqlRows.parameters(universityId, assignmentId),
                rows -> rows.getLong(1));
    }

    /** How many students who submitted to an assignment come before {@code userId} (by user id). */
    long submittersBefore(long universityId, long assignmentId, long userId) {
        return SqlRows.single(
                jdbc,
                "SELECT count(DISTINCT user_id) FROM submissions WHERE university_id = ? AND assignment_id = ?"
                        + " AND user_id < ?",
                SqlRows.parameters(universityId, assignmentId, userId),
                rows -> rows.getLong(1));
    }

    /** Every attempt at an assignment, by student then attempt, as a page's read (ADR 0076). */
    static PageRead<List<Submission>> submissionsRead(long universityId, long assignmentId) {
        return PageRead.list(
                "courses.submissions:" + universityId + ":" + assignmentId,
                "SELECT " + SUBMISSION + " FROM submissions WHERE university_id = ? AND assignment_id = ?"
                        + " ORDER BY user_id, attempt",
                SqlRows.parameters(universityId, assignmentId),
                AssignmentStore::submission);
    }

    boolean grade(long universityId, long id, int score, String feedback, long gradedBy, Instant at) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE submissions SET score = ?, feedback = ?, graded_by = ?, graded_at = ?"
                                + " WHERE university_id = ? AND id = ?",
                        statement -> {
                            statement.setInt(1, score);
                            statement.setString(2, feedback);
                            statement.setLong(3, gradedBy);
                            statement.setTimestamp(4, timestamp(at));
                            statement.setLong(5, universityId);
                            statement.setLong(6, id);
                        })
                == 1;
    }

    /** Per assignment of a batch: students who submitted and graded scores (for the staff figures). */
    record AssignmentFigures(long assignmentId, int submitted, int graded, List<Integer> scores) {}

    /** Per assignment of a batch: who submitted, attempts graded, graded scores, as a page's read (ADR 0076). */
    static PageRead<List<AssignmentFigures>> figuresRead(long universityId, long batchId) {
        return PageRead.list(
                "courses.assignment-figures:" + universityId + ":" + batchId,
                "SELECT a.id, count(DISTINCT s.user_id), count(s.graded_at),"
                        + " coalesce(array_agg(s.score ORDER BY s.score) FILTER (WHERE s.graded_at IS NOT NULL),"
                        + " '{}'::int[]) FROM assignments a LEFT JOIN submissions s"
                        + " ON s.university_id = a.university_id AND s.assignment_id = a.id"
                        + " WHERE a.university_id = ? AND a.batch_id = ? GROUP BY a.id ORDER BY a.id",
                SqlRows.parameters(universityId, batchId),
                rows -> {
                    Integer[] scores = (Integer[]) rows.getArray(4).getArray();
                    return new AssignmentFigures(rows.getLong(1), rows.getInt(2), rows.getInt(3), List.of(scores));
                });
    }

    /** Attempts not graded yet across the university's assignments (the staff home panel), as a page's read. */
    static PageRead<Long> ungradedRead(long universityId) {
        return PageRead.single(
                "courses.ungraded:" + universityId,
                "SELECT count(*) FROM submissions WHERE university_id = ? AND graded_at IS NULL",
                SqlRows.parameters(universityId),
                rows -> rows.getLong(1));
    }

    /** Every attempt of a person, any assignment (privacy export and erasure). */
    List<Submission> submissionsByUser(long universityId, long userId) {
        return SqlRows.list(
                jdbc,
                "SELECT " + SUBMISSION + " FROM submissions WHERE university_id = ? AND user_id = ? ORDER BY id",
                SqlRows.parameters(universityId, userId),
                AssignmentStore::submission);
    }

    int deleteSubmissionsOf(long universityId, long userId) {
        return SqlRows.update(
                jdbc,
                "DELETE FROM submissions WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
    }

    int deleteExtensionsOf(long universityId, long userId) {
        return SqlRows.update(
                jdbc,
                "DELETE FROM assignment_extensions WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
    }

    private static Assignment assignment(ResultSet rows) throws SQLException {
        return new Assignment(
                rows.getLong("university_id"),
                rows.getLong("id"),
                rows.getLong("batch_id"),
                rows.getString("title"),
                rows.getString("instructions"),
                instant(rows, "opens_at"),
                instant(rows, "due_at"),
                instant(rows, "cutoff_at"),
                rows.getInt("max_attempts"),
                rows.getInt("max_score"));
    }

    private static Submission submission(ResultSet rows) throws SQLException {
        long size = rows.getLong("file_size");
        Long fileSize = rows.wasNull() ? null : size;
        int score = rows.getInt("score");
        Integer graded = rows.wasNull() ? null : score;
        return new Submission(
                rows.getLong("university_id"),
                rows.getLong("id"),
                rows.getLong("assignment_id"),
                rows.getLong("user_id"),
                rows.getInt("attempt"),
                rows.getString("body"),
                rows.getString("file_key"),
                rows.getString("file_name"),
                rows.getString("file_type"),
                fileSize,
                rows.getBoolean("late"),
                instant(rows, "submitted_at"),
                graded,
                rows.getString("feedback"),
                instant(rows, "graded_at"));
    }
}
