package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final UserAccounts users;

    Attendance(
            AttendanceStore store,
            BatchAccess access,
            Assignments assignments,
            CourseClock clock,
            AuditLog audit,
            PageReads reads,
            UserAccounts users) {
        this.users = users;
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
     * The registers of these started sessions of a batch, by session id: the batch's ACTIVE students by name,
     * each marked present or not. On a page whose first round trip read the roster ({@link #registersReads}),
     * the names and these sessions' records go in one more.
     */
    Map<Long, List<Entry>> registers(long universityId, long batchId, List<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        List<Long> active = assignments.active(universityId, batchId);
        PageRead<Map<Long, Map<Long, Boolean>>> recorded = AttendanceStore.ofSessionsRead(universityId, sessionIds);
        List<PageRead<?>> second = new ArrayList<>(users.findAllOnceReads(universityId, active));
        second.add(recorded);
        reads.prefetch(second);
        Map<Long, User> people = users.findAllOnce(universityId, active);
        Map<Long, Map<Long, Boolean>> bySession = reads.read(recorded);
        Map<Long, List<Entry>> registers = new HashMap<>();
        for (long sessionId : sessionIds) {
            registers.put(sessionId, entries(active, people, bySession.getOrDefault(sessionId, Map.of())));
        }
        return registers;
    }

    /**
     * What an instructor's batch page reads of attendance before any register (ADR 0076): the roster, and
     * every started session's figures counted in SQL (a register of every one was hundreds of rows each).
     */
    List<PageRead<?>> registersReads(long universityId, long batchId) {
        return List.of(
                assignments.rosterRead(universityId, batchId),
                AttendanceStore.figuresRead(universityId, batchId, clock.now()));
    }

    /** Each started, not cancelled session's attendance figures, by session id. */
    Map<Long, AttendanceStore.SessionAttendance> figures(long universityId, long batchId) {
        Map<Long, AttendanceStore.SessionAttendance> bySession = new HashMap<>();
        for (AttendanceStore.SessionAttendance figures :
                reads.read(AttendanceStore.figuresRead(universityId, batchId, clock.now()))) {
            bySession.put(figures.sessionId(), figures);
        }
        return bySession;
    }

    private static List<Entry> entries(List<Long> active, Map<Long, User> people, Map<Long, Boolean> recorded) {
        return active.stream()
                .map(id -> new Entry(
                        id,
                        people.containsKey(id) ? people.get(id).displayName() : "Student " + id,
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
        List<Long> active = assignments.active(user.universityId(), session.batchId());
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
}
