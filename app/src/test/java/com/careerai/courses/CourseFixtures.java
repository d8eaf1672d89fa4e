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

/** Courses and batches for tests, made through the feature's own services. */
@Singleton
public class CourseFixtures {
    private final Fixtures fixtures;
    private final Courses courses;
    private final Enrolments enrolments;
    private final Assignments assignments;
    private final Materials materials;

    CourseFixtures(
            Fixtures fixtures, Courses courses, Enrolments enrolments, Assignments assignments, Materials materials) {
        this.fixtures = fixtures;
        this.courses = courses;
        this.enrolments = enrolments;
        this.assignments = assignments;
        this.materials = materials;
    }

    /** A small valid PDF, accepted by the upload inspection. */
    public static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** An assignment of the batch set by its instructor: due and cut-off as given (cut-off may be null). */
    public long assignment(
            University university,
            Made made,
            String title,
            java.time.Instant due,
            @Nullable java.time.Instant cutoff,
            int maxAttempts) {
        return fixtures.in(
                university,
                () -> assignments.create(
                        SignedInUser.of(made.instructor()),
                        made.batchId(),
                        new AssignmentStore.Fields(
                                title, title + " instructions", null, due, cutoff, maxAttempts, 10)));
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

    /**
     * A's objects for the isolation scan: a students-only course titled {@code secret}, its batch
     * and first session, and {@code student}'s active enrolment.
     */
    public java.util.Map<String, String> objectsOf(University university, User student, String secret) {
        Made made = make(university, secret, 5, null, null, null, Course.Visibility.STUDENTS);
        return fixtures.in(university, () -> {
            Enrolments.Result enrolled =
                    enrolments.enrol(SignedInUser.of(student), made.batchId(), null, "https://example.test");
            long session =
                    courses.sessions(university.id(), made.batchId()).get(0).id();
            long assignment = assignments.create(
                    SignedInUser.of(made.instructor()),
                    made.batchId(),
                    new AssignmentStore.Fields(
                            secret, secret, null, java.time.Instant.now().plusSeconds(86_400), null, 3, 10));
            long submission = assignments
                    .submit(SignedInUser.of(student), assignment, secret, null)
                    .id();
            materials.addToSession(
                    SignedInUser.of(made.instructor()),
                    session,
                    secret,
                    null,
                    new Assignments.Upload("slides.pdf", PDF));
            long material = materials
                    .ofSessions(university.id(), made.batchId())
                    .get(session)
                    .get(0)
                    .id();
            return java.util.Map.of(
                    "courseId", Long.toString(made.courseId()),
                    "batchId", Long.toString(made.batchId()),
                    "sessionId", Long.toString(session),
                    "enrolmentId", Long.toString(enrolled.enrolment().id()),
                    "assignmentId", Long.toString(assignment),
                    "submissionId", Long.toString(submission),
                    "materialId", Long.toString(material));
        });
    }
}
