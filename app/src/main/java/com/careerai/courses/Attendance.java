package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attendance per session: the instructor (or staff) marks each ACTIVE student present or absent
 * once the session has started, one form per session; a student's "Join" press counts as present
 * until the instructor marks otherwise.
 */
@Singleton
class Attendance {
    private final AttendanceStore store;
    private final BatchAccess access;
    private final Assignments assignments;
    private final CourseClock clock;
    private final AuditLog audit;

    Attendance(AttendanceStore store, BatchAccess access, Assignments assignments, CourseClock clock, AuditLog audit) {
        this.store = store;
        this.access = access;
        this.assignments = assignments;
        this.clock = clock;
        this.audit = audit;
    }

    /** One student on a session's register. */
    record Entry(long userId, String name, boolean present, boolean recorded) {}

    /** The session's register: every ACTIVE student of the batch, with their record if any. */
    @Transactional(readOnly = true)
    List<Entry> register(long universityId, long batchId, long sessionId) {
        Assignments.Roster roster = assignments.roster(universityId, batchId, List.of());
        Map<Long, Boolean> recorded = store.ofSession(universityId, sessionId);
        return roster.active().stream()
                .map(id -> new Entry(
                        id,
                        roster.people().containsKey(id)
                                ? roster.people().get(id).displayName()
                                : "Student " + id,
                        recorded.getOrDefault(id, false),
                        recorded.containsKey(id)))
                .toList();
    }

    /**
     * Marks the session's register: the ACTIVE students in {@code present} present, the others
     * absent. 422 {@code not_started} before the session starts or when it is cancelled. Returns the
     * batch id.
     */
    @Transactional
    long mark(SignedInUser user, long sessionId, Set<Long> present) {
        BatchAccess.SessionGranted granted = access.session(user, sessionId);
        if (!granted.granted().teaches()) {
            throw new CourseProblem(HttpStatus.FORBIDDEN, "instructor_only", "Only the instructor takes attendance.");
        }
        BatchSession session = granted.session();
        if (session.cancelled() || session.startsAt().isAfter(clock.now())) {
            throw new CourseProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "not_started",
                    "Attendance is taken once the session has started (and not for a cancelled one).");
        }
        List<Long> active = assignments
                .roster(user.universityId(), session.batchId(), List.of())
                .active();
        for (long student : active) {
            store.mark(user.universityId(), sessionId, student, present.contains(student), user.userId());
        }
        long marked = active.stream().filter(present::contains).count();
        audit.record(
                user.universityId(),
                Courses.actor(user),
                "courses.session.attendance",
                Map.of("session", sessionId, "present", marked, "students", active.size()));
        return session.batchId();
    }

    /** A student pressed "Join" on a joinable session. */
    void joined(long universityId, long sessionId, long userId) {
        store.joined(universityId, sessionId, userId);
    }

    /** Figures for the batch dashboard: one SQL aggregate over the sessions started by now. */
    @Transactional(readOnly = true)
    List<AttendanceStore.SessionAttendance> figures(long universityId, long batchId) {
        return store.figures(universityId, batchId, clock.now());
    }
}
