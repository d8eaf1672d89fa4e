package com.careerai.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Assignments: Moodle's due / cut-off / extension / attempts rules, grading and who sees grades, the zip. */
@MicronautTest(transactional = false)
class AssignmentTest extends IntegrationTest {
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    Fixtures fixtures;

    @Inject
    CourseFixtures courses;

    @Inject
    TestSessions sessions;

    @Inject
    Assignments assignments;

    @Inject
    UngradedWorkPanel ungradedPanel;

    @Inject
    CoursesPersonalData personalData;

    @Inject
    @Client("/")
    HttpClient client;

    University uni;
    University other;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void universities() {
        uni = fixtures.university();
        other = fixtures.university();
    }

    @Test
    void dueCutOffAndExtensionRulesAtTheirBoundaries() {
        Instant due = Instant.parse("2030-01-07T10:00:00Z");
        Instant cutoff = due.plusSeconds(3600);
        Assignment assignment = new Assignment(1, 1, 1, "Work", "", due.minusSeconds(86_400), due, cutoff, 2, 10);
        assertThat(assignments.window(assignment, null, due.minusSeconds(86_401)))
                .isEqualTo(Assignments.Window.NOT_OPEN);
        assertThat(assignments.window(assignment, null, due.minusSeconds(86_400)))
                .isEqualTo(Assignments.Window.OPEN);
        assertThat(assignments.window(assignment, null, due))
                .as("at the due date: on time")
                .isEqualTo(Assignments.Window.OPEN);
        assertThat(assignments.window(assignment, null, due.plusNanos(1000))).isEqualTo(Assignments.Window.LATE);
        assertThat(assignments.window(assignment, null, cutoff))
                .as("at the cut-off: still taken")
                .isEqualTo(Assignments.Window.LATE);
        assertThat(assignments.window(assignment, null, cutoff.plusNanos(1000))).isEqualTo(Assignments.Window.CLOSED);
        Instant extension = cutoff.plusSeconds(86_400);
        assertThat(assignments.window(assignment, extension, cutoff.plusSeconds(60)))
                .as("an extension moves the due date and the cut-off")
                .isEqualTo(Assignments.Window.OPEN);
        assertThat(assignments.window(assignment, extension, extension.plusNanos(1000)))
                .isEqualTo(Assignments.Window.CLOSED);
        Assignment noCutoff = new Assignment(1, 1, 1, "Work", "", null, due, null, 2, 10);
        assertThat(assignments.window(noCutoff, null, due.plusSeconds(365L * 86_400)))
                .as("no cut-off: late work is always taken")
                .isEqualTo(Assignments.Window.LATE);
    }

    @Test
    void theApiCountsAttemptsFlagsLateWorkAndClosesAfterTheCutOffUnlessExtended() {
        CourseFixtures.Made course = courses.free(uni, 5);
        User student = enrolledStudent(course);
        SignedIn session = sessions.signIn(student);
        SignedIn teacher = sessions.signIn(course.instructor());
        Instant now = Instant.now();
        long open = courses.assignment(uni, course, "Open work", now.plusSeconds(86_400), null, 2);
        long late = courses.assignment(uni, course, "Late work", now.minusSeconds(3600), now.plusSeconds(3600), 2);
        long closed = courses.assignment(uni, course, "Closed work", now.minusSeconds(7200), now.minusSeconds(3600), 2);

        HttpResponse<String> first = submit(session, open, "{\"text\":\"My answer\"}");
        assertThat(first.code()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"attempt\":1").contains("\"late\":false");
        assertThat(submit(session, open, "{\"text\":\"Better answer\"}").body()).contains("\"attempt\":2");
        HttpResponse<String> third = submit(session, open, "{\"text\":\"Once more\"}");
        assertThat(third.code()).isEqualTo(422);
        assertThat(third.body()).contains("\"error\":\"attempts_exhausted\"");
        assertThat(submit(session, open, "{\"text\":\"  \"}").code()).isEqualTo(422);

        HttpResponse<String> lateOne = submit(session, late, "{\"text\":\"Sorry\"}");
        assertThat(lateOne.code()).isEqualTo(201);
        assertThat(lateOne.body()).contains("\"late\":true");

        HttpResponse<String> refused = submit(session, closed, "{\"text\":\"Too late\"}");
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("\"error\":\"closed\"");
        String until = AssignmentForms.local(now.plusSeconds(2 * 86_400), java.time.ZoneId.of("UTC"));
        HttpResponse<String> extended =
                post(teacher, "/assignments/" + closed + "/extensions", "student=" + student.id() + "&dueAt=" + until);
        assertThat(extended.code()).as(extended.body()).isEqualTo(303);
        HttpResponse<String> inTime = submit(session, closed, "{\"text\":\"With my extension\"}");
        assertThat(inTime.code()).as(inTime.body()).isEqualTo(201);
        assertThat(inTime.body())
                .as("before the extended due date it is not late")
                .contains("\"late\":false");

        HttpResponse<String> badExtension = post(
                teacher,
                "/assignments/" + closed + "/extensions",
                "student=" + student.id() + "&dueAt=2000-01-01T10:00");
        assertThat(badExtension.code()).isEqualTo(422);
        assertThat(badExtension.body()).contains("after the assignment&#x27;s due date");
        assertThat(submit(teacher, open, "{\"text\":\"I teach\"}").code()).isEqualTo(403);
    }

