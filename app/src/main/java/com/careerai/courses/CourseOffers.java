package com.careerai.courses;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What other features may know of a university's courses: the public pages list upcoming public
 * courses, and a converted lead gets a place reserved in a course's next batch. The courses
 * feature implements it; {@link NoCourseOffers} stands in until it does.
 */
public interface CourseOffers {

    /**
     * A public course as shown signed out.
     *
     * @param id the course id
     * @param title "Python for Analysts"
     * @param summary a line or two of its description
     * @param price in words ("Free", "£49", "3 gold credits")
     * @param nextStart the start date of its next batch open for enrolment, or null
     * @param path its page on the university host ("/courses/12")
     */
    record PublicCourse(
            long id, String title, String summary, String price, @Nullable LocalDate nextStart, String path) {}

    /** Public courses with a batch starting today or later, soonest first, at most {@code limit}. */
    List<PublicCourse> upcomingPublic(long universityId, int limit);

    /** One public course of the university, or empty (unknown, students-only, or another university's). */
    Optional<PublicCourse> publicCourse(long universityId, long courseId);

    /**
     * Holds a place for {@code email} in the course's next batch open for enrolment (a converted
     * lead); the holder enrols into it after signing up. Empty when no batch is open or it is full.
     *
     * @return the reservation's id
     */
    Optional<Long> reservePlace(long universityId, long courseId, String email);
}
