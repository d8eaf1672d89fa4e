package com.careerai.courses;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Plural;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /staff/courses}: create and edit courses, add batches (sessions generated from the weekly
 * schedule), cancel or move one session, and each batch's figures.
 */
@Controller("/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("STAFF")
@Hidden
class StaffCoursesController {
    /** The most courses the list shows. */
    private static final int LISTED = 200;

    private final Courses courses;
    private final Enrolments enrolments;
    private final UserAccounts users;
    private final BatchFigures figures;
    private final LayoutModel layout;

    StaffCoursesController(
            Courses courses, Enrolments enrolments, UserAccounts users, BatchFigures figures, LayoutModel layout) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.users = users;
        this.figures = figures;
        this.layout = layout;
    }

    @Get(value = "/courses", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, @CurrentUser SignedInUser staff) {
        // the count, the courses and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, courses.listReads(staff.universityId(), staff, LISTED, 0));
        return new ModelAndView<>("courses/staff-list", listModel(staff, Map.of(), Map.of()));
    }

    @Post(value = "/courses", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(@CurrentUser SignedInUser staff, @Body Map<String, Object> form) {
        CourseForms.Read<CourseStore.CourseFields> read = CourseForms.course(form);
        if (read.value() == null) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("courses/staff-list", listModel(staff, read.errors(), form)));
        }
        long id = courses.create(staff, read.value());
        return HttpResponse.seeOther(URI.create("/staff/courses/" + id + "?saved=created"));
    }

    @Get(value = "/courses/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> course(
            HttpRequest<?> request,
            @CurrentUser SignedInUser staff,
            @PathVariable long id,
            @Nullable @QueryValue String saved) {
        // the course, its batches and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, courses.courseReads(staff.universityId(), id));
        return new ModelAndView<>("courses/staff-course", courseModel(staff, id, null, Map.of(), Map.of(), saved));
    }

    @Post(value = "/courses/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> update(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        courses.course(staff.universityId(), id).orElseThrow(CourseProblem::notFound);
        CourseForms.Read<CourseStore.CourseFields> read = CourseForms.course(form);
        if (read.value() == null) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/staff-course", courseModel(staff, id, "course", read.errors(), form, null)));
        }
        courses.update(staff, id, read.value());
        return HttpResponse.seeOther(URI.create("/staff/courses/" + id + "?saved=course"));
    }

    @Post(
            value = "/courses/{id}/batches",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> addBatch(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        Course course = courses.course(staff.universityId(), id).orElseThrow(CourseProblem::notFound);
        CourseForms.Read<CourseStore.BatchFields> read =
                CourseForms.batch(form, course.capacity(), email -> instructor(staff, email));
        try {
            if (read.value() != null) {
                long batch = courses.addBatch(staff, id, read.value());
                return HttpResponse.seeOther(URI.create("/staff/batches/" + batch + "?saved=created"));
            }
        } catch (CourseProblem e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/staff-course", courseModel(staff, id, "batch", e.fields(), form, null)));
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>(
                        "courses/staff-course", courseModel(staff, id, "batch", read.errors(), form, null)));
    }

    @Get(value = "/batches/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> batch(
            HttpRequest<?> request,
            @CurrentUser SignedInUser staff,
            @PathVariable long id,
            @Nullable @QueryValue String saved) {
        // the batch, its course and sessions, every figure and the header's reads in one round trip (ADR 0076);
        // they were 10 round trips and 3 read transactions
        List<PageRead<?>> page = new ArrayList<>(courses.batchReads(staff.universityId(), id));
        page.addAll(figures.reads(staff.universityId(), id));
        layout.prefetchWith(request, page);
        return new ModelAndView<>("courses/staff-batch", batchModel(staff, id, null, null, saved));
    }

    @Post(
            value = "/sessions/{id}/cancel",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> cancelSession(@CurrentUser SignedInUser staff, @PathVariable long id) {
        BatchSession session = courses.session(staff.universityId(), id).orElseThrow(CourseProblem::notFound);
        courses.cancelSession(staff, id);
        return HttpResponse.seeOther(URI.create("/staff/batches/" + session.batchId() + "?saved=session"));
    }

    @Post(
            value = "/sessions/{id}/move",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> moveSession(
            @CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        BatchSession session = courses.session(staff.universityId(), id).orElseThrow(CourseProblem::notFound);
        Batch batch = courses.batch(staff.universityId(), session.batchId()).orElseThrow(CourseProblem::notFound);
        Instant to;
        try {
            to = LocalDateTime.parse(CourseForms.text(form, "startsAt"))
                    .atZone(batch.zone())
                    .toInstant();
        } catch (java.time.DateTimeException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/staff-batch",
                            batchModel(staff, batch.id(), id, "Give the new date and time.", null)));
        }
        courses.moveSession(staff, id, to);
        return HttpResponse.seeOther(URI.create("/staff/batches/" + batch.id() + "?saved=session"));
    }

    @Nullable
    private Long instructor(SignedInUser staff, String email) {
        return users.findByEmail(staff.universityId(), email)
                .filter(user -> user.role() == Role.COUNSELLOR || user.role() == Role.STAFF)
                .map(User::id)
                .orElse(null);
    }

    private Map<String, Object> listModel(SignedInUser staff, Map<String, String> errors, Map<String, Object> form) {
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> rows = courses.list(staff.universityId(), staff, LISTED, 0).stream()
                .map(CourseViews::course)
                .toList();
        model.put("courses", rows);
        model.put("total", Plural.of(courses.count(staff.universityId(), staff), "course"));
        model.put("errors", errors);
        model.put("form", values(form, Map.of("capacity", "20", "currency", "usd")));
        return model;
    }

    private Map<String, Object> courseModel(
            SignedInUser staff,
            long id,
            @Nullable String failed,
            Map<String, String> errors,
            Map<String, Object> form,
            @Nullable String saved) {
        Course course = courses.course(staff.universityId(), id).orElseThrow(CourseProblem::notFound);
        Instant now = courses.now();
        Map<String, Object> model = new HashMap<>();
        model.put("course", CourseViews.course(course));
        Map<String, String> current = new HashMap<>();
        current.put("title", course.title());
        current.put("description", course.description());
        current.put("outcomes", course.outcomes());
        current.put(
                "price",
                course.priceCents() == null
                        ? ""
                        : java.math.BigDecimal.valueOf(course.priceCents(), 2).toPlainString());
        current.put("currency", course.currency() == null ? "usd" : course.currency());
        current.put("credits", course.priceCredits() == null ? "" : String.valueOf(course.priceCredits()));
        current.put(
                "creditsCurrency",
                course.creditsCurrency() == null
                        ? "GOLD"
                        : course.creditsCurrency().name());
        current.put("capacity", String.valueOf(course.capacity()));
        current.put("visibility", course.visibility().name());
        model.put("form", "course".equals(failed) ? values(form, current) : current);
        model.put(
                "studentsOnlyChecked",
                "STUDENTS".equals(("course".equals(failed) ? values(form, current) : current).get("visibility")));
        model.put("silverChecked", "SILVER".equals(current.get("creditsCurrency")));
        model.put("courseErrors", "course".equals(failed) ? errors : Map.of());
        model.put("batchErrors", "batch".equals(failed) ? errors : Map.of());
        model.put(
                "batchForm",
                "batch".equals(failed)
                        ? values(form, Map.of())
                        : Map.of(
                                "timeZone",
                                "Europe/London",
                                "startTime",
                                "18:00",
                                "minutes",
                                "90",
                                "capacity",
                                String.valueOf(course.capacity()),
                                "instructor",
                                staff.email()));
        List<String> ticked = "batch".equals(failed) ? CourseForms.values(form.get("days")) : List.of("1", "3");
        String[] names = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        List<Map<String, Object>> days = new java.util.ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            days.add(Map.of("value", day, "label", names[day - 1], "checked", ticked.contains(String.valueOf(day))));
        }
        model.put("days", days);
        model.put(
                "batches",
                courses.batches(staff.universityId(), id).stream()
                        .map(batch -> CourseViews.batch(batch, now))
                        .toList());
        model.put("saved", saved);
        return model;
    }

    private Map<String, Object> batchModel(
            SignedInUser staff, long id, @Nullable Long failedSession, @Nullable String error, @Nullable String saved) {
        Batch batch = courses.batch(staff.universityId(), id).orElseThrow(CourseProblem::notFound);
        Course course = courses.courseOfBatch(staff.universityId(), id).orElseThrow(CourseProblem::notFound);
        Instant now = courses.now();
        Map<String, Object> model = new HashMap<>();
        model.put("course", CourseViews.course(course));
        model.put("batch", CourseViews.batch(batch, now));
        model.put("zone", batch.zone().getId());
        model.put(
                "sessions",
                courses.sessions(staff.universityId(), id).stream()
                        .map(session -> {
                            Map<String, Object> row = new HashMap<>();
                            row.put("id", session.id());
                            row.put("when", CourseViews.when(session.startsAt(), batch.zone()));
                            row.put(
                                    "local",
                                    session.startsAt()
                                            .atZone(batch.zone())
                                            .toLocalDateTime()
                                            .withSecond(0)
                                            .withNano(0)
                                            .toString());
                            row.put("cancelled", session.cancelled());
                            row.put(
                                    "moved",
                                    session.movedFrom() == null
                                            ? null
                                            : CourseViews.when(session.movedFrom(), batch.zone()));
                            if (failedSession != null && failedSession == session.id()) {
                                row.put("error", error);
                            }
                            return row;
                        })
                        .toList());
        model.put("figures", figures.of(staff.universityId(), batch));
        model.put("saved", saved);
        return model;
    }

    private static Map<String, String> values(Map<String, Object> form, Map<String, String> defaults) {
        Map<String, String> values = new HashMap<>(defaults);
        form.forEach((key, value) -> {
            List<String> all = CourseForms.values(value);
            if (!key.equals("csrf") && !all.isEmpty()) {
                values.put(key, all.get(0));
            }
        });
        return values;
    }
}
