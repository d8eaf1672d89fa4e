package com.careerai.courses;

import com.careerai.credits.Currency;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of courses, batches and their sessions. Every statement names {@code university_id};
 * joins the caller's transaction.
 */
@Singleton
class CourseStore {
    private static final String COURSE = "university_id, id, title, description, outcomes, price_cents, currency,"
            + " price_credits, credits_currency, capacity, visibility, archived";
    private static final String BATCH = "university_id, id, course_id, name, starts_on, ends_on, time_zone, week_days,"
            + " local_start, minutes, instructor_id, meeting_url, enrol_opens_at, enrol_closes_at, capacity, seats_taken";
    private static final String SESSION =
            "university_id, id, batch_id, starts_at, ends_at, status, moved_from, recording_url";

    private final JdbcOperations jdbc;

    CourseStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What staff write for a course. */
    record CourseFields(
            String title,
            String description,
            String outcomes,
            @Nullable Long priceCents,
            @Nullable String currency,
            @Nullable Integer priceCredits,
            @Nullable Currency creditsCurrency,
            int capacity,
            Course.Visibility visibility) {}

    /** What staff write for a batch. */
    record BatchFields(
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            ZoneId zone,
            List<Integer> weekDays,
            LocalTime localStart,
            int minutes,
            long instructorId,
            @Nullable String meetingUrl,
            @Nullable Instant enrolOpensAt,
            @Nullable Instant enrolClosesAt,
            int capacity) {}

