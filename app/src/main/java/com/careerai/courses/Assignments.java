package com.careerai.courses;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.storage.FileStorage;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.Paging;
import com.careerai.resources.UploadInspector;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assignments of a batch, their submissions and grades (issue 15, Moodle's rules): the batch's
 * instructor and staff set and grade work; its ACTIVE students submit text and/or a file (inspected
 * like resource uploads), one row per attempt, late after the due date (or their extension),
 * refused after the cut-off unless their extension is later. A student sees only their own
 * attempts, and a grade only once it is given.
 */
@Singleton
public class Assignments {
    static final String STORAGE_AREA = "submissions";
    static final int MAX_TEXT = 50_000;
    /** Students whose attempts an instructor's assignment page shows at a time. */
    static final int STUDENTS_PER_PAGE = 25;

    private final AssignmentStore store;
    private final BatchAccess access;
    private final EnrolmentStore enrolments;
    private final UploadInspector inspector;
    private final FileStorage storage;
    private final Notifications notifications;
    private final AuditLog audit;
    private final CourseClock clock;
    private final UserAccounts users;
    private final PageReads reads;

    Assignments(
            AssignmentStore store,
            BatchAccess access,
            EnrolmentStore enrolments,
            UploadInspector inspector,
            FileStorage storage,
            Notifications notifications,
            AuditLog audit,
            CourseClock clock,
            UserAccounts users,
            PageReads reads) {
        this.store = store;
        this.access = access;
        this.enrolments = enrolments;
        this.inspector = inspector;
        this.storage = storage;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.users = users;
        this.reads = reads;
    }

    /** Where a student stands with an assignment at a moment. */
    enum Window {
        NOT_OPEN,
        OPEN,
        LATE,
        CLOSED
    }

    /** The outcome of a submission: its id, its attempt number and whether it was late. */
    public record Submitted(long id, int attempt, boolean late) {}

    /** A file a student sends: the name they gave it and its bytes. */
    public record Upload(@Nullable String fileName, byte[] content) {}

    @Transactional
    public long create(SignedInUser user, long batchId, AssignmentStore.Fields fields) {
        requireTeacher(access.require(user, batchId));
        long id = store.insert(user.universityId(), batchId, user.userId(), fields);
        audit.record(
                user.universityId(),
                Courses.actor(user),
                "courses.assignment.created",
                Map.of("batch", batchId, "assignment", id, "title", fields.title()));
        return id;
    }

    @Transactional
    public void update(SignedInUser user, long assignmentId, AssignmentStore.Fields fields) {
        Assignment assignment = teacherOf(user, assignmentId);
        store.update(user.universityId(), assignment.id(), fields);
        audit.record(
                user.universityId(),
                Courses.actor(user),
                "courses.assignment.changed",
                Map.of("assignment", assignmentId, "title", fields.title()));
    }

    /**
     * The assignment and who is looking: 404 for another university's, 403 for a batch not theirs. In a page
     * request, who may open its batch is read in one round trip with what the page shows of the batch (a
     * teacher's roster), once the assignment's row has named the batch.
     */
    Viewed view(SignedInUser user, long assignmentId) {
        Assignment assignment = reads.read(AssignmentStore.assignmentRead(user.universityId(), assignmentId))
                .orElseThrow(Assignments::notFound);
        List<PageRead<?>> batch = new ArrayList<>(access.reads(user, assignment.batchId()));
        if (user.role() != Role.STUDENT) { // an instructor is a counsellor or staff
            batch.add(rosterRead(user.universityId(), assignment.batchId()));
        }
        reads.prefetch(batch);
        return new Viewed(assignment, access.require(user, assignment.batchId()));
    }

    /**
     * What an assignment's page reads by the assignment's id, for it to send with the header's reads (ADR 0076):
     * the assignment, its attachments and a student's extension and attempts, or for whoever may teach one page of
     * the students' attempts and how many submitted. {@link #view} reads the rest once the assignment names its
     * batch.
     */
    List<PageRead<?>> pageReads(SignedInUser user, long assignmentId, int page) {
        List<PageRead<?>> reads = new ArrayList<>();
        reads.add(AssignmentStore.assignmentRead(user.universityId(), assignmentId));
        reads.addAll(shownReads(user, assignmentId, page));
        return reads;
    }

    /**
     * What an assignment shows {@code user} besides itself: its attachments, and a student's extension and
     * attempts, or for whoever may teach page {@code page} of the students' attempts and how many submitted.
     */
    private static List<PageRead<?>> shownReads(SignedInUser user, long assignmentId, int page) {
        long universityId = user.universityId();
        List<PageRead<?>> reads = new ArrayList<>();
        reads.add(MaterialStore.ofAssignmentRead(universityId, assignmentId));
        if (user.role() == Role.STUDENT) {
            reads.add(AssignmentStore.extensionRead(universityId, assignmentId, user.userId()));
            reads.add(AssignmentStore.submissionsOfRead(universityId, assignmentId, user.userId()));
        } else {
            reads.add(submissionsPageRead(universityId, assignmentId, page));
            reads.add(AssignmentStore.submittersRead(universityId, assignmentId));
        }
        return reads;
    }

    /**
     * A batch's assignments, for its students and whoever teaches it (404 for another university's batch, 403
     * for one not theirs), with what each shows {@code user} sent ahead ({@link #shownReads}, the first page of
     * the students' attempts for a teacher): who may open the batch and its assignments in one round trip, what
     * the assignments show in a second, however many there are (ADR 0076).
     */
    Listed listed(SignedInUser user, long batchId) {
        List<PageRead<?>> first = new ArrayList<>(access.reads(user, batchId));
        first.add(AssignmentStore.ofBatchRead(user.universityId(), batchId));
        reads.prefetch(first);
        BatchAccess.Granted granted = access.require(user, batchId);
        List<Assignment> all = ofBatch(user.universityId(), batchId);
        reads.prefetch(all.stream()
                .flatMap(assignment -> shownReads(user, assignment.id(), 1).stream())
                .toList());
        return new Listed(granted, all);
    }

    record Listed(BatchAccess.Granted granted, List<Assignment> assignments) {}

    /**
     * Page {@code page} (from 1) of the students' attempts at an assignment, {@link #STUDENTS_PER_PAGE} students
     * a page, for whoever teaches its batch: 404 for another university's, 403 for its students. The assignment and
     * the page in one round trip, who may open its batch in a second.
     */
    Teaching teaching(SignedInUser user, long assignmentId, int page) {
        long universityId = user.universityId();
        PageRead<Optional<Assignment>> assignmentRead = AssignmentStore.assignmentRead(universityId, assignmentId);
        reads.prefetch(List.of(
                assignmentRead,
                submissionsPageRead(universityId, assignmentId, page),
                AssignmentStore.submittersRead(universityId, assignmentId)));
        Assignment assignment = reads.read(assignmentRead).orElseThrow(Assignments::notFound);
        requireTeacher(access.require(user, assignment.batchId()));
        return new Teaching(
                assignment, submissionsPage(universityId, assignmentId, page), submitters(universityId, assignmentId));
    }

    /** One page of the students' attempts at an assignment, and how many students submitted in all. */
    record Teaching(Assignment assignment, List<Submission> submissions, long submitters) {}

    record Viewed(Assignment assignment, BatchAccess.Granted granted) {}

    List<Assignment> ofBatch(long universityId, long batchId) {
        return reads.read(AssignmentStore.ofBatchRead(universityId, batchId));
    }

    Optional<Instant> extension(long universityId, long assignmentId, long userId) {
        return reads.read(AssignmentStore.extensionRead(universityId, assignmentId, userId));
    }

    /** A student's own attempts (grades only where given: score and feedback are null before). */
    List<Submission> mine(long universityId, long assignmentId, long userId) {
        return reads.read(AssignmentStore.submissionsOfRead(universityId, assignmentId, userId));
    }

    List<Submission> all(long universityId, long assignmentId) {
        return reads.read(AssignmentStore.submissionsRead(universityId, assignmentId));
    }

    /** Every attempt of page {@code page} (from 1) of the students who submitted, {@link #STUDENTS_PER_PAGE} a page. */
    List<Submission> submissionsPage(long universityId, long assignmentId, int page) {
        return reads.read(submissionsPageRead(universityId, assignmentId, page));
    }

    private static PageRead<List<Submission>> submissionsPageRead(long universityId, long assignmentId, int page) {
        return AssignmentStore.submissionsPageRead(
                universityId, assignmentId, Paging.offset(page, STUDENTS_PER_PAGE), STUDENTS_PER_PAGE);
    }

    /** How many students submitted. */
    long submitters(long universityId, long assignmentId) {
        return reads.read(AssignmentStore.submittersRead(universityId, assignmentId));
    }

    /** The page of the submissions list a student's attempts are on (the page a grade returns to). */
    @Transactional(readOnly = true)
    int pageOf(long universityId, long assignmentId, long userId) {
        return (int) (store.submittersBefore(universityId, assignmentId, userId) / STUDENTS_PER_PAGE) + 1;
    }

    Window window(Assignment assignment, @Nullable Instant extension, Instant now) {
        if (!assignment.openAt(now)) {
            return Window.NOT_OPEN;
        }
        Instant cutoff = assignment.cutoffFor(extension);
        if (cutoff != null && now.isAfter(cutoff)) {
            return Window.CLOSED;
        }
        return now.isAfter(assignment.dueFor(extension)) ? Window.LATE : Window.OPEN;
    }

    /**
     * A new attempt by an ACTIVE student of the batch. 422 {@code not_open} before it opens,
     * {@code closed} after the cut-off (or the student's later extension), {@code attempts_exhausted}
     * once every attempt is used, {@code invalid_input} with neither text nor file, and the resource
     * upload's {@code file_refused} for a file that is not an accepted document or image.
     */
    @Transactional
    public Submitted submit(SignedInUser student, long assignmentId, @Nullable String text, @Nullable Upload upload) {
        Assignment assignment = store.lock(student.universityId(), assignmentId).orElseThrow(Assignments::notFound);
        BatchAccess.Granted granted = access.require(student, assignment.batchId());
        if (granted.as() != BatchAccess.As.STUDENT) {
            throw new CourseProblem(HttpStatus.FORBIDDEN, "students_only", "Only the batch's students submit work.");
        }
        String body = text == null || text.isBlank() ? null : text.strip();
        boolean hasFile = upload != null && upload.content().length > 0;
        if (body == null && !hasFile) {
            throw CourseProblem.invalid(Map.of("text", "Write your answer or attach a file."));
        }
        if (body != null && body.length() > MAX_TEXT) {
            throw CourseProblem.invalid(Map.of("text", "Keep the answer under " + MAX_TEXT + " characters."));
        }
        Instant now = clock.now();
        Instant extension = store.extension(student.universityId(), assignmentId, student.userId())
                .orElse(null);
        Window window = window(assignment, extension, now);
        if (window == Window.NOT_OPEN) {
            throw new CourseProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY, "not_open", "This assignment does not take submissions yet.");
        }
        if (window == Window.CLOSED) {
            throw new CourseProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "closed",
                    "The cut-off date has passed: ask your instructor for an extension.");
        }
        int used = store.attempts(student.universityId(), assignmentId, student.userId());
        if (used >= assignment.maxAttempts()) {
            throw new CourseProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "attempts_exhausted",
                    "You have used all " + assignment.maxAttempts() + " attempts at this assignment.");
        }
        AssignmentStore.StoredFile file = null;
        if (hasFile) {
            UploadInspector.Inspected inspected = inspector.inspect(upload.fileName(), upload.content());
            String key =
                    storage.put(student.universityId(), STORAGE_AREA, inspected.content(), inspected.contentType());
            file = new AssignmentStore.StoredFile(
                    key,
                    fileName(upload.fileName(), inspected.extension()),
                    inspected.contentType(),
                    inspected.content().length);
        }
        try {
            Submission saved = store.insertSubmission(
                    student.universityId(),
                    assignmentId,
                    student.userId(),
                    used + 1,
                    body,
                    file,
                    window == Window.LATE,
                    now);
            return new Submitted(saved.id(), saved.attempt(), saved.late());
        } catch (RuntimeException e) {
            if (file != null) {
                storage.delete(file.key());
            }
            throw e;
        }
    }

    /** Grades one attempt (again, if it was graded) and tells the student. */
    @Transactional
    public Submission grade(SignedInUser user, long submissionId, @Nullable Integer score, @Nullable String feedback) {
        Submission submission =
                store.submission(user.universityId(), submissionId).orElseThrow(Assignments::notFound);
        Assignment assignment = teacherOf(user, submission.assignmentId());
        Map<String, String> errors = new LinkedHashMap<>();
        if (score == null || score < 0 || score > assignment.maxScore()) {
            errors.put("score", "Give a score from 0 to " + assignment.maxScore() + ".");
        }
        String words = feedback == null ? "" : feedback.strip();
        if (words.length() > 8000) {
            errors.put("feedback", "Keep the feedback under 8000 characters.");
        }
        if (!errors.isEmpty()) {
            throw CourseProblem.invalid(errors);
        }
        store.grade(user.universityId(), submissionId, score, words, user.userId(), clock.now());
        audit.record(
                user.universityId(),
                Courses.actor(user),
                "courses.submission.graded",
                Map.of("submission", submissionId, "assignment", assignment.id(), "score", score));
        notifications.publish(
                user.universityId(),
                submission.userId(),
                new Notice(
                        NoticeKind.COURSE,
                        "Your work on " + assignment.title() + " was graded",
                        "Attempt " + submission.attempt() + ": " + score + " out of " + assignment.maxScore() + ".",
                        "/assignments/" + assignment.id(),
                        false));
        return store.submission(user.universityId(), submissionId).orElseThrow();
    }

    /** Gives one ACTIVE student of the batch a later due date (which also moves their cut-off). */
    @Transactional
    public void extend(SignedInUser user, long assignmentId, long studentId, @Nullable Instant dueAt) {
        Assignment assignment = teacherOf(user, assignmentId);
        boolean enrolled = enrolments
                .live(user.universityId(), assignment.batchId(), studentId)
                .filter(enrolment -> enrolment.status() == Enrolment.Status.ACTIVE)
                .isPresent();
        if (!enrolled) {
            throw CourseProblem.invalid(Map.of("student", "Choose a student enrolled on this batch."));
        }
        if (dueAt == null || !dueAt.isAfter(assignment.dueAt())) {
            throw CourseProblem.invalid(Map.of("dueAt", "An extension ends after the assignment's due date."));
        }
        store.extend(user.universityId(), assignmentId, studentId, dueAt, user.userId());
        audit.record(
                user.universityId(),
                Courses.actor(user),
                "courses.assignment.extended",
                Map.of("assignment", assignmentId, "student", studentId, "due", dueAt.toString()));
        notifications.publish(
                user.universityId(),
                studentId,
                new Notice(
                        NoticeKind.COURSE,
                        "Extension on " + assignment.title(),
                        "You may hand it in until " + CourseViews.when(dueAt, java.time.ZoneOffset.UTC) + " UTC.",
                        "/assignments/" + assignmentId,
                        false));
    }

    /** The batch's ACTIVE students with their accounts (for the extension form and names of submitters). */
    Roster roster(long universityId, long batchId, List<Long> alsoNamed) {
        List<Long> active = active(universityId, batchId);
        List<Long> ids = java.util.stream.Stream.concat(active.stream(), alsoNamed.stream())
                .distinct()
                .toList();
        Map<Long, User> people = new LinkedHashMap<>();
        users.findAll(universityId, ids).forEach(user -> people.put(user.id(), user));
        return new Roster(active, people);
    }

    /** The batch's ACTIVE students' ids, in the roster's order. */
    List<Long> active(long universityId, long batchId) {
        return reads.read(EnrolmentStore.ofBatchRead(universityId, batchId)).stream()
                .filter(enrolment -> enrolment.status() == Enrolment.Status.ACTIVE)
                .map(Enrolment::userId)
                .toList();
    }

    /** What {@link #roster} reads before the names, for a page to send with its other reads (ADR 0076). */
    PageRead<?> rosterRead(long universityId, long batchId) {
        return EnrolmentStore.ofBatchRead(universityId, batchId);
    }

    record Roster(List<Long> active, Map<Long, User> people) {}

    @Transactional(readOnly = true)
    Submission submission(SignedInUser user, long submissionId) {
        return store.submission(user.universityId(), submissionId).orElseThrow(Assignments::notFound);
    }

    /** An attempt's file, for its author, the batch's instructor and staff; 404 otherwise. */
    @Transactional(readOnly = true)
    Submission fileOf(SignedInUser user, long submissionId) {
        Submission submission = store.submission(user.universityId(), submissionId)
                .filter(found -> found.fileKey() != null)
                .orElseThrow(Assignments::notFound);
        Assignment assignment =
                store.assignment(user.universityId(), submission.assignmentId()).orElseThrow();
        BatchAccess.Granted granted = access.require(user, assignment.batchId());
        if (!granted.teaches() && submission.userId() != user.userId()) {
            throw notFound();
        }
        return submission;
    }

    /** The assignment if {@code user} teaches its batch (instructor or staff): 403 for its students. */
    @Transactional(readOnly = true)
    Assignment teacherOf(SignedInUser user, long assignmentId) {
        Assignment assignment =
                store.assignment(user.universityId(), assignmentId).orElseThrow(Assignments::notFound);
        requireTeacher(access.require(user, assignment.batchId()));
        return assignment;
    }

    Instant now() {
        return clock.now();
    }

    private static void requireTeacher(BatchAccess.Granted granted) {
        if (!granted.teaches()) {
            throw new CourseProblem(
                    HttpStatus.FORBIDDEN, "instructor_only", "Only the batch's instructor and staff do this.");
        }
    }

    /** The name shown for a submitted file: the student's, else one made here, with the detected extension. */
    static String fileName(@Nullable String given, String extension) {
        String base = given == null ? "" : given.strip();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        base = base.replaceAll("[^\\p{L}\\p{N} ._-]", "_");
        if (base.isBlank()) {
            base = "submission";
        }
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        return extension.isEmpty() ? base : base + "." + extension;
    }

    static CourseProblem notFound() {
        return new CourseProblem(HttpStatus.NOT_FOUND, "not_found", "There is no such assignment.");
    }
}
