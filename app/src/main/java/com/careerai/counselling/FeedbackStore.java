package com.careerai.counselling;

import com.careerai.platform.data.PageRead;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * Records feedback as given at {@code givenAt} (the demo's past sessions), or now when null. True when
     * recorded; false when this appointment already has feedback.
     */
    boolean give(
            long universityId,
            UUID appointmentId,
            long counsellorId,
            long studentId,
            int rating,
            @Nullable String comment,
            @Nullable Instant givenAt) {
        return Sql.update(
                        jdbc,
                        "INSERT INTO appointment_feedback (university_id, appointment_id, counsellor_id, student_id, rating,"
                                + " comment, created_at) VALUES (?, ?, ?, ?, ?, ?, coalesce(CAST(? AS timestamptz), now()))"
                                + " ON CONFLICT DO NOTHING",
                        universityId,
                        appointmentId,
                        counsellorId,
                        studentId,
                        rating,
                        comment,
                        givenAt)
                == 1;
    }

    /**
     * A counsellor's {@link RatingSummary}, as a page's read (ADR 0076): their ratings counted by month and
     * stars in SQL rather than every row shipped to Java.
     */
    static PageRead<RatingSummary> summary(long universityId, long counsellorId) {
        return Sql.listRead(
                        "counselling.rating-summary:" + universityId + ":" + counsellorId,
                        "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM'), rating, count(*) FROM appointment_feedback"
                                + " WHERE university_id = ? AND counsellor_id = ? GROUP BY 1, 2",
                        row -> new RatingSummary.Counted(row.getString(1), row.getInt(2), row.getInt(3)),
                        universityId,
                        counsellorId)
                .map(RatingSummary::of);
    }

    /** A counsellor's newest {@code limit} feedback, as a page's read. */
    static PageRead<List<Given>> newest(long universityId, long counsellorId, int limit) {
        return Sql.listRead(
                "counselling.feedback:" + universityId + ":" + counsellorId + ":" + limit,
                "SELECT * FROM appointment_feedback WHERE university_id = ? AND counsellor_id = ?"
                        + " ORDER BY created_at DESC LIMIT ?",
                FeedbackStore::given,
                universityId,
                counsellorId,
                limit);
    }

    List<Given> ofUniversity(long universityId) {
        return Sql.list(
                jdbc,
                "SELECT * FROM appointment_feedback WHERE university_id = ? ORDER BY created_at DESC LIMIT 500",
                FeedbackStore::given,
                universityId);
    }

    /** A counsellor's ratings as students see them beside the name: their sum and how many (hidden comments too). */
    record Tally(long sum, int count) {
        static final Tally NONE = new Tally(0, 0);

        /** The average to one decimal, or null without a rating. */
        @Nullable
        Double average() {
            return count == 0 ? null : RatingSummary.round((double) sum / count);
        }
    }

    /**
     * Every counsellor's {@link Tally} of the university, as a page's read (ADR 0076): one aggregate over
     * the university's feedback, every row counted (the list once averaged the newest 500 of them).
     */
    static PageRead<Map<Long, Tally>> tallies(long universityId) {
        return Sql.listRead(
                        "counselling.rating-tallies:" + universityId,
                        "SELECT counsellor_id, sum(rating), count(*) FROM appointment_feedback WHERE university_id = ?"
                                + " GROUP BY counsellor_id",
                        row -> Map.entry(row.getLong(1), new Tally(row.getLong(2), row.getInt(3))),
                        universityId)
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** One counsellor's {@link Tally}, as a page's read. */
    static PageRead<Tally> tally(long universityId, long counsellorId) {
        return Sql.oneRead(
                        "counselling.rating-tally:" + universityId + ":" + counsellorId,
                        "SELECT coalesce(sum(rating), 0), count(*) FROM appointment_feedback"
                                + " WHERE university_id = ? AND counsellor_id = ?",
                        row -> new Tally(row.getLong(1), row.getInt(2)),
                        universityId,
                        counsellorId)
                .map(found -> found.orElse(Tally.NONE));
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

    /** A counsellor's notes about a student, newest first, as a page's read (ADR 0076). */
    static PageRead<List<Note>> notesRead(long universityId, long counsellorId, long studentId) {
        return Sql.listRead(
                "counselling.notes:" + universityId + ":" + counsellorId + ":" + studentId,
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
