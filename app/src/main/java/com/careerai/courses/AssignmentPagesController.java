package com.careerai.courses;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.platform.storage.ContentDisposition;
import com.careerai.platform.storage.FileStorage;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Paging;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assignment pages: the instructor (or staff) sets one from the batch page and edits, grades,
 * extends and downloads everything on {@code /assignments/{id}}; a student of the batch submits
 * there and sees their attempts, and each grade once given.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class AssignmentPagesController {
    private final Assignments assignments;
    private final BatchAccess access;
    private final SubmissionsZip zips;
    private final FileStorage storage;
    private final Materials materials;
    private final LayoutModel layout;

    AssignmentPagesController(
            Assignments assignments,
            BatchAccess access,
            SubmissionsZip zips,
            FileStorage storage,
            Materials materials,
            LayoutModel layout) {
        this.layout = layout;
        this.assignments = assignments;
        this.access = access;
        this.zips = zips;
        this.storage = storage;
        this.materials = materials;
    }

    @Post(
            value = "/batches/{id}/assignments",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        BatchAccess.Granted granted = access.require(user, id);
        CourseForms.Read<AssignmentStore.Fields> read =
                AssignmentForms.read(form, granted.batch().zone());
        if (read.value() == null) {
            return formAgain(granted, null, form, read.errors());
        }
        long assignment = assignments.create(user, id, read.value());
        return HttpResponse.seeOther(URI.create("/assignments/" + assignment + "?created=1"));
    }

    @Get(value = "/assignments/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @QueryValue String created,
            @Nullable @QueryValue Integer page) {
        int current = Paging.page(page == null ? 1 : page);
        // the assignment, its attachments and the attempts shown with the header's reads, then who may open its
        // batch (with a teacher's roster), then the roster's names (ADR 0076)
        layout.prefetchWith(request, assignments.pageReads(user, id, current));
        Map<String, Object> model = model(user, assignments.view(user, id), Map.of(), Map.of(), current);
        model.put("created", created != null && Boolean.TRUE.equals(model.get("teaches")));
        return new ModelAndView<>("courses/assignment", model);
    }

    @Post(value = "/assignments/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> update(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        Assignments.Viewed viewed = assignments.view(user, id);
        CourseForms.Read<AssignmentStore.Fields> read =
                AssignmentForms.read(form, viewed.granted().batch().zone());
        if (read.value() == null) {
            return formAgain(viewed.granted(), viewed.assignment(), form, read.errors());
        }
        assignments.update(user, id, read.value());
        return HttpResponse.seeOther(URI.create("/assignments/" + id + "?saved=1"));
    }

    @Post(value = "/assignments/{id}/submit", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> submit(
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @Part("text") String text,
            @Nullable @Part("file") CompletedFileUpload file) {
        try {
            Assignments.Submitted submitted = assignments.submit(user, id, text, AssignmentsApiController.upload(file));
            return HttpResponse.seeOther(
                    URI.create("/assignments/" + id + "?submitted=" + submitted.attempt() + "#attempts"));
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            Map<String, String> errors = new HashMap<>(e.fields());
            if (errors.isEmpty()) {
                errors.put("submission", e.getMessage());
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/assignment",
                            model(
                                    user,
                                    assignments.view(user, id),
                                    errors,
                                    Map.of("text", text == null ? "" : text),
                                    1)));
        }
    }

    /** An attachment (link or file) added to the assignment by its instructor or staff. */
    @Post(
            value = "/assignments/{id}/materials",
            consumes = MediaType.MULTIPART_FORM_DATA,
            produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> attach(
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @Part("title") String title,
            @Nullable @Part("url") String url,
            @Nullable @Part("file") CompletedFileUpload file) {
        try {
            materials.addToAssignment(user, id, title, url, AssignmentsApiController.upload(file));
            return HttpResponse.seeOther(URI.create("/assignments/" + id + "?attached=1#attachments"));
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            Map<String, String> errors = new HashMap<>();
            e.fields()
                    .forEach((field, message) -> errors.put(
                            "attachment" + Character.toUpperCase(field.charAt(0)) + field.substring(1), message));
            if (errors.isEmpty()) {
                errors.put("attachment", e.getMessage());
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/assignment",
                            model(
                                    user,
                                    assignments.view(user, id),
                                    errors,
                                    Map.of(
                                            "attachmentTitle",
                                            title == null ? "" : title,
                                            "attachmentUrl",
                                            url == null ? "" : url),
                                    1)));
        }
    }

    @Post(
            value = "/submissions/{id}/grade",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> grade(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        String score = CourseForms.text(form, "score");
        String feedback = CourseForms.text(form, "feedback");
        Integer parsed = CourseForms.number(score, 0, Integer.MAX_VALUE);
        try {
            Submission graded = assignments.grade(user, id, parsed, feedback);
            int page = assignments.pageOf(user.universityId(), graded.assignmentId(), graded.userId());
            return HttpResponse.seeOther(URI.create("/assignments/" + graded.assignmentId() + "?graded=" + id
                    + (page > 1 ? "&page=" + page : "") + "#submission-" + id));
        } catch (CourseProblem e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            Submission submission = assignments.submission(user, id);
            Map<String, String> errors = new HashMap<>();
            e.fields().forEach((field, message) -> errors.put(field + "-" + id, message));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/assignment",
                            model(
                                    user,
                                    assignments.view(user, submission.assignmentId()),
                                    errors,
                                    Map.of("score-" + id, score, "feedback-" + id, feedback),
                                    assignments.pageOf(
                                            user.universityId(), submission.assignmentId(), submission.userId()))));
        }
    }

    @Post(
            value = "/assignments/{id}/extensions",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> extend(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        Assignments.Viewed viewed = assignments.view(user, id);
        Map<String, String> errors = new HashMap<>();
        Instant due = CourseForms.instant(
                CourseForms.text(form, "dueAt"), viewed.granted().batch().zone(), "extendTo", errors);
        String student = CourseForms.text(form, "student");
        long studentId;
        try {
            studentId = Long.parseLong(student);
        } catch (NumberFormatException e) {
            studentId = 0;
        }
        try {
            if (!errors.isEmpty()) {
                throw CourseProblem.invalid(errors);
            }
            assignments.extend(user, id, studentId, due);
            return HttpResponse.seeOther(URI.create("/assignments/" + id + "?extended=" + studentId));
        } catch (CourseProblem e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            Map<String, String> shown = new HashMap<>();
            e.fields().forEach((field, message) -> shown.put("dueAt".equals(field) ? "extendTo" : field, message));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/assignment",
                            model(user, viewed, shown, Map.of("extendTo", CourseForms.text(form, "dueAt")), 1)));
        }
    }

    @Get(
            value = "/assignments/{id}/submissions.zip",
            produces = {"application/zip", MediaType.TEXT_HTML})
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> downloadAll(@CurrentUser SignedInUser user, @PathVariable long id) {
        SubmissionsZip.Prepared prepared = zips.prepare(user, id);
        return HttpResponse.ok(new StreamedFile(zips.stream(prepared), MediaType.of("application/zip")))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(prepared.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get(
            value = "/submissions/{id}/file",
            produces = {MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_HTML})
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> file(@CurrentUser SignedInUser user, @PathVariable long id) {
        Submission submission = assignments.fileOf(user, id);
        StreamedFile file = new StreamedFile(
                storage.open(submission.fileKey()),
                MediaType.of(submission.fileType()),
                submission.submittedAt().toEpochMilli(),
                submission.fileSize() == null ? -1 : submission.fileSize());
        return HttpResponse.ok(file)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(submission.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    private HttpResponse<?> formAgain(
            BatchAccess.Granted granted,
            @Nullable Assignment assignment,
            Map<String, Object> form,
            Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", CourseViews.course(granted.course()));
        model.put("batch", CourseViews.batch(granted.batch(), assignments.now()));
        model.put("zone", granted.batch().zone().getId());
        model.put("form", AssignmentForms.values(form));
        model.put("errors", errors);
        model.put(
                "action",
                assignment == null
                        ? "/batches/" + granted.batch().id() + "/assignments"
                        : "/assignments/" + assignment.id());
        model.put("editing", assignment != null);
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("courses/assignment-form", model));
    }

    private Map<String, Object> model(
            SignedInUser user,
            Assignments.Viewed viewed,
            Map<String, String> errors,
            Map<String, String> values,
            int page) {
        Assignment assignment = viewed.assignment();
        BatchAccess.Granted granted = viewed.granted();
        ZoneId zone = granted.batch().zone();
        Instant now = assignments.now();
        Map<String, Object> model = new HashMap<>();
        model.put("course", CourseViews.course(granted.course()));
        model.put("batch", CourseViews.batch(granted.batch(), now));
        model.put("zone", zone.getId());
        model.put("errors", errors);
        model.put("values", values);
        Map<String, Object> shown = new HashMap<>();
        shown.put("id", assignment.id());
        shown.put("title", assignment.title());
        shown.put("instructions", assignment.instructions());
        shown.put("opens", assignment.opensAt() == null ? null : CourseViews.when(assignment.opensAt(), zone));
        shown.put("due", CourseViews.when(assignment.dueAt(), zone));
        shown.put("cutoff", assignment.cutoffAt() == null ? null : CourseViews.when(assignment.cutoffAt(), zone));
        shown.put("maxAttempts", assignment.maxAttempts());
        shown.put("maxScore", assignment.maxScore());
        model.put("assignment", shown);
        model.put(
                "attachments",
                materials.ofAssignment(user.universityId(), assignment).stream()
                        .map(Materials::view)
                        .toList());
        boolean teaches = granted.teaches();
        model.put("teaches", teaches);
        if (!teaches) {
            Instant extension = assignments
                    .extension(user.universityId(), assignment.id(), user.userId())
                    .orElse(null);
            List<Submission> mine = assignments.mine(user.universityId(), assignment.id(), user.userId());
            Assignments.Window window = assignments.window(assignment, extension, now);
            int left = Math.max(0, assignment.maxAttempts() - mine.size());
            model.put("extension", extension == null ? null : CourseViews.when(extension, zone));
            model.put("status", statusWords(window, left));
            model.put("late", window == Assignments.Window.LATE);
            model.put(
                    "canSubmit", left > 0 && (window == Assignments.Window.OPEN || window == Assignments.Window.LATE));
            model.put("attemptsLeft", left);
            model.put(
                    "attempts",
                    mine.stream()
                            .map(s -> attempt(s, zone, null, errors, values))
                            .toList());
            return model;
        }
        model.put("form", AssignmentForms.values(assignment, zone));
        // a page of the students' work at a time: a batch of hundreds made a page of a grading form per attempt
        List<Submission> shownWork = assignments.submissionsPage(user.universityId(), assignment.id(), page);
        long submitted = assignments.submitters(user.universityId(), assignment.id());
        Assignments.Roster roster = assignments.roster(
                user.universityId(),
                granted.batch().id(),
                shownWork.stream().map(Submission::userId).toList());
        Map<Long, User> people = roster.people();
        model.put(
                "students",
                roster.active().stream()
                        .map(id -> Map.of("id", id, "name", name(people.get(id))))
                        .toList());
        model.put(
                "submissions",
                shownWork.stream()
                        .map(submission ->
                                attempt(submission, zone, name(people.get(submission.userId())), errors, values))
                        .toList());
        model.put("submitted", submitted);
        model.put("pastLast", shownWork.isEmpty() && submitted > 0);
        model.put("enrolled", roster.active().size());
        int pages = Paging.pages(submitted, Assignments.STUDENTS_PER_PAGE);
        if (pages > 1) {
            String base = "/assignments/" + assignment.id() + "?page=";
            model.put("page", page);
            model.put("pages", pages);
            model.put("previousUrl", page > 1 ? base + (page - 1) + "#submissions-heading" : null);
            model.put("nextUrl", page < pages ? base + (page + 1) + "#submissions-heading" : null);
        }
        return model;
    }

    private static Map<String, Object> attempt(
            Submission submission,
            ZoneId zone,
            @Nullable String student,
            Map<String, String> errors,
            Map<String, String> values) {
        Map<String, Object> row = new HashMap<>();
        String key = "-" + submission.id();
        row.put("scoreError", errors.get("score" + key));
        row.put("feedbackError", errors.get("feedback" + key));
        row.put(
                "scoreValue",
                values.getOrDefault("score" + key, submission.graded() ? String.valueOf(submission.score()) : ""));
        row.put(
                "feedbackValue",
                values.getOrDefault(
                        "feedback" + key,
                        submission.graded() && submission.feedback() != null ? submission.feedback() : ""));
        row.put("id", submission.id());
        row.put("attempt", submission.attempt());
        row.put("student", student);
        row.put("when", CourseViews.when(submission.submittedAt(), zone));
        row.put("late", submission.late());
        row.put("text", submission.body());
        row.put("fileName", submission.fileName());
        row.put("graded", submission.graded());
        row.put("score", submission.graded() ? submission.score() : null);
        row.put("feedback", submission.graded() ? submission.feedback() : null);
        return row;
    }

    private static String name(@Nullable User user) {
        return user == null ? "Former student" : user.displayName();
    }

    private static String statusWords(Assignments.Window window, int left) {
        return switch (window) {
            case NOT_OPEN -> "Not open for submissions yet.";
            case CLOSED -> "Closed: the cut-off date has passed.";
            case LATE -> left > 0 ? "Past the due date: a submission now is marked late." : "All attempts used.";
            case OPEN -> left > 0 ? "Open for submissions." : "All attempts used.";
        };
    }
}
