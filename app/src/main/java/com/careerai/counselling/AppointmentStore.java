package com.careerai.counselling;

import com.careerai.counselling.SlotGenerator.Busy;
import com.careerai.platform.data.PageRead;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of appointments and their history; every statement is scoped by {@code university_id}. */
@Singleton
class AppointmentStore {
    private final JdbcOperations jdbc;

    AppointmentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of the staff list; nulls mean "any". */
    record Filter(
            @Nullable Long counsellorId,
            @Nullable AppointmentStatus status,
            @Nullable Instant from,
            @Nullable Instant to) {}

    /**
     * Inserts a new appointment holding [blockedFrom, blockedUntil) of the counsellor's time.
     *
     * @throws SlotTakenException when PostgreSQL's exclusion constraint finds an overlapping one
     */
    void insert(Appointment a, Instant blockedFrom, Instant blockedUntil) {
        try {
            Sql.update(
                    jdbc,
                    "INSERT INTO appointments (university_id, id, counsellor_id, student_id, session_type_id,"
                            + " session_type, session_name, starts_at, ends_at, blocked_from, blocked_until, status,"
                            + " payment, charged_gold, note, resume_run_id, meeting_url, booked_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.universityId(),
                    a.id(),
                    a.counsellorId(),
                    a.studentId(),
                    a.sessionTypeId(),
                    a.sessionType(),
                    a.sessionName(),
                    a.startsAt(),
                    a.endsAt(),
                    blockedFrom,
                    blockedUntil,
                    a.status(),
                    a.payment(),
                    a.chargedGold(),
                    a.note(),
                    a.resumeRunId(),
                    a.meetingUrl(),
                    a.bookedBy());
        } catch (RuntimeException e) {
            if (Sql.isExclusionViolation(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    Optional<Appointment> find(long universityId, UUID id) {
        return findRead(universityId, id).runOn(jdbc);
    }

    /** One appointment of the university, as a page's read (ADR 0076). */
    static PageRead<Optional<Appointment>> findRead(long universityId, UUID id) {
        return Sql.oneRead(
                "counselling.appointment:" + universityId + ":" + id,
                "SELECT * FROM appointments WHERE university_id = ? AND id = ?",
                AppointmentStore::appointment,
                universityId,
                id);
    }

    /** The appointment, locked until the transaction ends. */
    Optional<Appointment> lock(long universityId, UUID id) {
        return Sql.one(
                jdbc,
                "SELECT * FROM appointments WHERE university_id = ? AND id = ? FOR UPDATE",
                AppointmentStore::appointment,
                universityId,
                id);
    }

    /** A student's newest 200 appointments, as a page's read (ADR 0076). */
    static PageRead<List<Appointment>> ofStudentRead(long universityId, long studentId) {
        return Sql.listRead(
                "counselling.student-appointments:" + universityId + ":" + studentId,
                "SELECT * FROM appointments WHERE university_id = ? AND student_id = ? ORDER BY starts_at DESC LIMIT 200",
                AppointmentStore::appointment,
                universityId,
                studentId);
    }

    /** A student's newest appointments, any status, latest start first, as a page's read (ADR 0076). */
    static PageRead<List<StudentAppointment>> summariesOfStudent(long universityId, long studentId, int limit) {
        return Sql.listRead(
                "counselling.of-student:" + universityId + ":" + studentId + ":" + limit,
                "SELECT a.id, a.session_name, c.display_name, a.starts_at, a.ends_at, a.status, a.charged_gold"
                        + " FROM appointments a JOIN counsellors c"
                        + " ON c.university_id = a.university_id AND c.user_id = a.counsellor_id"
                        + " WHERE a.university_id = ? AND a.student_id = ? ORDER BY a.starts_at DESC LIMIT ?",
                row -> new StudentAppointment(
                        Sql.uuid(row, "id"),
                        row.getString("session_name"),
                        row.getString("display_name"),
                        Sql.instant(row, "starts_at"),
                        Sql.instant(row, "ends_at"),
                        row.getString("status"),
                        row.getInt("charged_gold")),
                universityId,
                studentId,
                limit);
    }

    /** The student's appointments still to come (pending or confirmed), soonest first. */
    PageRead<List<StudentAppointment>> upcomingOfStudent(
            long universityId, long studentId, java.time.Instant now, int limit) {
        return Sql.listRead(
                "counselling.upcoming:" + universityId + ":" + studentId + ":" + limit,
                "SELECT a.id, a.session_name, c.display_name, a.starts_at, a.ends_at, a.status, a.charged_gold"
                        + " FROM appointments a JOIN counsellors c"
                        + " ON c.university_id = a.university_id AND c.user_id = a.counsellor_id"
                        + " WHERE a.university_id = ? AND a.student_id = ? AND a.ends_at > ?"
                        + " AND a.status IN ('PENDING', 'CONFIRMED') ORDER BY a.starts_at LIMIT ?",
                row -> new StudentAppointment(
                        Sql.uuid(row, "id"),
                        row.getString("session_name"),
                        row.getString("display_name"),
                        Sql.instant(row, "starts_at"),
                        Sql.instant(row, "ends_at"),
                        row.getString("status"),
                        row.getInt("charged_gold")),
                universityId,
                studentId,
                now,
                limit);
    }

    /**
     * A counsellor's appointments to come or under way (PENDING or CONFIRMED, not ended; at most 500), by
     * start, as a page's read (ADR 0076): found through {@code appointments_counsellor_held} from now on, so
     * a year of history costs nothing. (Reading their oldest 500 of all, as this once did, lost today's
     * sessions once a counsellor had had 500.)
     */
    static PageRead<List<Appointment>> toComeRead(long universityId, long counsellorId, Instant now) {
        return Sql.listRead(
                "counselling.counsellor-appointments-to-come:" + universityId + ":" + counsellorId,
                "SELECT * FROM appointments WHERE university_id = ? AND counsellor_id = ?"
                        + " AND status IN ('PENDING', 'CONFIRMED') AND blocked_until > ? AND ends_at > ?"
                        + " ORDER BY starts_at LIMIT 500",
                AppointmentStore::appointment,
                universityId,
                counsellorId,
                now,
                now);
    }

    /**
     * A counsellor's CONFIRMED appointments that ended and wait to be closed (at most 200), by start, as a
     * page's read: through the partial index {@code appointments_counsellor_confirmed}.
     */
    static PageRead<List<Appointment>> toCloseRead(long universityId, long counsellorId, Instant now) {
        return Sql.listRead(
                "counselling.counsellor-appointments-to-close:" + universityId + ":" + counsellorId,
                "SELECT * FROM appointments WHERE university_id = ? AND counsellor_id = ?"
                        + " AND status = 'CONFIRMED' AND ends_at <= ? ORDER BY starts_at LIMIT 200",
                AppointmentStore::appointment,
                universityId,
                counsellorId,
                now);
    }

    /**
     * The newest 200 of a counsellor's other appointments (closed, cancelled, or PENDING and past), newest
     * first, as a page's read: {@code appointments_counsellor} read backwards.
     */
    static PageRead<List<Appointment>> historyRead(long universityId, long counsellorId, Instant now) {
        return Sql.listRead(
                "counselling.counsellor-appointments-history:" + universityId + ":" + counsellorId,
                "SELECT * FROM appointments WHERE university_id = ? AND counsellor_id = ?"
                        + " AND (status IN ('CANCELLED', 'COMPLETED', 'NO_SHOW') OR status = 'PENDING' AND ends_at <= ?)"
                        + " ORDER BY starts_at DESC LIMIT 200",
                AppointmentStore::appointment,
                universityId,
                counsellorId,
                now);
    }

    /** A counsellor's newest 200 appointments with one student, oldest first, as a page's read (ADR 0076). */
    static PageRead<List<Appointment>> ofCounsellorWithRead(long universityId, long counsellorId, long studentId) {
        return Sql.listRead(
                        "counselling.with-student:" + universityId + ":" + counsellorId + ":" + studentId,
                        "SELECT * FROM appointments WHERE university_id = ? AND student_id = ? AND counsellor_id = ?"
                                + " ORDER BY starts_at DESC LIMIT 200",
                        AppointmentStore::appointment,
                        universityId,
                        studentId,
                        counsellorId)
                .map(newestFirst -> {
                    List<Appointment> oldestFirst = new ArrayList<>(newestFirst);
                    java.util.Collections.reverse(oldestFirst);
                    return List.copyOf(oldestFirst);
                });
    }

    /**
     * Whether the student ever booked the counsellor (which lets the counsellor see the student's profile), as a
     * page's read (ADR 0076).
     */
    static PageRead<Boolean> haveMetRead(long universityId, long counsellorId, long studentId) {
        return Sql.oneRead(
                        "counselling.have-met:" + universityId + ":" + counsellorId + ":" + studentId,
                        "SELECT 1 FROM appointments WHERE university_id = ? AND counsellor_id = ? AND student_id = ?"
                                + " LIMIT 1",
                        row -> true,
                        universityId,
                        counsellorId,
                        studentId)
                .map(Optional::isPresent);
    }

    List<Appointment> all(long universityId, Filter filter, int limit) {
        return allRead(universityId, filter, limit).runOn(jdbc);
    }

    /** {@link #all} as a page's read (ADR 0076). */
    static PageRead<List<Appointment>> allRead(long universityId, Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM appointments WHERE university_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(universityId));
        if (filter.counsellorId() != null) {
            sql.append(" AND counsellor_id = ?");
            parameters.add(filter.counsellorId());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            parameters.add(filter.status());
        }
        if (filter.from() != null) {
            sql.append(" AND starts_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND starts_at < ?");
            parameters.add(filter.to());
        }
        sql.append(" ORDER BY starts_at DESC LIMIT ?");
        parameters.add(limit);
        return Sql.listRead(
                "counselling.appointments-for-staff:" + universityId + ":" + filter + ":" + limit,
                sql.toString(),
                AppointmentStore::appointment,
                parameters.toArray());
    }

    /** Time the counsellor's non-cancelled appointments hold in [from, until), except {@code except}. */
    List<Busy> busy(long universityId, long counsellorId, Instant from, Instant until, @Nullable UUID except) {
        return busyRead(universityId, counsellorId, from, until, except).runOn(jdbc);
    }

    /** {@link #busy} as a page's read (ADR 0076). */
    static PageRead<List<Busy>> busyRead(
            long universityId, long counsellorId, Instant from, Instant until, @Nullable UUID except) {
        return Sql.listRead(
                "counselling.busy:" + universityId + ":" + counsellorId + ":" + from + ":" + until + ":" + except,
                "SELECT blocked_from, blocked_until FROM appointments WHERE university_id = ? AND counsellor_id = ?"
                        + " AND status <> 'CANCELLED' AND blocked_until > ? AND blocked_from < ?"
                        + " AND id IS DISTINCT FROM ?",
                row -> new Busy(Sql.instant(row, "blocked_from"), Sql.instant(row, "blocked_until")),
                universityId,
                counsellorId,
                from,
                until,
                except);
    }

    long countUpcomingOfStudent(long universityId, long studentId, Instant now) {
        return Sql.count(
                jdbc,
                "SELECT count(*) FROM appointments WHERE university_id = ? AND student_id = ?"
                        + " AND status IN ('PENDING', 'CONFIRMED') AND ends_at > ?",
                universityId,
                studentId,
                now);
    }

    /** Plan sessions the student used for sessions starting in [from, until); refunded ones are back. */
    long countPlanSessions(long universityId, long studentId, Instant from, Instant until) {
        return Sql.count(
                jdbc,
                "SELECT count(*) FROM appointments WHERE university_id = ? AND student_id = ? AND payment = 'PLAN'"
                        + " AND NOT refunded AND starts_at >= ? AND starts_at < ?",
                universityId,
                studentId,
                from,
                until);
    }

    /** Moves the appointment (sequence bumped); {@code SlotTakenException} when the new time is held. */
    void move(long universityId, UUID id, Instant start, Instant end, Instant blockedFrom, Instant blockedUntil) {
        try {
            Sql.update(
                    jdbc,
                    "UPDATE appointments SET rescheduled_from = starts_at, starts_at = ?, ends_at = ?, blocked_from = ?,"
                            + " blocked_until = ?, sequence = sequence + 1, updated_at = now()"
                            + " WHERE university_id = ? AND id = ?",
                    start,
                    end,
                    blockedFrom,
                    blockedUntil,
                    universityId,
                    id);
        } catch (RuntimeException e) {
            if (Sql.isExclusionViolation(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    void reassign(long universityId, UUID id, long counsellorId, String meetingUrl) {
        try {
            Sql.update(
                    jdbc,
                    "UPDATE appointments SET counsellor_id = ?, meeting_url = ?, sequence = sequence + 1,"
                            + " updated_at = now() WHERE university_id = ? AND id = ?",
                    counsellorId,
                    meetingUrl,
                    universityId,
                    id);
        } catch (RuntimeException e) {
            if (Sql.isExclusionViolation(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    void cancel(long universityId, UUID id, long by, String reason, boolean refunded) {
        Sql.update(
                jdbc,
                "UPDATE appointments SET status = 'CANCELLED', cancelled_by = ?, cancel_reason = ?, cancelled_at = now(),"
                        + " refunded = ?, sequence = sequence + 1, updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                by,
                reason,
                refunded,
                universityId,
                id);
    }

    /** Cancelled because its card payment was refunded in full (by staff or at Stripe): no one user cancelled it. */
    void cancelRefunded(long universityId, UUID id, String reason) {
        Sql.update(
                jdbc,
                "UPDATE appointments SET status = 'CANCELLED', cancelled_by = NULL, cancel_reason = ?,"
                        + " cancelled_at = now(), refunded = TRUE, sequence = sequence + 1, updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                reason,
                universityId,
                id);
    }

    /** A card-paid appointment held for its checkout becomes CONFIRMED; false when it is not PENDING. */
    boolean confirmHeld(long universityId, UUID id) {
        return Sql.update(
                        jdbc,
                        "UPDATE appointments SET status = 'CONFIRMED', updated_at = now()"
                                + " WHERE university_id = ? AND id = ? AND status = 'PENDING'",
                        universityId,
                        id)
                == 1;
    }

    void markRefunded(long universityId, UUID id) {
        Sql.update(
                jdbc,
                "UPDATE appointments SET refunded = TRUE, updated_at = now() WHERE university_id = ? AND id = ?",
                universityId,
                id);
    }

    void setOutcome(long universityId, UUID id, AppointmentStatus status) {
        Sql.update(
                jdbc,
                "UPDATE appointments SET status = ?, outcome_at = now(), updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                status,
                universityId,
                id);
    }

    void record(long universityId, UUID id, String action, @Nullable Long actor, String detailsJson) {
        Sql.update(
                jdbc,
                "INSERT INTO appointment_history (university_id, appointment_id, action, actor, details)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb)",
                universityId,
                id,
                action,
                actor,
                detailsJson);
    }

    /** History entries: action, actor, details (JSON text), time — oldest first. */
    List<String[]> history(long universityId, UUID id) {
        return Sql.list(
                jdbc,
                "SELECT action, details::text, at FROM appointment_history WHERE university_id = ? AND appointment_id = ?"
                        + " ORDER BY id",
                row -> new String[] {
                    row.getString(1), row.getString(2), Sql.instant(row, "at").toString()
                },
                universityId,
                id);
    }

    static Appointment appointment(ResultSet row) throws SQLException {
        return new Appointment(
                row.getLong("university_id"),
                Sql.uuid(row, "id"),
                row.getLong("counsellor_id"),
                row.getLong("student_id"),
                row.getLong("session_type_id"),
                row.getString("session_type"),
                row.getString("session_name"),
                Sql.instant(row, "starts_at"),
                Sql.instant(row, "ends_at"),
                AppointmentStatus.valueOf(row.getString("status")),
                Payment.valueOf(row.getString("payment")),
                row.getInt("charged_gold"),
                row.getBoolean("refunded"),
                row.getString("note"),
                Sql.uuid(row, "resume_run_id"),
                row.getString("meeting_url"),
                row.getInt("sequence"),
                Sql.instant(row, "rescheduled_from"),
                row.getLong("booked_by"),
                Sql.nullableLong(row, "cancelled_by"),
                row.getString("cancel_reason"),
                Sql.instant(row, "cancelled_at"),
                Sql.instant(row, "created_at"));
    }
}
