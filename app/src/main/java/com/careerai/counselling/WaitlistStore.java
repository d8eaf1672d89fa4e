package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of counsellors' waitlists; every statement is scoped by {@code university_id}. */
@Singleton
class WaitlistStore {
    private final JdbcOperations jdbc;

    WaitlistStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(
            long universityId,
            long id,
            long counsellorId,
            long studentId,
            long sessionTypeId,
            String status,
            @Nullable Instant offeredStart,
            @Nullable Instant offerExpiresAt) {}

    /** Adds the student (once: a live entry is unique); true when added. */
    boolean join(long universityId, long counsellorId, long studentId, long sessionTypeId) {
        return Sql.update(
                        jdbc,
                        "INSERT INTO counselling_waitlist (university_id, counsellor_id, student_id, session_type_id)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        universityId,
                        counsellorId,
                        studentId,
                        sessionTypeId)
                == 1;
    }

    List<Entry> live(long universityId, long counsellorId) {
        return Sql.list(
                jdbc,
                "SELECT * FROM counselling_waitlist WHERE university_id = ? AND counsellor_id = ?"
                        + " AND status IN ('WAITING', 'OFFERED') ORDER BY id FOR UPDATE",
                WaitlistStore::entry,
                universityId,
                counsellorId);
    }

    Optional<Entry> find(long universityId, long id) {
        return Sql.one(
                jdbc,
                "SELECT * FROM counselling_waitlist WHERE university_id = ? AND id = ?",
                WaitlistStore::entry,
                universityId,
                id);
    }

    List<Entry> ofStudent(long universityId, long studentId) {
        return Sql.list(
                jdbc,
                "SELECT * FROM counselling_waitlist WHERE university_id = ? AND student_id = ?"
                        + " AND status IN ('WAITING', 'OFFERED') ORDER BY id",
                WaitlistStore::entry,
                universityId,
                studentId);
    }

    void offer(long universityId, long id, Instant start, Instant expiresAt) {
        Sql.update(
                jdbc,
                "UPDATE counselling_waitlist SET status = 'OFFERED', offered_start = ?, offer_expires_at = ?"
                        + " WHERE university_id = ? AND id = ?",
                start,
                expiresAt,
                universityId,
                id);
    }

    void setStatus(long universityId, long id, String status) {
        Sql.update(
                jdbc,
                "UPDATE counselling_waitlist SET status = ? WHERE university_id = ? AND id = ?",
                status,
                universityId,
                id);
    }

    void markBooked(long universityId, long counsellorId, long studentId) {
        Sql.update(
                jdbc,
                "UPDATE counselling_waitlist SET status = 'BOOKED' WHERE university_id = ? AND counsellor_id = ?"
                        + " AND student_id = ? AND status IN ('WAITING', 'OFFERED')",
                universityId,
                counsellorId,
                studentId);
    }

    /** The live offer holding {@code start} of the counsellor for someone, if any. */
    Optional<Entry> liveOfferOf(long universityId, long counsellorId, Instant start, Instant now) {
        return Sql.one(
                jdbc,
                "SELECT * FROM counselling_waitlist WHERE university_id = ? AND counsellor_id = ? AND status = 'OFFERED'"
                        + " AND offered_start = ? AND offer_expires_at > ?",
                WaitlistStore::entry,
                universityId,
                counsellorId,
                start,
                now);
    }

    private static Entry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Entry(
                row.getLong("university_id"),
                row.getLong("id"),
                row.getLong("counsellor_id"),
                row.getLong("student_id"),
                row.getLong("session_type_id"),
                row.getString("status"),
                Sql.instant(row, "offered_start"),
                Sql.instant(row, "offer_expires_at"));
    }
}