    @Test
    void aGradeIsHiddenUntilGivenVisibleOnlyToItsStudentAndNotified() {
        CourseFixtures.Made course = courses.free(uni, 5);
        User student = enrolledStudent(course);
        User classmate = enrolledStudent(course);
        SignedIn session = sessions.signIn(student);
        SignedIn classmateSession = sessions.signIn(classmate);
        SignedIn teacher = sessions.signIn(course.instructor());
        long assignment =
                courses.assignment(uni, course, "Graded work", Instant.now().plusSeconds(86_400), null, 1);
        HttpResponse<String> submitted = submit(session, assignment, "{\"text\":\"Answer\"}");
        long submission = Long.parseLong(submitted.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        String before = api(session, "GET", "/api/v1/batches/" + course.batchId() + "/assignments", null)
                .body();
        assertThat(before).contains("\"attempt\":1").doesNotContain("\"score\"").doesNotContain("\"feedback\"");
        assertThat(grade(classmateSession, submission, 9).code())
                .as("a student grades nothing")
                .isEqualTo(403);
        assertThat(grade(teacher, submission, 11).code()).as("out of 10").isEqualTo(422);
        long noticesBefore = count("SELECT count(*) FROM notifications WHERE user_id = ?", student.id());

        HttpResponse<String> graded = grade(teacher, submission, 8);
        assertThat(graded.code()).as(graded.body()).isEqualTo(200);
        String after = api(session, "GET", "/api/v1/batches/" + course.batchId() + "/assignments", null)
                .body();
        assertThat(after).contains("\"score\":8").contains("\"feedback\":\"Well argued\"");
        assertThat(api(classmateSession, "GET", "/api/v1/batches/" + course.batchId() + "/assignments", null)
                        .body())
                .as("a classmate sees neither the work nor the grade")
                .doesNotContain("\"score\":8")
                .contains("\"submissions\":[]");
        assertThat(count(
                        "SELECT count(*) FROM notifications WHERE user_id = ? AND title LIKE 'Your work on Graded work%'",
                        student.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notifications WHERE user_id = ?", student.id()))
                .isEqualTo(noticesBefore + 1);
        assertThat(page(session, "/assignments/" + assignment).body()).contains("Grade: 8 / 10");
        assertThat(page(classmateSession, "/assignments/" + assignment).body()).doesNotContain("Grade: 8");
        assertThat(fixtures.in(uni, () -> ungradedPanel.panel(uni.id()))
                        .orElseThrow()
                        .figure())
                .endsWith("to grade");
    }

    @Test
    void anInstructorsAssignmentPageShowsTwentyFiveStudentsWorkAPageAndAGradeReturnsToItsPage() {
        CourseFixtures.Made course = courses.free(uni, 40);
        long assignment = thirtyStudentsWork(course).assignment();
        SignedIn teacher = sessions.signIn(course.instructor());
        String first = page(teacher, "/assignments/" + assignment).body();
        assertThat(first)
                .contains("30</span> of 30 enrolled students submitted")
                .contains("Page 1 of 2")
                .contains("?page=2#submissions-heading")
                .doesNotContain("data-page=\"previous\"");
        assertThat(first.split("data-submission=\"", -1))
                .as("the first 25 students' attempts, two of the first five's")
                .hasSize(25 + 5 + 1);
        String second = page(teacher, "/assignments/" + assignment + "?page=2").body();
        assertThat(second.split("data-submission=\"", -1))
                .as("the last five students'")
                .hasSize(5 + 1);
        assertThat(second).contains("Page 2 of 2").contains("data-page=\"previous\"");

        long last = count(
                "SELECT id FROM submissions WHERE assignment_id = ? ORDER BY user_id DESC, attempt LIMIT 1",
                assignment);
        assertThat(second).contains("data-submission=\"" + last + "\"");
        HttpResponse<String> graded = post(teacher, "/submissions/" + last + "/grade", "score=7&feedback=Good");
        assertThat(graded.code()).as(graded.body()).isEqualTo(303);
        assertThat(graded.header("Location"))
                .isEqualTo("/assignments/" + assignment + "?graded=" + last + "&page=2#submission-" + last);
        HttpResponse<String> tooHigh = post(teacher, "/submissions/" + last + "/grade", "score=700&feedback=Good");
        assertThat(tooHigh.code()).isEqualTo(422);
        assertThat(tooHigh.body())
                .as("the form again on the page its student is on")
                .contains("Page 2 of 2")
                .contains("id=\"score-" + last + "-error\"");
        assertThat(page(teacher, "/assignments/" + assignment + "?page=9").body())
                .contains("No students' work on this page");
    }

    @Test
    void theApiGivesTeachersTheStudentsAttemptsTwentyFiveStudentsAPage() {
        CourseFixtures.Made course = courses.free(uni, 40);
        BigBatch work = thirtyStudentsWork(course);
        long assignment = work.assignment();
        SignedIn teacher = sessions.signIn(course.instructor());
        String submissions = "/api/v1/assignments/" + assignment + "/submissions";

        String listed = api(teacher, "GET", "/api/v1/batches/" + course.batchId() + "/assignments", null)
                .body();
        assertThat(listed).contains("\"submitted\":30").contains("\"nextSubmissions\":\"" + submissions + "?page=2\"");
        assertThat(listed.split("\"attempt\":", -1))
                .as("the first 25 students' attempts, two of the first five's")
                .hasSize(25 + 5 + 1);

        HttpResponse<String> first = api(teacher, "GET", submissions, null);
        assertThat(first.code()).isEqualTo(200);
        assertThat(first.body())
                .contains("\"page\":1", "\"pages\":2", "\"submitted\":30")
                .contains("\"next\":\"" + submissions + "?page=2\"");
        assertThat(first.body().split("\"attempt\":", -1)).hasSize(25 + 5 + 1);
        String second = api(teacher, "GET", submissions + "?page=2", null).body();
        assertThat(second).contains("\"page\":2", "\"pages\":2", "\"next\":null");
        assertThat(second.split("\"attempt\":", -1))
                .as("the last five students'")
                .hasSize(5 + 1);
        long last = count(
                "SELECT user_id FROM submissions WHERE assignment_id = ? ORDER BY user_id DESC LIMIT 1", assignment);
        assertThat(second).contains("\"userId\":" + last);
        assertThat(api(teacher, "GET", submissions + "?page=9", null).body())
                .as("past the last page: empty")
                .contains("\"page\":9", "\"submissions\":[]", "\"next\":null");

        HttpResponse<String> asStudent = api(sessions.signIn(work.students().get(0)), "GET", submissions, null);
        assertThat(asStudent.code()).as("a student sees only their own").isEqualTo(403);
        assertThat(asStudent.body()).contains("instructor_only");
        HttpResponse<String> notANumber = api(teacher, "GET", submissions + "?page=two", null);
        assertThat(notANumber.code()).isEqualTo(400);
        assertThat(notANumber.body()).contains("\"error\"");
    }

    @Test
    void downloadAllGivesAZipNamedByStudentWithTextsAndFiles() throws IOException {
        CourseFixtures.Made course = courses.free(uni, 5);
        User student = fixtures.verifiedStudent(uni);
        execute("UPDATE users SET name = ? WHERE id = ?", "Zoë O'Brien", student.id());
        enrol(course, student);
        SignedIn session = sessions.signIn(student);
        long assignment =
                courses.assignment(uni, course, "Zip work", Instant.now().plusSeconds(86_400), null, 3);
        assertThat(submit(session, assignment, "{\"text\":\"First go\"}").code())
                .isEqualTo(201);
        HttpResponse<String> withFile = Http.exchange(
                client,
                authorised(
                        HttpRequest.POST(
                                        "/api/v1/assignments/" + assignment + "/submissions",
                                        MultipartBody.builder()
                                                .addPart("text", "See the file")
                                                .addPart(
                                                        "file",
                                                        "../../etc/report.pdf",
                                                        MediaType.of("application/pdf"),
                                                        PDF)
                                                .build())
                                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                        session));
        assertThat(withFile.code())
                .as("a path in the name is refused like a resource upload")
                .isEqualTo(422);
        assertThat(withFile.body()).contains("file_refused");
        HttpResponse<String> pdf = Http.exchange(
                client,
                authorised(
                        HttpRequest.POST(
                                        "/api/v1/assignments/" + assignment + "/submissions",
                                        MultipartBody.builder()
                                                .addPart("text", "See the file")
                                                .addPart("file", "report.pdf", MediaType.of("application/pdf"), PDF)
                                                .build())
                                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                        session));
        assertThat(pdf.code()).as(pdf.body()).isEqualTo(201);
        assertThat(pdf.body()).contains("\"attempt\":2");
        HttpResponse<String> program = Http.exchange(
                client,
                authorised(
                        HttpRequest.POST(
                                        "/api/v1/assignments/" + assignment + "/submissions",
                                        MultipartBody.builder()
                                                .addPart(
                                                        "file",
                                                        "essay.pdf",
                                                        MediaType.of("application/pdf"),
                                                        "MZ\u0090\u0000rest".getBytes(StandardCharsets.ISO_8859_1))
                                                .build())
                                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                        session));
        assertThat(program.code()).isEqualTo(422);

        SignedIn teacher = sessions.signIn(course.instructor());
        assertThat(bytes(session, "/assignments/" + assignment + "/submissions.zip")
                        .code())
                .as("students download no one's zip")
                .isEqualTo(403);
        HttpResponse<byte[]> zip = bytes(teacher, "/assignments/" + assignment + "/submissions.zip");
        assertThat(zip.code()).isEqualTo(200);
        assertThat(zip.header("Content-Disposition")).contains("zip-work-submissions.zip");
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        String folder = "zoe-o-brien-" + student.id() + "/";
        assertThat(entries)
                .containsOnlyKeys(folder + "attempt-1.txt", folder + "attempt-2.txt", folder + "attempt-2.pdf");
        assertThat(entries.get(folder + "attempt-1.txt")).isEqualTo("First go");
        assertThat(entries.get(folder + "attempt-2.pdf")).startsWith("%PDF-1.4");
    }

    @Test
    void personalDataExportsWorkWithFilesAndErasureDeletesIt() {
        CourseFixtures.Made course = courses.free(uni, 5);
        User student = enrolledStudent(course);
        long assignment =
                courses.assignment(uni, course, "Private work", Instant.now().plusSeconds(86_400), null, 2);
        fixtures.in(
                uni,
                () -> assignments.submit(
                        com.careerai.auth.SignedInUser.of(student),
                        assignment,
                        "My private answer",
                        new Assignments.Upload("notes.pdf", PDF)));
        com.careerai.platform.privacy.PersonalData.Part part =
                fixtures.in(uni, () -> personalData.export(uni.id(), student.id()));
        assertThat(part.files()).hasSize(1);
        assertThat(part.files().get(0).fileName()).endsWith("notes.pdf");
        assertThat(part.records().toString()).contains("My private answer");
        fixtures.run(uni, () -> personalData.erase(uni.id(), student.id()));
        fixtures.run(uni, () -> personalData.erase(uni.id(), student.id()));
        assertThat(count("SELECT count(*) FROM submissions WHERE user_id = ?", student.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM enrolments WHERE user_id = ?", student.id()))
                .as("the enrolment row stays for accounting")
                .isEqualTo(1);
    }

    @Test
    void anotherUniversitysAssignmentsAndSubmissionsAreNotFound() {
        CourseFixtures.Made course = courses.free(uni, 5);
        User student = enrolledStudent(course);
        long assignment =
                courses.assignment(uni, course, "Their work", Instant.now().plusSeconds(86_400), null, 2);
        HttpResponse<String> submitted = submit(sessions.signIn(student), assignment, "{\"text\":\"Answer\"}");
        long submission = Long.parseLong(submitted.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        SignedIn outsider = sessions.signIn(fixtures.staff(other));
        assertThat(Http.exchange(
                                client,
                                authorised(
                                        HttpRequest.GET("/api/v1/batches/" + course.batchId() + "/assignments"),
                                        outsider,
                                        other))
                        .code())
                .isEqualTo(404);
        assertThat(Http.exchange(
                                client,
                                authorised(
                                        HttpRequest.GET("/api/v1/assignments/" + assignment + "/submissions"),
                                        outsider,
                                        other))
                        .code())
                .isEqualTo(404);
        assertThat(Http.exchange(
                                client,
                                authorised(
                                        HttpRequest.POST(
                                                        "/api/v1/submissions/" + submission + "/grade", "{\"score\":1}")
                                                .contentType(MediaType.APPLICATION_JSON_TYPE),
                                        outsider,
                                        other))
                        .code())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM submissions WHERE id = ? AND graded_at IS NULL", submission))
                .isEqualTo(1);
    }

    /**
     * A new assignment of {@code course} with the work of thirty newly enrolled students: one attempt each, the
     * first five (by id) two.
     */
    private BigBatch thirtyStudentsWork(CourseFixtures.Made course) {
        java.util.List<User> students = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            students.add(enrolledStudent(course));
        }
        long assignment =
                courses.assignment(uni, course, "Big batch work", Instant.now().plusSeconds(86_400), null, 2);
        execute(
                "INSERT INTO submissions (university_id, assignment_id, user_id, attempt, body, late)"
                        + " SELECT e.university_id, ?, e.user_id, a, 'Attempt ' || a, false"
                        + " FROM enrolments e CROSS JOIN generate_series(1, 2) a WHERE e.batch_id = ?"
                        + " AND (a = 1 OR e.user_id IN (SELECT user_id FROM enrolments WHERE batch_id = ?"
                        + " ORDER BY user_id LIMIT 5))",
                assignment,
                course.batchId(),
                course.batchId());
        return new BigBatch(assignment, students);
    }

    private record BigBatch(long assignment, java.util.List<User> students) {}

    private User enrolledStudent(CourseFixtures.Made course) {
        User student = fixtures.verifiedStudent(uni);
        enrol(course, student);
        return student;
    }

    private void enrol(CourseFixtures.Made course, User student) {
        assertThat(api(sessions.signIn(student), "POST", "/api/v1/batches/" + course.batchId() + "/enrolments", "{}")
                        .code())
                .isEqualTo(201);
    }

    private HttpResponse<String> submit(SignedIn as, long assignment, String json) {
        return api(as, "POST", "/api/v1/assignments/" + assignment + "/submissions", json);
    }

    private HttpResponse<String> grade(SignedIn as, long submission, int score) {
        return api(
                as,
                "POST",
                "/api/v1/submissions/" + submission + "/grade",
                "{\"score\":" + score + ",\"feedback\":\"Well argued\"}");
    }

    private HttpResponse<String> api(SignedIn as, String method, String path, String body) {
        MutableHttpRequest<?> request = "POST".equals(method)
                ? HttpRequest.POST(path, body).contentType("application/json")
                : HttpRequest.GET(path);
        return Http.exchange(client, authorised(request, as));
    }

    private <T> MutableHttpRequest<T> authorised(MutableHttpRequest<T> request, SignedIn as) {
        return authorised(request, as, uni);
    }

    private <T> MutableHttpRequest<T> authorised(MutableHttpRequest<T> request, SignedIn as, University university) {
        return request.header("Host", hostOf(university.subdomain()))
                .accept("application/json")
                .header("Authorization", as.bearer());
    }

    private HttpResponse<String> page(SignedIn as, String path) {
        return Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept("text/html")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Cookie", as.cookie()));
    }

    private HttpResponse<String> post(SignedIn as, String path, String form) {
        return Http.exchange(
                client,
                HttpRequest.POST(path, form + "&csrf=" + as.csrf())
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", as.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }

    private HttpResponse<byte[]> bytes(SignedIn as, String path) {
        try {
            return client.toBlocking()
                    .exchange(
                            HttpRequest.GET(path)
                                    .header("Host", hostOf(uni.subdomain()))
                                    .header("Cookie", as.cookie()),
                            byte[].class);
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus());
        }
    }
}
