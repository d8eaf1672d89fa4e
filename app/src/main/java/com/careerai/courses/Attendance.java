package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
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
    private final PageReads reads;

    Attendance(
            AttendanceStore store,
            BatchAccess access,
            Assignments assignments,
            CourseClock clock,
            AuditLog audit,
            PageReads reads) {
        this.store = store;
        this.access = access;
        this.assignments = assignments;
        this.clock = clock;
        this.audit = audit;
        this.reads = reads;
    }

    /** One student on a session's register. */
    record Entry(long userId, String name, boolean present, boolean recorded) {}

    /**
     * The registers of these sessions of a batch, by session id: the batch's ACTIVE students read once, and
     * every session's records in one statement (they were read session by session, the roster each time).
     */
    Map<Long, List<Entry>> registers(long universityId, long batchId, List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        reads.prefetch(registersReads(universityId, batchId));
        Assignments.Roster roster = assignments.roster(universityId, batchId, List.of());
        Map<Long, Map<Long, Boolean>> bySession = reads.read(AttendanceStore.ofBatchRead(universityId, batchId));
        Map<Long, List<Entry>> registers = new java.util.HashMap<>();
        for (long sessionId : sessionIds) {
            registers.put(sessionId, entries(roster, bySession.getOrDefault(sessionId, Map.of())));
        }
        return registers;
    }

    /** What {@link #registers} reads first, for a page to send with its other reads (ADR 0076). */
    List<PageRead<?>> registersReads(long universityId, long batchId) {
        return List.of(
                assignments.rosterRead(universityId, batchId), AttendanceStore.ofBatchRead(universityId, batchId));
    }

    private static List<Entry> entries(Assignments.Roster roster, Map<Long, Boolean> recorded) {
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
