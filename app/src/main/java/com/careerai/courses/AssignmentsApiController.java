package com.careerai.courses;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The assignments JSON API (issue 15): a batch's assignments (with the caller's own attempts, or for
 * its instructor and staff the first page of the students' attempts), the students' attempts a page at a
 * time, submitting (JSON text or multipart text and file), grading.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Courses")
class AssignmentsApiController {
    private final Assignments assignments;
    private final Materials materials;

    AssignmentsApiController(Assignments assignments, Materials materials) {
        this.assignments = assignments;
        this.materials = materials;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AssignmentView(
            long id,
            long batchId,
            String title,
            String instructions,
            @Nullable Instant opensAt,
            Instant dueAt,
            @Nullable Instant cutoffAt,
            int maxAttempts,
            int maxScore,
            @Nullable Instant extendedTo,
            String status,
            int attemptsLeft,
            List<SubmissionView> submissions,
            @Nullable Long submitted,
            @Nullable String nextSubmissions,
            List<CoursesApiController.MaterialView> attachments) {}

    /**
     * Page {@code page} of the students' attempts at an assignment ({@value Assignments#STUDENTS_PER_PAGE} students
     * a page, by student then attempt), of {@code pages}; {@code submitted} students submitted in all; {@code next}
     * is the next page's address, null on the last.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SubmissionsPage(
            long assignmentId,
            int page,
            int pages,
            long submitted,
            List<SubmissionView> submissions,
            @Nullable String next) {}

    /** One attempt; {@code score}, {@code feedback} and {@code gradedAt} stay null until it is graded. */
    @Serdeable
    record SubmissionView(
            long id,
            long assignmentId,
            long userId,
            int attempt,
            @Nullable String text,
            @Nullable String fileName,
            @Nullable String fileUrl,
            boolean late,
            Instant submittedAt,
            @Nullable Integer score,
            @Nullable String feedback,
            @Nullable Instant gradedAt) {

        static SubmissionView of(Submission submission) {
            return new SubmissionView(
                    submission.id(),
                    submission.assignmentId(),
                    submission.userId(),
                    submission.attempt(),
                    submission.body(),
                    submission.fileName(),
                    submission.fileKey() == null ? null : "/submissions/" + submission.id() + "/file",
                    submission.late(),
                    submission.submittedAt(),
                    submission.graded() ? submission.score() : null,
                    submission.graded() ? submission.feedback() : null,
                    submission.gradedAt());
        }
    }

    @Serdeable
    record TextSubmission(@Nullable String text) {}

    @Serdeable
    record SubmittedView(long id, int attempt, boolean late) {}

    @Serdeable
    record GradeBody(@Nullable Integer score, @Nullable String feedback) {}

    @Get("/batches/{id}/assignments")
    @Operation(
            summary = "A batch's assignments, for its active students (with their own attempts and grades once"
                    + " given) and for its instructor and staff (with the first page of the students' attempts)",
            description = "For the instructor and staff, submissions holds the attempts of the first "
                    + Assignments.STUDENTS_PER_PAGE + " students who submitted (by student, then attempt), submitted"
                    + " counts the students who submitted, and nextSubmissions is the address of the next page"
                    + " (GET /api/v1/assignments/{id}/submissions?page=2), null when there is none. For a"
                    + " student, submissions are their own attempts and both are null.")
    List<AssignmentView> list(@CurrentUser SignedInUser user, @PathVariable long id) {
        Assignments.Listed listed = assignments.listed(user, id);
        Instant now = assignments.now();
        return listed.assignments().stream()
                .map(assignment -> view(user, listed.granted(), assignment, now))
                .toList();
    }

    @Get("/assignments/{id}/submissions")
    @Operation(
            summary = "The students' attempts at an assignment, " + Assignments.STUDENTS_PER_PAGE
                    + " students a page (the batch's instructor and staff)",
            description = "Pages from 1 (?page=n); a page past the last is empty. 403 instructor_only for the"
                    + " batch's students, 404 for an assignment of another university.")
    SubmissionsPage submissions(
            @CurrentUser SignedInUser user, @PathVariable long id, @Nullable @QueryValue Integer page) {
        int current = Paging.page(page == null ? 1 : page);
        Assignments.Teaching teaching = assignments.teaching(user, id, current);
        int pages = Paging.pages(teaching.submitters(), Assignments.STUDENTS_PER_PAGE);
        return new SubmissionsPage(
                id,
                current,
                pages,
                teaching.submitters(),
                teaching.submissions().stream().map(SubmissionView::of).toList(),
                current < pages ? submissionsAddress(id, current + 1) : null);
    }

    @Post(value = "/assignments/{id}/submissions", consumes = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit an attempt as text",
            description = "201 {id, attempt, late}; 422 closed after the cut-off (and any extension),"
                    + " 422 attempts_exhausted, 422 not_open before it opens")
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<SubmittedView> submitText(
            @CurrentUser SignedInUser user, @PathVariable long id, @Nullable @Body TextSubmission body) {
        return created(assignments.submit(user, id, body == null ? null : body.text(), null));
    }

    @Post(value = "/assignments/{id}/submissions", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Submit an attempt as text and/or a file (PDF, Word, PowerPoint, Excel, PNG, JPEG)",
            description = "201 {id, attempt, late}; 422 closed, attempts_exhausted, not_open or file_refused")
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<SubmittedView> submitFile(
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @Part("text") String text,
            @Nullable @Part("file") CompletedFileUpload file) {
        return created(assignments.submit(user, id, text, upload(file)));
    }

    @Post("/submissions/{id}/grade")
    @Operation(summary = "Grade an attempt (the batch's instructor and staff): score out of the maximum, feedback")
    SubmissionView grade(@CurrentUser SignedInUser user, @PathVariable long id, @Nullable @Body GradeBody body) {
        return SubmissionView.of(
                assignments.grade(user, id, body == null ? null : body.score(), body == null ? null : body.feedback()));
    }

    private AssignmentView view(SignedInUser user, BatchAccess.Granted granted, Assignment assignment, Instant now) {
        boolean student = granted.as() == BatchAccess.As.STUDENT;
        Instant extension = student
                ? assignments
                        .extension(user.universityId(), assignment.id(), user.userId())
                        .orElse(null)
                : null;
        List<Submission> submissions = student
                ? assignments.mine(user.universityId(), assignment.id(), user.userId())
                : assignments.submissionsPage(user.universityId(), assignment.id(), 1);
        Long submitted = student ? null : assignments.submitters(user.universityId(), assignment.id());
        boolean more = submitted != null && submitted > Assignments.STUDENTS_PER_PAGE;
        int left = student ? Math.max(0, assignment.maxAttempts() - submissions.size()) : assignment.maxAttempts();
        return new AssignmentView(
                assignment.id(),
                assignment.batchId(),
                assignment.title(),
                assignment.instructions(),
                assignment.opensAt(),
                assignment.dueAt(),
                assignment.cutoffAt(),
                assignment.maxAttempts(),
                assignment.maxScore(),
                extension,
                assignments.window(assignment, extension, now).name(),
                left,
                submissions.stream().map(SubmissionView::of).toList(),
                submitted,
                more ? submissionsAddress(assignment.id(), 2) : null,
                materials.ofAssignment(user.universityId(), assignment).stream()
                        .map(CoursesApiController.MaterialView::of)
                        .toList());
    }

    private static String submissionsAddress(long assignmentId, int page) {
        return "/api/v1/assignments/" + assignmentId + "/submissions?page=" + page;
    }

    static Assignments.Upload upload(@Nullable CompletedFileUpload file) {
        if (file == null || file.getSize() == 0) {
            return null;
        }
        try {
            return new Assignments.Upload(file.getFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<SubmittedView> created(Assignments.Submitted submitted) {
        return HttpResponse.created(new SubmittedView(submitted.id(), submitted.attempt(), submitted.late()));
    }
}