    long insertCourse(long universityId, long createdBy, CourseFields fields) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO courses (university_id, title, description, outcomes, price_cents, currency, price_credits,"
                        + " credits_currency, capacity, visibility, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING id",
                statement -> {
                    statement.setLong(1, universityId);
                    bindCourse(statement, 2, fields);
                    statement.setLong(11, createdBy);
                },
                rows -> rows.getLong(1));
    }

    boolean updateCourse(long universityId, long id, CourseFields fields) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE courses SET title = ?, description = ?, outcomes = ?, price_cents = ?, currency = ?,"
                                + " price_credits = ?, credits_currency = ?, capacity = ?, visibility = ?, updated_at = now()"
                                + " WHERE university_id = ? AND id = ?",
                        statement -> {
                            bindCourse(statement, 1, fields);
                            statement.setLong(10, universityId);
                            statement.setLong(11, id);
                        })
                == 1;
    }

    private static void bindCourse(java.sql.PreparedStatement statement, int first, CourseFields fields)
            throws SQLException {
        statement.setString(first, fields.title());
        statement.setString(first + 1, fields.description());
        statement.setString(first + 2, fields.outcomes());
        statement.setObject(first + 3, fields.priceCents(), Types.BIGINT);
        statement.setString(first + 4, fields.currency());
        statement.setObject(first + 5, fields.priceCredits(), Types.INTEGER);
        statement.setString(
                first + 6,
                fields.creditsCurrency() == null
                        ? null
                        : fields.creditsCurrency().name());
        statement.setInt(first + 7, fields.capacity());
        statement.setString(first + 8, fields.visibility().name());
    }

    Optional<Long> courseIdByTitle(long universityId, String title) {
        return SqlRows.optional(
                jdbc,
                "SELECT min(id) FROM courses WHERE university_id = ? AND title = ? HAVING count(*) > 0",
                SqlRows.parameters(universityId, title),
                rows -> rows.getLong(1));
    }

    Optional<Course> course(long universityId, long id) {
        return courseRead(universityId, id).runOn(jdbc);
    }

    /** One course of the university, archived or not, as a page's read (ADR 0076). */
    static PageRead<Optional<Course>> courseRead(long universityId, long id) {
        return PageRead.optional(
                "courses.course:" + universityId + ":" + id,
                "SELECT " + COURSE + " FROM courses WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                CourseStore::course);
    }

    /**
     * Courses not archived, newest first, students-only ones too when {@code students}: a page of them, as a
     * page's read (ADR 0076).
     */
    static PageRead<List<Course>> coursesRead(long universityId, boolean students, int limit, long offset) {
        return PageRead.list(
                "courses.list:" + universityId + ":" + students + ":" + limit + ":" + offset,
                "SELECT " + COURSE + " FROM courses WHERE university_id = ? AND NOT archived"
                        + " AND (visibility = 'PUBLIC' OR ?) ORDER BY id DESC" + SqlRows.limit(limit, offset),
                SqlRows.parameters(universityId, students),
                CourseStore::course);
    }

    /** How many {@link #coursesRead} pages through, as a page's read. */
    static PageRead<Long> countCoursesRead(long universityId, boolean students) {
        return PageRead.single(
                "courses.count:" + universityId + ":" + students,
                "SELECT count(*) FROM courses WHERE university_id = ? AND NOT archived AND (visibility = 'PUBLIC' OR ?)",
                SqlRows.parameters(universityId, students),
                rows -> rows.getLong(1));
    }

    /**
     * Public courses with a batch open for enrolment starting on or after {@code from}, soonest
     * first, with that batch's start date.
     */
    List<CourseOffers.PublicCourse> upcomingPublic(long universityId, LocalDate from, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT c." + COURSE.replace(", ", ", c.") + ", min(b.starts_on) AS next_start FROM courses c"
                        + " JOIN batches b ON b.university_id = c.university_id AND b.course_id = c.id"
                        + " WHERE c.university_id = ? AND NOT c.archived AND c.visibility = 'PUBLIC'"
                        + " AND b.starts_on >= ? AND (b.enrol_closes_at IS NULL OR b.enrol_closes_at > now())"
                        + " GROUP BY c.university_id, c.id ORDER BY next_start, c.id LIMIT ?",
                SqlRows.parameters(universityId, from, limit),
                rows -> publicCourse(course(rows), rows.getObject("next_start", LocalDate.class)));
    }

    static CourseOffers.PublicCourse publicCourse(Course course, @Nullable LocalDate nextStart) {
        return new CourseOffers.PublicCourse(
                course.id(),
                course.title(),
                course.summary(),
                course.priceInWords(),
                nextStart,
                "/courses/" + course.id());
    }

    long insertBatch(long universityId, long courseId, BatchFields fields) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO batches (university_id, course_id, name, starts_on, ends_on, time_zone, week_days,"
                        + " local_start, minutes, instructor_id, meeting_url, enrol_opens_at, enrol_closes_at, capacity)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, courseId);
                    statement.setString(3, fields.name());
                    statement.setObject(4, fields.startsOn());
                    statement.setObject(5, fields.endsOn());
                    statement.setString(6, fields.zone().getId());
                    statement.setArray(
                            7,
                            statement
                                    .getConnection()
                                    .createArrayOf("smallint", fields.weekDays().toArray()));
                    statement.setObject(8, fields.localStart());
                    statement.setInt(9, fields.minutes());
                    statement.setLong(10, fields.instructorId());
                    statement.setString(11, fields.meetingUrl());
                    statement.setTimestamp(12, timestamp(fields.enrolOpensAt()));
                    statement.setTimestamp(13, timestamp(fields.enrolClosesAt()));
                    statement.setInt(14, fields.capacity());
                },
                rows -> rows.getLong(1));
    }

    /** Changes what does not move sessions: name, instructor, link, window. */
    boolean updateBatch(
            long universityId,
            long id,
            String name,
            long instructorId,
            @Nullable String meetingUrl,
            @Nullable Instant opens,
            @Nullable Instant closes) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE batches SET name = ?, instructor_id = ?, meeting_url = ?, enrol_opens_at = ?,"
                                + " enrol_closes_at = ? WHERE university_id = ? AND id = ?",
                        statement -> {
                            statement.setString(1, name);
                            statement.setLong(2, instructorId);
                            statement.setString(3, meetingUrl);
                            statement.setTimestamp(4, timestamp(opens));
                            statement.setTimestamp(5, timestamp(closes));
                            statement.setLong(6, universityId);
                            statement.setLong(7, id);
                        })
                == 1;
    }

    Optional<Batch> batch(long universityId, long id) {
        return batchRead(universityId, id).runOn(jdbc);
    }

    /** One batch of the university, as a page's read (ADR 0076). */
    static PageRead<Optional<Batch>> batchRead(long universityId, long id) {
        return PageRead.optional(
                "courses.batch:" + universityId + ":" + id,
                "SELECT " + BATCH + " FROM batches WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                CourseStore::batch);
    }

    /** The course a batch belongs to, as a page's read (ADR 0076): read with the batch, not after it. */
    static PageRead<Optional<Course>> courseOfBatchRead(long universityId, long batchId) {
        return PageRead.optional(
                "courses.course-of-batch:" + universityId + ":" + batchId,
                "SELECT " + COURSE + " FROM courses WHERE university_id = ?"
                        + " AND id = (SELECT course_id FROM batches WHERE university_id = ? AND id = ?)",
                SqlRows.parameters(universityId, universityId, batchId),
                CourseStore::course);
    }

    List<Batch> batchesOfCourse(long universityId, long courseId) {
        return batchesOfCourseRead(universityId, courseId).runOn(jdbc);
    }

    /** A course's batches, soonest first, as a page's read (ADR 0076). */
    static PageRead<List<Batch>> batchesOfCourseRead(long universityId, long courseId) {
        return PageRead.list(
                "courses.batches-of:" + universityId + ":" + courseId,
                "SELECT " + BATCH + " FROM batches WHERE university_id = ? AND course_id = ? ORDER BY starts_on, id",
                SqlRows.parameters(universityId, courseId),
                CourseStore::batch);
    }

    /**
     * Takes one place of the batch if one is left: one conditional UPDATE; concurrent takers wait
     * on the row and re-check the count, so the database never gives more places than exist.
     */
    boolean takePlace(long universityId, long batchId) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE batches SET seats_taken = seats_taken + 1"
                                + " WHERE university_id = ? AND id = ? AND seats_taken < capacity",
                        SqlRows.parameters(universityId, batchId))
                == 1;
    }

    void releasePlace(long universityId, long batchId) {
        SqlRows.update(
                jdbc,
                "UPDATE batches SET seats_taken = seats_taken - 1 WHERE university_id = ? AND id = ? AND seats_taken > 0",
                SqlRows.parameters(universityId, batchId));
    }

    void insertSession(long universityId, long batchId, Instant startsAt, Instant endsAt) {
        SqlRows.update(
                jdbc,
                "INSERT INTO batch_sessions (university_id, batch_id, starts_at, ends_at) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, batchId);
                    statement.setTimestamp(3, Timestamp.from(startsAt));
                    statement.setTimestamp(4, Timestamp.from(endsAt));
                });
    }

    List<BatchSession> sessions(long universityId, long batchId) {
        return sessionsRead(universityId, batchId).runOn(jdbc);
    }

    /** A batch's sessions, soonest first, as a page's read (ADR 0076). */
    static PageRead<List<BatchSession>> sessionsRead(long universityId, long batchId) {
        return PageRead.list(
                "courses.sessions:" + universityId + ":" + batchId,
                "SELECT " + SESSION
                        + " FROM batch_sessions WHERE university_id = ? AND batch_id = ? ORDER BY starts_at, id",
                SqlRows.parameters(universityId, batchId),
                CourseStore::session);
    }

    Optional<BatchSession> session(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + SESSION + " FROM batch_sessions WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                CourseStore::session);
    }

    boolean cancelSession(long universityId, long id) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE batch_sessions SET status = 'CANCELLED' WHERE university_id = ? AND id = ?",
                        SqlRows.parameters(universityId, id))
                == 1;
    }

    boolean moveSession(long universityId, long id, Instant startsAt, Instant endsAt) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE batch_sessions SET moved_from = coalesce(moved_from, starts_at), starts_at = ?, ends_at = ?,"
                                + " status = 'SCHEDULED' WHERE university_id = ? AND id = ?",
                        statement -> {
                            statement.setTimestamp(1, Timestamp.from(startsAt));
                            statement.setTimestamp(2, Timestamp.from(endsAt));
                            statement.setLong(3, universityId);
                            statement.setLong(4, id);
                        })
                == 1;
    }

    boolean setRecording(long universityId, long id, @Nullable String url) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE batch_sessions SET recording_url = ? WHERE university_id = ? AND id = ?",
                        SqlRows.parameters(url, universityId, id))
                == 1;
    }

    /** The next session not cancelled that has not ended at {@code now}, of any of the user's active batches. */
    PageRead<Optional<NextSession>> nextSessionOf(long universityId, long userId, Instant now) {
        return PageRead.optional(
                "courses.next-session:" + universityId + ":" + userId,
                // the next session first, then its batch and course: joined for that one row, not for
                // every session still to come (91 → 13 buffers for a student in one batch)
                "SELECT n.*, c.title, b.name AS batch_name FROM (SELECT s." + SESSION.replace(", ", ", s.")
                        + " FROM batch_sessions s"
                        + " JOIN enrolments e ON e.university_id = s.university_id AND e.batch_id = s.batch_id"
                        + " WHERE s.university_id = ? AND e.user_id = ? AND e.status = 'ACTIVE'"
                        + " AND s.status = 'SCHEDULED' AND s.ends_at > ? ORDER BY s.starts_at LIMIT 1) n"
                        + " JOIN batches b ON b.university_id = n.university_id AND b.id = n.batch_id"
                        + " JOIN courses c ON c.university_id = b.university_id AND c.id = b.course_id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, userId);
                    statement.setTimestamp(3, Timestamp.from(now));
                },
                rows -> new NextSession(session(rows), rows.getString("title"), rows.getString("batch_name")));
    }

    record NextSession(BatchSession session, String courseTitle, String batchName) {}

    static Course course(ResultSet rows) throws SQLException {
        String credits = rows.getString("credits_currency");
        return new Course(
                rows.getLong("university_id"),
                rows.getLong("id"),
                rows.getString("title"),
                rows.getString("description"),
                rows.getString("outcomes"),
                rows.getObject("price_cents", Long.class),
                rows.getString("currency"),
                rows.getObject("price_credits", Integer.class),
                credits == null ? null : Currency.valueOf(credits),
                rows.getInt("capacity"),
                Course.Visibility.valueOf(rows.getString("visibility")),
                rows.getBoolean("archived"));
    }

    static Batch batch(ResultSet rows) throws SQLException {
        Array days = rows.getArray("week_days");
        Object[] values = (Object[]) days.getArray();
        return new Batch(
                rows.getLong("university_id"),
                rows.getLong("id"),
                rows.getLong("course_id"),
                rows.getString("name"),
                rows.getObject("starts_on", LocalDate.class),
                rows.getObject("ends_on", LocalDate.class),
                ZoneId.of(rows.getString("time_zone")),
                Arrays.stream(values).map(v -> ((Number) v).intValue()).toList(),
                rows.getObject("local_start", LocalTime.class),
                rows.getInt("minutes"),
                rows.getLong("instructor_id"),
                rows.getString("meeting_url"),
                instant(rows, "enrol_opens_at"),
                instant(rows, "enrol_closes_at"),
                rows.getInt("capacity"),
                rows.getInt("seats_taken"));
    }

    static BatchSession session(ResultSet rows) throws SQLException {
        return new BatchSession(
                rows.getLong("university_id"),
                rows.getLong("id"),
                rows.getLong("batch_id"),
                instant(rows, "starts_at"),
                instant(rows, "ends_at"),
                "CANCELLED".equals(rows.getString("status")),
                instant(rows, "moved_from"),
                rows.getString("recording_url"));
    }

    @Nullable
    static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @Nullable
    static Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static UUID uuid(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }
}
