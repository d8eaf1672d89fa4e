package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** Courses and batches for tests, made through the feature's own services. */
@Singleton
public class CourseFixtures {
    private final Fixtures fixtures;
    private final Courses courses;

    CourseFixtures(Fixtures fixtures, Courses courses) {
        this.fixtures = fixtures;
        this.courses = courses;
    }

    /** A course and its batch in the given price; the batch runs daily from today for a week. */
    public record Made(long courseId, long batchId, User staff, User instructor) {}

    public Made free(University university, int capacity) {
        return make(university, "Free course", capacity, null, null, null, Course.Visibility.PUBLIC);
    }

    public Made make(
            University university,
            String title,
            int capacity,
            @Nullable Long priceCents,
            @Nullable Integer priceCredits,
            @Nullable Currency creditsCurrency,
            Course.Visibility visibility) {
        User staff = fixtures.staff(university);
        SignedInUser actor = SignedInUser.of(staff);
        return fixtures.in(university, () -> {
            long course = courses.create(
                    actor,
                    new CourseStore.CourseFields(
                            title,
                            title + " description",
                            "Outcomes",
                            priceCents,
                            priceCents == null ? null : "usd",
                            priceCredits,
                            creditsCurrency,
                            capacity,
                            visibility));
            LocalDate today = LocalDate.now(ZoneId.of("UTC"));
            long batch = courses.addBatch(
                    actor,
                    course,
                    new CourseStore.BatchFields(
                            "Spring batch",
                            today,
                            today.plusDays(6),
                            ZoneId.of("UTC"),
                            Arrays.stream(DayOfWeek.values())
                                    .map(DayOfWeek::getValue)
                                    .toList(),
                            LocalTime.of(10, 0),
                            60,
                            staff.id(),
                            "https://meet.example/room-" + title.hashCode(),
                            null,
                            null,
                            capacity));
            return new Made(course, batch, staff, staff);
        });
    }

    static List<Integer> weekdays() {
        return List.of(1, 2, 3, 4, 5);
    }
}
