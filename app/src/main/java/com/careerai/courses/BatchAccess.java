package com.careerai.courses;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Who may open a batch: its ACTIVE students, its instructor and staff. Another university's batch
 * is "not found"; a batch of this university the person has no place on is 403.
 */
@Singleton
class BatchAccess {
    private final CourseStore courses;
    private final EnrolmentStore enrolments;

    BatchAccess(CourseStore courses, EnrolmentStore enrolments) {
        this.courses = courses;
        this.enrolments = enrolments;
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

    @Transactional(readOnly = true)
    Granted require(SignedInUser user, long batchId) {
        Batch batch = courses.batch(user.universityId(), batchId).orElseThrow(CourseProblem::notFound);
        Course course = courses.course(user.universityId(), batch.courseId()).orElseThrow(CourseProblem::notFound);
        if (batch.instructorId() == user.userId()) {
            return new Granted(batch, course, As.INSTRUCTOR);
        }
        if (user.role() == Role.STAFF) {
            return new Granted(batch, course, As.STAFF);
        }
        boolean active = enrolments
                .live(user.universityId(), batchId, user.userId())
                .filter(enrolment -> enrolment.status() == Enrolment.Status.ACTIVE)
                .isPresent();
        if (!active) {
            throw new CourseProblem(
                    HttpStatus.FORBIDDEN, "not_enrolled", "The batch page opens once your enrolment is active.");
        }
        return new Granted(batch, course, As.STUDENT);
    }

    /** The session of a batch the person may open. */
    @Transactional(readOnly = true)
    SessionGranted session(SignedInUser user, long sessionId) {
        BatchSession session = courses.session(user.universityId(), sessionId).orElseThrow(CourseProblem::notFound);
        return new SessionGranted(session, require(user, session.batchId()));
    }

    record SessionGranted(BatchSession session, Granted granted) {}
}
