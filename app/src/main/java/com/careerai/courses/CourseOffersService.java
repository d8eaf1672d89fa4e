package com.careerai.courses;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link CourseOffers} for the public pages and leads, from this feature's tables. */
@Singleton
class CourseOffersService implements CourseOffers {
    private final CourseStore courses;
    private final EnrolmentStore enrolments;
    private final CourseClock clock;

    CourseOffersService(CourseStore courses, EnrolmentStore enrolments, CourseClock clock) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PublicCourse> upcomingPublic(long universityId, int limit) {
        return courses.upcomingPublic(universityId, today(), Math.max(0, Math.min(limit, 100)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PublicCourse> publicCourse(long universityId, long courseId) {
        return courses.course(universityId, courseId)
                .filter(course -> !course.archived() && course.visibility() == Course.Visibility.PUBLIC)
                .map(course -> CourseStore.publicCourse(
                        course,
                        nextOpen(universityId, courseId).map(Batch::startsOn).orElse(null)));
    }

    @Override
    @Transactional
    public Optional<Long> reservePlace(long universityId, long courseId, String email) {
        Optional<Batch> batch = courses.course(universityId, courseId)
                .filter(course -> !course.archived())
                .flatMap(course -> nextOpen(universityId, courseId));
        if (batch.isEmpty() || email == null || email.isBlank()) {
            return Optional.empty();
        }
        if (enrolments.hasReservation(universityId, batch.get().id(), email.strip())) {
            return Optional.empty();
        }
        if (!courses.takePlace(universityId, batch.get().id())) {
            return Optional.empty();
        }
        return enrolments.reserve(universityId, batch.get().id(), email.strip());
    }

    /** The soonest-starting batch of the course open for enrolment now and not yet started. */
    private Optional<Batch> nextOpen(long universityId, long courseId) {
        LocalDate today = today();
        return courses.batchesOfCourse(universityId, courseId).stream()
                .filter(batch -> !batch.startsOn().isBefore(today) && batch.openAt(clock.now()))
                .min(Comparator.comparing(Batch::startsOn));
    }

    private LocalDate today() {
        return clock.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
