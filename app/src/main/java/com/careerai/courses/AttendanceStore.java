package com.careerai.courses;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL of session attendance; every statement names {@code university_id}. */
@Singleton
class AttendanceStore {
    private final JdbcOperations jdbc;

    AttendanceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The instructor's mark: present or absent, replacing any earlier mark or join. */
    void mark(long universityId, long sessionId, long userId, boolean present, long markedBy) {
        SqlRows.update(
                jdbc,
                "INSERT INTO session_attendance (university_id, session_id, user_id, present, source, marked_by)"
                        + " VALUES (?, ?, ?, ?, 'MARKED', ?) ON CONFLICT (university_id, session_id, user_id)"
                        + " DO UPDATE SET present = EXCLUDED.present, source = 'MARKED',"
                        + " marked_by = EXCLUDED.marked_by, marked_at = now()",
                SqlRows.parameters(universityId, sessionId, userId, present, markedBy));
    }

    /** A "Join" press counts as present unless the instructor has already marked the student. */
    void joined(long universityId, long sessionId, long userId) {
        SqlRows.update(
                jdbc,
                "INSERT INTO session_attendance (university_id, session_id, user_id, present, source)"
                        + " VALUES (?, ?, ?, true, 'JOINED') ON CONFLICT (university_id, session_id, user_id) DO NOTHING",
                SqlRows.parameters(universityId, sessionId, userId));
    }

    /**
     * Who is recorded for each of these sessions: session id → (user id → present), as a page's read (ADR
     * 0076); an instructor's batch page shows the register of the latest session started, and of one asked for.
     */
    static PageRead<Map<Long, Map<Long, Boolean>>> ofSessionsRead(long universityId, List<Long> sessionIds) {
        List<Long> ids = sessionIds.stream().distinct().sorted().toList();
        return new PageRead<>(
                "courses.attendance-of-sessions:" + universityId + ":" + ids,
                "SELECT session_id, user_id, present FROM session_attendance"
                        + " WHERE university_id = ? AND session_id = ANY(" + SqlRows.BIGINT_ARRAY + ")",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setArray(2, statement.getConnection().createArrayOf("bigint", ids.toArray()));
                },
                rows -> {
                    Map<Long, Map<Long, Boolean>> bySession = new HashMap<>();
                    while (rows.next()) {
                        bySession
                                .computeIfAbsent(rows.getLong(1), session -> new HashMap<>())
                                .put(rows.getLong(2), rows.getBoolean(3));
                    }
                    return bySession;
                });
    }

    /**
     * One line per session of the batch that has started by {@code now} and is not cancelled: how
     * many were present, how many have a record at all, and how many were expected (the batch's
     * ACTIVE students, plus anyone recorded who is no longer active).
     */
    record SessionAttendance(long sessionId, Instant startsAt, long present, long recorded, long expected) {}

    /** Attendance per started session of a batch, as a page's read (ADR 0076). */
    static PageRead<List<SessionAttendance>> figuresRead(long universityId, long batchId, Instant now) {
        return PageRead.list(
                // not keyed by the instant: a page reads the figures once, as of when it sent them
                "courses.attendance-figures:" + universityId + ":" + batchId,
                "WITH roster AS (SELECT user_id FROM enrolments WHERE university_id = ? AND batch_id = ?"
                        + " AND status = 'ACTIVE')"
                        + " SELECT s.id, s.starts_at,"
                        + " count(a.user_id) FILTER (WHERE a.present) AS present,"
                        + " count(a.user_id) AS recorded,"
                        + " (SELECT count(*) FROM roster)"
                        + " + count(a.user_id) FILTER (WHERE a.user_id NOT IN (SELECT user_id FROM roster)) AS expected"
                        + " FROM batch_sessions s LEFT JOIN session_attendance a"
                        + " ON a.university_id = s.university_id AND a.session_id = s.id"
                        + " WHERE s.university_id = ? AND s.batch_id = ? AND s.status = 'SCHEDULED' AND s.starts_at <= ?"
                        + " GROUP BY s.id, s.starts_at ORDER BY s.starts_at, s.id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, batchId);
                    statement.setLong(3, universityId);
                    statement.setLong(4, batchId);
                    statement.setTimestamp(5, Timestamp.from(now));
                },
                rows -> new SessionAttendance(
                        rows.getLong("id"),
                        CourseStore.instant(rows, "starts_at"),
                        rows.getLong("present"),
                        rows.getLong("recorded"),
                        rows.getLong("expected")));
    }

    /** One attendance row of a person, for their data export. */
    record Record(long sessionId, boolean present, String source, Instant markedAt) {}

    List<Record> ofUser(long universityId, long userId) {
        return SqlRows.list(
                jdbc,
                "SELECT session_id, present, source, marked_at FROM session_attendance"
                        + " WHERE university_id = ? AND user_id = ? ORDER BY marked_at, session_id",
                SqlRows.parameters(universityId, userId),
                rows -> new Record(
                        rows.getLong("session_id"),
                        rows.getBoolean("present"),
                        rows.getString("source"),
                        CourseStore.instant(rows, "marked_at")));
    }

    /** Erasure: a person's attendance rows. */
    void deleteOf(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM session_attendance WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
    }
}
