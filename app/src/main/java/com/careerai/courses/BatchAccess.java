package com.careerai.courses;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may open a batch: its ACTIVE students, its instructor and staff. Another university's batch
 * is "not found"; a batch of this university the person has no place on is 403.
 */
@Singleton
class BatchAccess {
    private final CourseStore courses;
    private final PageReads reads;

    BatchAccess(CourseStore courses, PageReads reads) {
        this.courses = courses;
        this.reads = reads;
    }

    enum As {
        STUDENT,
        INSTRUCTOR,
        STAFF
    }

    record Granted(Batch batch, Course course, As as) {
        /** Whether the viewer may press "Join": enrolled students and the instructor only. */
        boolean mayJoin() {
            return as != As.STAFF;
        }

        boolean teaches() {
            return as != As.STUDENT;
        }
    }

    Granted require(SignedInUser user, long batchId) {
        reads.prefetch(reads(user, batchId));
        Batch batch =
                reads.read(CourseStore.batchRead(user.universityId(), batchId)).orElseThrow(CourseProblem::notFound);
        Course course = reads.read(CourseStore.courseOfBatchRead(user.universityId(), batchId))
                .orElseThrow(CourseProblem::notFound);
        if (batch.instructorId() == user.userId()) {
            return new Granted(batch, course, As.INSTRUCTOR);
        }
        if (user.role() == Role.STAFF) {
            return new Granted(batch, course, As.STAFF);
        }
        boolean active = reads.read(EnrolmentStore.liveRead(user.universityId(), batchId, user.userId()))
                .filter(enrolment -> enrolment.status() == Enrolment.Status.ACTIVE)
                .isPresent();
        if (!active) {
            throw new CourseProblem(
                    HttpStatus.FORBIDDEN, "not_enrolled", "The batch page opens once your enrolment is active.");
        }
        return new Granted(batch, course, As.STUDENT);
    }

    /**
     * What {@link #require} reads — the batch, its course and a student's enrolment in it — in one round trip
     * (ADR 0076), for a page to send with its own.
     */
    List<PageRead<?>> reads(SignedInUser user, long batchId) {
        List<PageRead<?>> access = new ArrayList<>(List.of(
                CourseStore.batchRead(user.universityId(), batchId),
                CourseStore.courseOfBatchRead(user.universityId(), batchId)));
        if (user.role() == Role.STUDENT) {
            access.add(EnrolmentStore.liveRead(user.universityId(), batchId, user.userId()));
        }
        return access;
    }

    /** The session of a batch the person may open. */
    @Transactional(readOnly = true)
    SessionGranted session(SignedInUser user, long sessionId) {
        BatchSession session = courses.session(user.universityId(), sessionId).orElseThrow(CourseProblem::notFound);
        return new SessionGranted(session, require(user, session.batchId()));
    }

    record SessionGranted(BatchSession session, Granted granted) {}
}
