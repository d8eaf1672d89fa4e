package com.careerai.courses;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The courses JSON API (issue 15): courses, enrolling, my enrolments, a batch's sessions. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Courses")
class CoursesApiController {
    private final Courses courses;
    private final Enrolments enrolments;
    private final BatchAccess access;
    private final HttpHostResolver hosts;
    private final Materials materials;

    CoursesApiController(
            Courses courses, Enrolments enrolments, BatchAccess access, HttpHostResolver hosts, Materials materials) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.access = access;
        this.hosts = hosts;
        this.materials = materials;
    }

    @Serdeable
    record CourseView(
            long id,
            String title,
            String summary,
            String price,
            @Nullable Long priceCents,
            @Nullable String currency,
            @Nullable Integer priceCredits,
            @Nullable String creditsCurrency,
            String visibility,
            @Nullable List<BatchView> batches) {}

    @Serdeable
    record BatchView(
            long id,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            String timeZone,
            String schedule,
            int capacity,
            int seatsLeft,
            boolean enrolmentOpen) {}

    @Serdeable
    record EnrolBody(@Nullable String pay) {}

    @Serdeable
    record EnrolmentView(
            long id,
            long batchId,
            String status,
            @Nullable String payment,
            @Nullable Instant offeredUntil,
            Instant createdAt,
            @Nullable String checkoutUrl) {}

    @Serdeable
    record SessionView(
            long id,
            Instant startsAt,
            Instant endsAt,
            String status,
            @Nullable Instant movedFrom,
            boolean joinable,
            @Nullable String joinUrl,
            @Nullable String recordingUrl,
            List<MaterialView> materials) {}

    /**
     * A session's material or an assignment's attachment: {@code url} is the link itself, or for a
     * file the download address (with {@code fileName}).
     */
    @Serdeable
    record MaterialView(long id, String title, String url, @Nullable String fileName) {
        static MaterialView of(Material material) {
            return new MaterialView(material.id(), material.title(), material.href(), material.fileName());
        }
    }

    @Get("/courses")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Courses of the university: public ones, and students-only ones when signed in")
    List<CourseView> list(HttpRequest<?> request, @Nullable @QueryValue Integer page) {
        University university = Tenants.require(request);
        SignedInUser viewer = SignedInUsers.current(request).orElse(null);
        int current = com.careerai.platform.web.Paging.page(page == null ? 1 : page);
        return courses.list(university.id(), viewer, 50, com.careerai.platform.web.Paging.offset(current, 50)).stream()
                .map(course -> view(course, null))
                .toList();
    }

    @Get("/courses/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "One course with its batches and the places left in each")
    CourseView course(HttpRequest<?> request, @PathVariable long id) {
        University university = Tenants.require(request);
        SignedInUser viewer = SignedInUsers.current(request).orElse(null);
        Course course = courses.visible(university.id(), id, viewer).orElseThrow(CourseProblem::notFound);
        Instant now = courses.now();
        return view(
                course,
                courses.batches(university.id(), id).stream()
                        .map(batch -> new BatchView(
                                batch.id(),
                                batch.name(),
                                batch.startsOn(),
                                batch.endsOn(),
                                batch.zone().getId(),
                                CourseViews.schedule(batch),
                                batch.capacity(),
                                batch.seatsLeft(),
                                batch.openAt(now)))
                        .toList());
    }

    @Post("/batches/{id}/enrolments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(
            summary = "Enrol on a batch",
            description = "201 {id, status: ACTIVE|PENDING, checkoutUrl?}; PENDING waits for Stripe's webhook."
                    + " 409 batch_full with waitlisted: true when the student joined the waitlist;"
                    + " 402 when credits are short; 422 enrolment_closed.")
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> enrol(
            HttpRequest<?> request,
            @CurrentUser SignedInUser student,
            @PathVariable long id,
            @Nullable @Body EnrolBody body) {
        Enrolments.Result result =
                enrolments.enrol(student, id, body == null ? null : body.pay(), hosts.resolve(request));
        if (result.waitlisted()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", "batch_full");
            error.put(
                    "message",
                    "The batch is full: you are on its waitlist, and a freed place is held for you for 24 hours.");
            error.put("waitlisted", true);
            error.put("id", result.enrolment().id());
            return HttpResponse.status(HttpStatus.CONFLICT).body(error);
        }
        return HttpResponse.created(view(result.enrolment(), result.checkoutUrl()));
    }

    @Get("/enrolments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "My enrolments, newest first")
    List<EnrolmentView> mine(@CurrentUser SignedInUser student) {
        return enrolments.mine(student).stream()
                .map(enrolment -> view(enrolment, null))
                .toList();
    }

    @Get("/batches/{id}/sessions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(
            summary = "A batch's sessions, for its active students, instructor and staff; joinUrl only while joinable;"
                    + " each with its recording link and materials")
    List<SessionView> sessions(@CurrentUser SignedInUser user, @PathVariable long id) {
        BatchAccess.Granted granted = access.require(user, id);
        Instant now = courses.now();
        Map<Long, List<Material>> bySession = materials.ofSessions(user.universityId(), id);
        return courses.sessions(user.universityId(), id).stream()
                .map(session -> {
                    boolean joinable =
                            granted.mayJoin() && granted.batch().meetingUrl() != null && session.joinableAt(now);
                    return new SessionView(
                            session.id(),
                            session.startsAt(),
                            session.endsAt(),
                            session.cancelled() ? "CANCELLED" : "SCHEDULED",
                            session.movedFrom(),
                            joinable,
                            joinable ? granted.batch().meetingUrl() : null,
                            session.recordingUrl(),
                            bySession.getOrDefault(session.id(), List.of()).stream()
                                    .map(MaterialView::of)
                                    .toList());
                })
                .toList();
    }

    private static CourseView view(Course course, @Nullable List<BatchView> batches) {
        return new CourseView(
                course.id(),
                course.title(),
                course.summary(),
                course.priceInWords(),
                course.priceCents(),
                course.currency(),
                course.priceCredits(),
                course.creditsCurrency() == null
                        ? null
                        : course.creditsCurrency().name(),
                course.visibility().name(),
                batches);
    }

    private static EnrolmentView view(Enrolment enrolment, @Nullable String checkoutUrl) {
        return new EnrolmentView(
                enrolment.id(),
                enrolment.batchId(),
                enrolment.status().name(),
                enrolment.payment() == null ? null : enrolment.payment().name(),
                enrolment.offeredUntil(),
                enrolment.createdAt(),
                checkoutUrl);
    }
}
