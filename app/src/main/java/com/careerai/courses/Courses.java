package com.careerai.courses;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Courses, batches and their sessions: what staff create and change (audited), and what
 * students and visitors may see. Another university's ids are "not found".
 */
@Singleton
public class Courses {
    private final CourseStore store;
    private final UserAccounts users;
    private final AuditLog audit;
    private final CourseClock clock;
    private final PageReads reads;

    Courses(CourseStore store, UserAccounts users, AuditLog audit, CourseClock clock, PageReads reads) {
        this.reads = reads;
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long create(SignedInUser staff, CourseStore.CourseFields fields) {
        requireStaff(staff);
        long id = store.insertCourse(staff.universityId(), staff.userId(), fields);
        audit.record(
                staff.universityId(),
                actor(staff),
                "courses.course.created",
                Map.of("course", id, "title", fields.title()));
        return id;
    }

    @Transactional
    public void update(SignedInUser staff, long courseId, CourseStore.CourseFields fields) {
        requireStaff(staff);
        if (!store.updateCourse(staff.universityId(), courseId, fields)) {
            throw CourseProblem.notFound();
        }
        audit.record(
                staff.universityId(),
                actor(staff),
                "courses.course.changed",
                Map.of("course", courseId, "title", fields.title()));
    }

    /** Creates a batch of the course and generates its sessions from the weekly schedule. */
    @Transactional
    public long addBatch(SignedInUser staff, long courseId, CourseStore.BatchFields fields) {
        requireStaff(staff);
        store.course(staff.universityId(), courseId).orElseThrow(CourseProblem::notFound);
        requireInstructor(staff.universityId(), fields.instructorId());
        List<SessionPlanner.Planned> planned = SessionPlanner.plan(fields);
        if (planned.isEmpty()) {
            throw CourseProblem.invalid(
                    Map.of("weekDays", "No session falls between the start and end dates on those days."));
        }
        if (planned.size() > SessionPlanner.MAX_SESSIONS) {
            throw CourseProblem.invalid(
                    Map.of("endsOn", "That is more than " + SessionPlanner.MAX_SESSIONS + " sessions."));
        }
        long batchId = store.insertBatch(staff.universityId(), courseId, fields);
        for (SessionPlanner.Planned session : planned) {
            store.insertSession(staff.universityId(), batchId, session.startsAt(), session.endsAt());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("course", courseId);
        details.put("batch", batchId);
        details.put("sessions", planned.size());
        audit.record(staff.universityId(), actor(staff), "courses.batch.created", details);
        return batchId;
    }

    @Transactional
    public void updateBatch(
            SignedInUser staff,
            long batchId,
            String name,
            long instructorId,
            @Nullable String meetingUrl,
            @Nullable Instant opens,
            @Nullable Instant closes) {
        requireStaff(staff);
        requireInstructor(staff.universityId(), instructorId);
        if (!store.updateBatch(staff.universityId(), batchId, name, instructorId, meetingUrl, opens, closes)) {
            throw CourseProblem.notFound();
        }
        audit.record(staff.universityId(), actor(staff), "courses.batch.changed", Map.of("batch", batchId));
    }

    @Transactional
    public void cancelSession(SignedInUser staff, long sessionId) {
        requireStaff(staff);
        BatchSession session = store.session(staff.universityId(), sessionId).orElseThrow(CourseProblem::notFound);
        store.cancelSession(staff.universityId(), session.id());
        audit.record(
                staff.universityId(),
                actor(staff),
                "courses.session.cancelled",
                Map.of("session", sessionId, "start", session.startsAt().toString()));
    }

    @Transactional
    public void moveSession(SignedInUser staff, long sessionId, Instant startsAt) {
        requireStaff(staff);
        BatchSession session = store.session(staff.universityId(), sessionId).orElseThrow(CourseProblem::notFound);
        Instant endsAt = startsAt.plus(java.time.Duration.between(session.startsAt(), session.endsAt()));
        store.moveSession(staff.universityId(), sessionId, startsAt, endsAt);
        audit.record(
                staff.universityId(),
                actor(staff),
                "courses.session.moved",
                Map.of("session", sessionId, "from", session.startsAt().toString(), "to", startsAt.toString()));
    }

    /** The course if {@code viewer} may see it: public ones to everyone, students-only to signed-in people. */
    public Optional<Course> visible(long universityId, long courseId, @Nullable SignedInUser viewer) {
        return course(universityId, courseId)
                .filter(course -> !course.archived())
                .filter(course -> course.visibility() == Course.Visibility.PUBLIC || viewer != null);
    }

    public Optional<Course> course(long universityId, long courseId) {
        return reads.read(CourseStore.courseRead(universityId, courseId));
    }

    /**
     * What a course's page reads — the course and its batches — for the page to send with the header's reads
     * in one round trip (ADR 0076).
     */
    public List<PageRead<?>> courseReads(long universityId, long courseId) {
        return List.of(
                CourseStore.courseRead(universityId, courseId),
                CourseStore.batchesOfCourseRead(universityId, courseId));
    }

    /** A page of the courses the viewer may see, newest first (none archived; students-only ones signed in). */
    public List<Course> list(long universityId, @Nullable SignedInUser viewer, int limit, long offset) {
        return reads.read(CourseStore.coursesRead(universityId, viewer != null, limit, offset));
    }

    /** How many courses {@link #list} pages through. */
    public long count(long universityId, @Nullable SignedInUser viewer) {
        return reads.read(CourseStore.countCoursesRead(universityId, viewer != null));
    }

    /**
     * {@link #count}'s and {@link #list}'s reads, for a page to send ahead with the layout's in one round trip
     * (ADR 0076); at READ COMMITTED a read transaction gave the two no common snapshot either.
     */
    public List<PageRead<?>> listReads(long universityId, @Nullable SignedInUser viewer, int limit, long offset) {
        return List.of(
                CourseStore.countCoursesRead(universityId, viewer != null),
                CourseStore.coursesRead(universityId, viewer != null, limit, offset));
    }

    public List<Batch> batches(long universityId, long courseId) {
        return reads.read(CourseStore.batchesOfCourseRead(universityId, courseId));
    }

    public Optional<Batch> batch(long universityId, long batchId) {
        return reads.read(CourseStore.batchRead(universityId, batchId));
    }

    /**
     * What a batch's staff page reads of it — the batch, its course, its sessions — for the page to send with
     * its other reads (ADR 0076).
     */
    List<PageRead<?>> batchReads(long universityId, long batchId) {
        return List.of(
                CourseStore.batchRead(universityId, batchId),
                CourseStore.courseOfBatchRead(universityId, batchId),
                CourseStore.sessionsRead(universityId, batchId));
    }

    /** The course a batch belongs to, read by the batch's id (with the batch, not after it). */
    Optional<Course> courseOfBatch(long universityId, long batchId) {
        return reads.read(CourseStore.courseOfBatchRead(universityId, batchId));
    }

    @Transactional(readOnly = true)
    public Optional<BatchSession> session(long universityId, long sessionId) {
        return store.session(universityId, sessionId);
    }

    public List<BatchSession> sessions(long universityId, long batchId) {
        return reads.read(CourseStore.sessionsRead(universityId, batchId));
    }

    /** The instructor's user, who must be a counsellor or staff member of the university. */
    User requireInstructor(long universityId, long userId) {
        return users.find(universityId, userId)
                .filter(user -> user.role() == Role.COUNSELLOR || user.role() == Role.STAFF)
                .orElseThrow(() -> CourseProblem.invalid(Map.of(
                        "instructor", "The instructor must be a counsellor or staff member of this university.")));
    }

    Instant now() {
        return clock.now();
    }

    static void requireStaff(SignedInUser user) {
        if (user.role() != Role.STAFF) {
            throw new CourseProblem(HttpStatus.FORBIDDEN, "staff_only", "Only staff manage courses.");
        }
    }

    static String actor(SignedInUser user) {
        return "user:" + user.userId();
    }
}
