package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SQL of feedback and counsellors' private notes; every statement is scoped by {@code university_id}. */
@Singleton
class FeedbackStore {
    private final JdbcOperations jdbc;

    FeedbackStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Given(
            UUID appointmentId,
            long counsellorId,
            long studentId,
            int rating,
            @Nullable String comment,
            boolean hidden,
            @Nullable String hiddenReason,
            Instant createdAt) {}

    record Note(long id, long counsellorId, long studentId, String body, Instant createdAt) {}

    /** True when recorded; false when this appointment already has feedback. */
    boolean give(
            long universityId,
            UUID appointmentId,
            long counsellorId,
            long studentId,
            int rating,
            @Nullable String comment) {
        return Sql.update(
                        jdbc,
                        "INSERT INTO appointment_feedback (university_id, appointment_id, counsellor_id, student_id, rating,"
                                + " comment) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        universityId,
                        appointmentId,
                        counsellorId,
                        studentId,
                        rating,
                        comment)
                == 1;
    }

    List<Given> ofCounsellor(long universityId, long counsellorId) {
        return Sql.list(
                jdbc,
                "SELECT * FROM appointment_feedback WHERE university_id = ? AND counsellor_id = ? ORDER BY created_at DESC",
                FeedbackStore::given,
                universityId,
                counsellorId);
    }

    List<Given> ofUniversity(long universityId) {
        return Sql.list(
                jdbc,
                "SELECT * FROM appointment_feedback WHERE university_id = ? ORDER BY created_at DESC LIMIT 500",
                FeedbackStore::given,
                universityId);
    }

    /** Average rating and count per counsellor of the university: counsellorId → [sum, count]. */
    java.util.Map<Long, long[]> ratings(long universityId) {
        java.util.Map<Long, long[]> result = new java.util.HashMap<>();
        Sql.list(
                        jdbc,
                        "SELECT counsellor_id, sum(rating), count(*) FROM appointment_feedback WHERE university_id = ?"
                                + " GROUP BY counsellor_id",
                        row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)},
                        universityId)
                .forEach(row -> result.put(row[0], new long[] {row[1], row[2]}));
        return result;
    }

    boolean hide(long universityId, UUID appointmentId, String reason, long staffId) {
        return Sql.update(
                        jdbc,
                        "UPDATE appointment_feedback SET hidden = TRUE, hidden_reason = ?, hidden_by = ?"
                                + " WHERE university_id = ? AND appointment_id = ?",
                        reason,
                        staffId,
                        universityId,
                        appointmentId)
                == 1;
    }

    void addNote(long universityId, long counsellorId, long studentId, String body) {
        Sql.update(
                jdbc,
                "INSERT INTO counsellor_notes (university_id, counsellor_id, student_id, body) VALUES (?, ?, ?, ?)",
                universityId,
                counsellorId,
                studentId,
                body);
    }

    List<Note> notes(long universityId, long counsellorId, long studentId) {
        return Sql.list(
                jdbc,
                "SELECT id, counsellor_id, student_id, body, created_at FROM counsellor_notes"
                        + " WHERE university_id = ? AND counsellor_id = ? AND student_id = ? ORDER BY id DESC",
                row -> new Note(
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getString(4),
                        Sql.instant(row, "created_at")),
                universityId,
                counsellorId,
                studentId);
    }

    private static Given given(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Given(
                Sql.uuid(row, "appointment_id"),
                row.getLong("counsellor_id"),
                row.getLong("student_id"),
                row.getInt("rating"),
                row.getString("comment"),
                row.getBoolean("hidden"),
                row.getString("hidden_reason"),
                Sql.instant(row, "created_at"));
    }
}
