package com.careerai.courses;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Paging;
import com.careerai.platform.web.Plural;
import com.careerai.platform.web.ProblemException;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /courses} and {@code /courses/{id}}: public courses signed out too, students-only ones to
 * signed-in people; enrolling ({@code POST /batches/{id}/enrol}) and giving a place up.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CoursePagesController {
    private static final int PAGE_SIZE = 20;

    private final Courses courses;
    private final Enrolments enrolments;
    private final HttpHostResolver hosts;
    private final LayoutModel layout;

    CoursePagesController(Courses courses, Enrolments enrolments, HttpHostResolver hosts, LayoutModel layout) {
        this.layout = layout;
        this.courses = courses;
        this.enrolments = enrolments;
        this.hosts = hosts;
    }

    @Get(value = "/courses", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @Nullable @QueryValue Integer page) {
        University university = Tenants.require(request);
        SignedInUser viewer = SignedInUsers.current(request).orElse(null);
        int current = Paging.page(page == null ? 1 : page);
        // the count, the page's courses and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(
                request, courses.listReads(university.id(), viewer, PAGE_SIZE, Paging.offset(current, PAGE_SIZE)));
        long total = courses.count(university.id(), viewer);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "courses",
                courses.list(university.id(), viewer, PAGE_SIZE, Paging.offset(current, PAGE_SIZE)).stream()
                        .map(CourseViews::course)
                        .toList());
        model.put("total", Plural.of(total, "course"));
        model.put("page", current);
        model.put("previous", current > 1 ? current - 1 : null);
        model.put("next", (long) current * PAGE_SIZE < total ? current + 1 : null);
        model.put("signedIn", viewer != null);
        model.put("staff", viewer != null && viewer.role() == Role.STAFF);
        return new ModelAndView<>("courses/list", model);
    }

    @Get(value = "/courses/{id}", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModelAndView<Map<String, Object>> course(
            HttpRequest<?> request,
            @PathVariable long id,
            @Nullable @QueryValue String enrolment,
            @Nullable @QueryValue String checkout) {
        University university = Tenants.require(request);
        SignedInUser viewer = SignedInUsers.current(request).orElse(null);
        // the course, its batches, a student's enrolments in them and the header's reads in one round trip
        // (ADR 0076)
        List<PageRead<?>> page = new ArrayList<>(courses.courseReads(university.id(), id));
        if (viewer != null && viewer.role() == Role.STUDENT) {
            page.add(enrolments.liveInCourseRead(university.id(), id, viewer.userId()));
        }
        layout.prefetchWith(request, page);
        return new ModelAndView<>(
                "courses/course", courseModel(university, viewer, id, enrolment, checkout, null, null));
    }

    @Post(
            value = "/batches/{id}/enrol",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> enrol(
            HttpRequest<?> request,
            @CurrentUser SignedInUser student,
            @PathVariable long id,
            @Body Map<String, Object> form) {
        Object pay = form.get("pay");
        try {
            Enrolments.Result result =
                    enrolments.enrol(student, id, pay == null ? null : String.valueOf(pay), hosts.resolve(request));
            if (result.checkoutUrl() != null) {
                return HttpResponse.seeOther(URI.create(result.checkoutUrl()));
            }
            String outcome = result.waitlisted()
                    ? "waitlisted"
                    : result.enrolment().status().name().toLowerCase(java.util.Locale.ROOT);
            return HttpResponse.seeOther(URI.create("/courses/" + result.courseId() + "?enrolment=" + outcome));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            long courseId = courses.batch(student.universityId(), id)
                    .map(Batch::courseId)
                    .orElseThrow(CourseProblem::notFound);
            University university = Tenants.require(request);
            return HttpResponse.status(e.status())
                    .body(new ModelAndView<>(
                            "courses/course",
                            courseModel(university, student, courseId, null, null, id, e.getMessage())));
        }
    }

    @Post(
            value = "/enrolments/{id}/cancel",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> cancel(@CurrentUser SignedInUser student, @PathVariable long id) {
        Enrolment enrolment = enrolments.mine(student, id);
        enrolments.cancel(student, id);
        long courseId = courses.batch(student.universityId(), enrolment.batchId())
                .map(Batch::courseId)
                .orElseThrow();
        return HttpResponse.seeOther(URI.create("/courses/" + courseId + "?enrolment=cancelled"));
    }

    private Map<String, Object> courseModel(
            University university,
            @Nullable SignedInUser viewer,
            long id,
            @Nullable String enrolment,
            @Nullable String checkout,
            @Nullable Long errorBatch,
            @Nullable String error) {
        Course course = courses.visible(university.id(), id, viewer).orElseThrow(CourseProblem::notFound);
        Instant now = courses.now();
        boolean student = viewer != null && viewer.role() == Role.STUDENT;
        Map<Long, Enrolment> enrolled =
                student ? enrolments.liveInCourse(university.id(), id, viewer.userId()) : Map.of();
        List<Map<String, Object>> batches = courses.batches(university.id(), id).stream()
                .map(batch -> {
                    Map<String, Object> model = CourseViews.batch(batch, now);
                    if (student) {
                        Optional<Enrolment> mine = Optional.ofNullable(enrolled.get(batch.id()));
                        mine.ifPresent(found -> {
                            model.put("enrolmentId", found.id());
                            model.put("status", found.status().name());
                            model.put("active", found.status() == Enrolment.Status.ACTIVE);
                            model.put("pending", found.status() == Enrolment.Status.PENDING);
                            model.put("waitlisted", found.status() == Enrolment.Status.WAITLISTED);
                            model.put("offered", found.status() == Enrolment.Status.OFFERED);
                            if (found.offeredUntil() != null) {
                                model.put(
                                        "offeredUntil",
                                        CourseViews.when(found.offeredUntil(), batch.zone()) + " ("
                                                + batch.zone().getId() + ")");
                            }
                        });
                        model.put("mayEnrol", mine.isEmpty() || mine.get().status() == Enrolment.Status.OFFERED);
                    }
                    if (viewer != null && (viewer.role() == Role.STAFF || viewer.userId() == batch.instructorId())) {
                        model.put("teaches", true);
                    }
                    if (errorBatch != null && errorBatch == batch.id()) {
                        model.put("error", error);
                    }
                    return model;
                })
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("course", CourseViews.course(course));
        model.put("batches", batches);
        model.put("student", student);
        model.put("signedIn", viewer != null);
        model.put("enrolment", enrolment);
        model.put(
                "enrolmentMessage",
                enrolment == null
                        ? null
                        : switch (enrolment) {
                            case "active" -> "You are enrolled. Your schedule is on the batch page.";
                            case "waitlisted" ->
                                "The batch is full: you are on the waitlist. If a place frees up it is held for you for 24 hours.";
                            case "pending" -> "Your place is held until the payment is confirmed.";
                            case "cancelled" -> "Your enrolment is cancelled.";
                            default -> null;
                        });
        model.put("checkoutDone", "done".equals(checkout));
        model.put("checkoutCancelled", "cancelled".equals(checkout));
        model.put("public", course.visibility() == Course.Visibility.PUBLIC);
        if (viewer == null && course.visibility() == Course.Visibility.PUBLIC) {
            // a visitor asks about this course right here: the leads feature's form, posting to /contact
            model.put(
                    "inquiry",
                    Map.of(
                            "courses",
                            List.of(Map.of("id", course.id(), "title", course.title(), "selected", true)),
                            "values",
                            Map.of()));
        }
        return model;
    }
}
