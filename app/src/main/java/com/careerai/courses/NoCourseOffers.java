package com.careerai.courses;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Stands in for the courses feature until it lands: no courses, nothing to reserve. */
@Singleton
@Secondary
class NoCourseOffers implements CourseOffers {
    @Override
    public List<PublicCourse> upcomingPublic(long universityId, int limit) {
        return List.of();
    }

    @Override
    public Optional<PublicCourse> publicCourse(long universityId, long courseId) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> reservePlace(long universityId, long courseId, String email) {
        return Optional.empty();
    }
}
