package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of a student's booking standing: the per-student lock, no-show strikes and disputes. */
@Singleton
class StandingStore {
    static final Duration STRIKE_WINDOW = Duration.ofDays(90);

    private final JdbcOperations jdbc;

    StandingStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A dispute of a no-show. */
    record Dispute(
            long universityId,
            UUID appointmentId,
            long studentId,
            String reason,
            String status,
            @Nullable String resolution,
            boolean refunded,
            Instant createdAt) {}

    /**
     * Locks the student's standing row until the transaction ends (creating it if needed), so two
     * bookings of one student run one after the other; returns when staff last lifted a block.
     */
    Optional<Instant> lock(long universityId, long studentId) {
        Sql.update(
                jdbc,
                "INSERT INTO counselling_students (university_id, student_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                universityId,
                studentId);
        return Sql.one(
                        jdbc,
                        "SELECT strikes_cleared_at FROM counselling_students WHERE university_id = ? AND student_id = ? FOR UPDATE",
                        row -> Optional.ofNullable(Sql.instant(row, "strikes_cleared_at")),
                        universityId,
                        studentId)
                .orElse(Optional.empty());
    }

    /** Strikes that count now: not removed, within 90 days, after the last lift. */
    long countingStrikes(long universityId, long studentId, Instant now) {
        return Sql.count(
                jdbc,
                "SELECT count(*) FROM no_show_strikes s WHERE s.university_id = ? AND s.student_id = ?"
                        + " AND s.removed_at IS NULL AND s.created_at > ?"
                        + " AND s.created_at > COALESCE((SELECT strikes_cleared_at FROM counselling_students c"
                        + "   WHERE c.university_id = s.university_id AND c.student_id = s.student_id), '-infinity')",
                universityId,
                studentId,
                now.minus(STRIKE_WINDOW));
    }

    void addStrike(long universityId, UUID appointmentId, long studentId) {
        Sql.update(
                jdbc,
                "INSERT INTO no_show_strikes (university_id, appointment_id, student_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                universityId,
                appointmentId,
                studentId);
    }

    void removeStrike(long universityId, UUID appointmentId, long staffId) {
        Sql.update(
                jdbc,
                "UPDATE no_show_strikes SET removed_at = now(), removed_by = ? WHERE university_id = ?"
                        + " AND appointment_id = ? AND removed_at IS NULL",
                staffId,
                universityId,
                appointmentId);
    }

    /** Lifts the block of a student who has strikes here; false when there is no such student. */
    boolean lift(long universityId, long studentId, long staffId) {
        return Sql.update(
                        jdbc,
                        "INSERT INTO counselling_students (university_id, student_id, strikes_cleared_at, cleared_by)"
                                + " SELECT ?, ?, now(), ? WHERE EXISTS (SELECT 1 FROM no_show_strikes"
                                + " WHERE university_id = ? AND student_id = ?)"
                                + " ON CONFLICT (university_id, student_id)"
                                + " DO UPDATE SET strikes_cleared_at = now(), cleared_by = EXCLUDED.cleared_by",
                        universityId,
                        studentId,
                        staffId,
                        universityId,
                        studentId)
                > 0;
    }

    /** Students whose counting strikes reach {@code limit}: their ids. */
    List<Long> blockedStudents(long universityId, int limit, Instant now) {
        return Sql.list(
                jdbc,
                "SELECT s.student_id FROM no_show_strikes s LEFT JOIN counselling_students c"
                        + " ON c.university_id = s.university_id AND c.student_id = s.student_id"
                        + " WHERE s.university_id = ? AND s.removed_at IS NULL AND s.created_at > ?"
                        + " AND s.created_at > COALESCE(c.strikes_cleared_at, '-infinity')"
                        + " GROUP BY s.student_id HAVING count(*) >= ? ORDER BY s.student_id",
                row -> row.getLong(1),
                universityId,
                now.minus(STRIKE_WINDOW),
                limit);
    }

    boolean openDispute(long universityId, UUID appointmentId, long studentId, String reason) {
        return Sql.update(
                        jdbc,
                        "INSERT INTO no_show_disputes (university_id, appointment_id, student_id, reason)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        universityId,
                        appointmentId,
                        studentId,
                        reason)
                == 1;
    }

    Optional<Dispute> dispute(long universityId, UUID appointmentId) {
        return Sql.one(
                jdbc,
                "SELECT * FROM no_show_disputes WHERE university_id = ? AND appointment_id = ?",
                StandingStore::dispute,
                universityId,
                appointmentId);
    }

    List<Dispute> openDisputes(long universityId) {
        return Sql.list(
                jdbc,
                "SELECT * FROM no_show_disputes WHERE university_id = ? AND status = 'OPEN' ORDER BY created_at",
                StandingStore::dispute,
                universityId);
    }

    boolean resolve(
            long universityId, UUID appointmentId, boolean upheld, String resolution, boolean refunded, long staffId) {
        return Sql.update(
                        jdbc,
                        "UPDATE no_show_disputes SET status = ?, resolution = ?, refunded = ?, resolved_by = ?,"
                                + " resolved_at = now() WHERE university_id = ? AND appointment_id = ? AND status = 'OPEN'",
                        upheld ? "UPHELD" : "REJECTED",
                        resolution,
                        refunded,
                        staffId,
                        universityId,
                        appointmentId)
                == 1;
    }

    private static Dispute dispute(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Dispute(
                row.getLong("university_id"),
                Sql.uuid(row, "appointment_id"),
                row.getLong("student_id"),
                row.getString("reason"),
                row.getString("status"),
                row.getString("resolution"),
                row.getBoolean("refunded"),
                Sql.instant(row, "created_at"));
    }
}
