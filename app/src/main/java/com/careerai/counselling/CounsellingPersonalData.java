package com.careerai.counselling;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Counselling as a student: bookings, feedback, disputes, strikes, waitlist and counsellors' notes
 * about them. Erasure empties what was written (notes, reasons, comments) and deletes the waitlist
 * and the counsellors' notes; the appointment rows stay (counsellors' calendars and earnings).
 */
@Singleton
class CounsellingPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    CounsellingPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "counselling";
    }

    @Override
    public Part export(long universityId, long userId) {
        SqlRows.Binder ids = SqlRows.parameters(universityId, userId);
        return Part.of(Map.of(
                "appointments",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(a) FROM appointments a WHERE university_id = ? AND student_id = ? ORDER BY starts_at",
                        ids),
                "feedback",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(f) FROM appointment_feedback f WHERE university_id = ? AND student_id = ?",
                        ids),
                "counsellorNotes",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(n) FROM counsellor_notes n WHERE university_id = ? AND student_id = ?",
                        ids),
                "noShowStrikes",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(s) FROM no_show_strikes s WHERE university_id = ? AND student_id = ?",
                        ids),
                "noShowDisputes",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(d) FROM no_show_disputes d WHERE university_id = ? AND student_id = ?",
                        ids),
                "waitlist",
                PersonalRows.json(
                        jdbc,
                        "SELECT to_jsonb(w) FROM counselling_waitlist w WHERE university_id = ? AND student_id = ?",
                        ids)));
    }

    @Override
    public void erase(long universityId, long userId) {
        erase(universityId, new Subject(userId, "", null, List.of()));
    }

    @Override
    public void erase(long universityId, Subject subject) {
        long userId = subject.userId();
        List<String> identifiers = subject.identifiers();
        SqlRows.update(
                jdbc,
                "UPDATE appointments SET note = NULL, cancel_reason = NULL WHERE university_id = ? AND student_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE appointment_history h SET details = " + PersonalRows.scrubJson("h.details")
                        + " FROM appointments a WHERE h.university_id = ? AND a.university_id = h.university_id"
                        + " AND a.id = h.appointment_id AND a.student_id = ?",
                PersonalRows.bind(identifiers, universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE appointment_feedback SET comment = NULL, hidden_reason = NULL WHERE university_id = ? AND student_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE no_show_disputes SET reason = ?, resolution = NULL WHERE university_id = ? AND student_id = ?",
                SqlRows.parameters(PersonalRows.ERASED, universityId, userId));
        SqlRows.update(
                jdbc,
                "DELETE FROM counsellor_notes WHERE university_id = ? AND student_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "DELETE FROM counselling_waitlist WHERE university_id = ? AND student_id = ?",
                SqlRows.parameters(universityId, userId));
    }
}
