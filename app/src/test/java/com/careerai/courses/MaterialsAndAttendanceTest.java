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
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Session materials and assignment attachments (seen and downloaded only by the batch's ACTIVE
 * students, its instructor and staff; 404 for anyone else), and attendance per session with its
 * figures computed by hand.
 */
@MicronautTest(transactional = false)
class MaterialsAndAttendanceTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    CourseFixtures courses;

    @Inject
    TestSessions sessions;

    @Inject
    BatchFigures figures;

    @Inject
    Courses store;

    @Inject
    CoursesDemo coursesDemo;

    @Inject
    CoursesPersonalData personalData;

    @Inject
    com.careerai.platform.data.UnitOfWork units;

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
    void sessionMaterialsAreSeenOnlyByActiveStudentsTheInstructorAndStaff() {
        CourseFixtures.Made course = courses.free(uni, 5);
        User enrolled = enrolledStudent(course);
        SignedIn student = sessions.signIn(enrolled);
        SignedIn outsider = sessions.signIn(fixtures.verifiedStudent(uni));
        SignedIn elsewhere = sessions.signIn(fixtures.verifiedStudent(other));
        SignedIn instructor = sessions.signIn(course.instructor());
        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        long session = firstSessionInThePast(course);

        HttpResponse<String> file =
                material(instructor, "/sessions/" + session + "/materials", "Week 1 slides", "", true);
        assertThat(file.code()).as(file.body()).isEqualTo(303);
        assertThat(material(
                                instructor,
                                "/sessions/" + session + "/materials",
                                "Reading",
                                "https://docs.example/reading",
                                false)
                        .code())
                .isEqualTo(303);
        HttpResponse<String> badLink =
                material(instructor, "/sessions/" + session + "/materials", "", "javascript:alert(1)", false);
        assertThat(badLink.code()).isEqualTo(422);
        assertThat(badLink.body()).contains("Give a web address").contains("material-url-" + session + "-error");
        assertThat(material(instructor, "/sessions/" + session + "/materials", "Nothing", "", false)
                        .body())
                .contains("Give a link or choose a file");
        HttpResponse<String> refused = Http.exchange(
                client,
                multipart(
                        instructor,
                        "/sessions/" + session + "/materials",
                        MultipartBody.builder()
                                .addPart("title", "Notes")
                                .addPart(
                                        "file",
                                        "notes.txt",
                                        MediaType.TEXT_PLAIN_TYPE,
                                        "plain words".getBytes(StandardCharsets.UTF_8))
                                .build()));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("material-file-" + session + "-error");
        assertThat(material(student, "/sessions/" + session + "/materials", "Mine", "https://x.example/", false)
                        .code())
                .as("students do not add materials")
                .isEqualTo(403);

        long slides = count(
                "SELECT id FROM course_materials WHERE university_id = ? AND session_id = ? AND title = 'Week 1 slides'",
                uni.id(),
                session);
        assertThat(count("SELECT count(*) FROM course_materials WHERE session_id = ?", session))
                .isEqualTo(2);
        String page = page(uni, student, "/batches/" + course.batchId()).body();
        assertThat(page)
                .contains("Week 1 slides")
                .contains("/materials/" + slides + "/file")
                .contains("https://docs.example/reading")
                .doesNotContain("Add a material");

        assertThat(bytes(uni, student, "/materials/" + slides + "/file").body()).isEqualTo(CourseFixtures.PDF);
        assertThat(bytes(uni, instructor, "/materials/" + slides + "/file").code())
                .isEqualTo(200);
        assertThat(bytes(uni, staff, "/materials/" + slides + "/file").code()).isEqualTo(200);
        assertThat(bytes(uni, outsider, "/materials/" + slides + "/file").code())
                .as("a student of the university without a place")
                .isEqualTo(404);
        assertThat(bytes(other, elsewhere, "/materials/" + slides + "/file").code())
                .as("another university")
                .isEqualTo(404);

        HttpResponse<String> api = api(uni, student, "/api/v1/batches/" + course.batchId() + "/sessions");
        assertThat(api.code()).isEqualTo(200);
        assertThat(api.body())
                .contains("\"materials\":[{\"id\":" + slides + ",\"title\":\"Week 1 slides\"")
                .contains("\"url\":\"/materials/" + slides + "/file\"")
                .contains("\"url\":\"https://docs.example/reading\"");
        assertThat(api(uni, outsider, "/api/v1/batches/" + course.batchId() + "/sessions")
                        .body())
                .doesNotContain("Week 1 slides");
        assertThat(api(other, elsewhere, "/api/v1/batches/" + course.batchId() + "/sessions")
                        .code())
                .isEqualTo(404);

        assertThat(post(uni, student, "/materials/" + slides + "/remove", "").code())
                .isEqualTo(403);
        assertThat(post(uni, outsider, "/materials/" + slides + "/remove", "").code())
                .isEqualTo(404);
        assertThat(post(uni, instructor, "/materials/" + slides + "/remove", "").code())
                .isEqualTo(303);
        assertThat(bytes(uni, student, "/materials/" + slides + "/file").code()).isEqualTo(404);
    }

    @Test
    void assignmentAttachmentsShowOnItsPageAndInTheApi() {
        CourseFixtures.Made course = courses.free(uni, 5);
        SignedIn student = sessions.signIn(enrolledStudent(course));
        SignedIn instructor = sessions.signIn(course.instructor());
        long assignment =
                courses.assignment(uni, course, "Case write-up", Instant.now().plusSeconds(86_400), null, 2);

        assertThat(material(student, "/assignments/" + assignment + "/materials", "Mine", "https://x.example/", false)
                        .code())
                .isEqualTo(403);
        HttpResponse<String> bad =
                material(instructor, "/assignments/" + assignment + "/materials", "", "ftp://files.example/x", false);
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.body()).contains("attachment-url-error");
        assertThat(material(instructor, "/assignments/" + assignment + "/materials", "Data sheet", "", true)
                        .code())
                .isEqualTo(303);

        assertThat(page(uni, student, "/assignments/" + assignment).body())
                .contains("Data sheet")
                .doesNotContain("Attach a file or link");
        assertThat(page(uni, instructor, "/assignments/" + assignment + "?created=1")
                        .body())
                .contains("data-created")
                .contains("<details open>");
        assertThat(page(uni, student, "/assignments/" + assignment + "?created=1")
                        .body())
                .doesNotContain("data-created");
        HttpResponse<String> api = api(uni, student, "/api/v1/batches/" + course.batchId() + "/assignments");
        assertThat(api.body()).contains("\"attachments\":[{\"id\":").contains("\"title\":\"Data sheet\"");
        long attachment = count(
                "SELECT id FROM course_materials WHERE university_id = ? AND assignment_id = ?", uni.id(), assignment);
        assertThat(bytes(uni, student, "/materials/" + attachment + "/file").body())
                .isEqualTo(CourseFixtures.PDF);
    }

    @Test
    void attendanceIsTakenPerSessionAndCountedByHand() {
        CourseFixtures.Made course = courses.free(uni, 10);
        List<User> students = List.of(
                enrolledStudent(course), enrolledStudent(course), enrolledStudent(course), enrolledStudent(course));
        SignedIn instructor = sessions.signIn(course.instructor());
        List<Long> ids = fixtures.in(uni, () -> store.sessions(uni.id(), course.batchId())).stream()
                .map(BatchSession::id)
                .toList();
        long first = ids.get(0);
        long second = ids.get(1);
        long third = ids.get(2);
        long cancelled = ids.get(3);
        long future = ids.get(4);
        execute(
                "UPDATE batch_sessions SET starts_at = now() + interval '3 days', ends_at = now() + interval '3 days 1 hour'"
                        + " WHERE batch_id = ?",
                course.batchId());
        moveTo(first, "now() - interval '3 days'");
        moveTo(third, "now() - interval '1 day'");
        moveTo(cancelled, "now() - interval '2 days'");
        execute("UPDATE batch_sessions SET status = 'CANCELLED' WHERE id = ?", cancelled);
        moveTo(second, "now() - interval '5 minutes'");

        HttpResponse<String> early = post(uni, instructor, "/sessions/" + future + "/attendance", "");
        assertThat(early.code()).isEqualTo(422);
        assertThat(early.body()).contains("Attendance is taken once the session has started");
        assertThat(post(
                                uni,
                                sessions.signIn(students.get(0)),
                                "/sessions/" + first + "/attendance",
                                "present-" + students.get(0).id() + "=on")
                        .code())
                .isEqualTo(403);
        assertThat(post(
                                other,
                                sessions.signIn(fixtures.staff(other)),
                                "/sessions/" + first + "/attendance",
                                "present-" + students.get(0).id() + "=on")
                        .code())
                .isEqualTo(404);

        // first session: three of the four marked present, the fourth absent
        HttpResponse<String> marked = post(
                uni,
                instructor,
                "/sessions/" + first + "/attendance",
                "present-" + students.get(0).id() + "=on&present-"
                        + students.get(1).id() + "=on&present-"
                        + students.get(2).id() + "=on&present-999999=on");
        assertThat(marked.code()).as(marked.body()).isEqualTo(303);
        // second session (running now): one student joins, the instructor's own join counts nothing
        HttpResponse<String> joined = page(uni, sessions.signIn(students.get(0)), "/sessions/" + second + "/join");
        assertThat(joined.code()).isEqualTo(303);
        assertThat(page(uni, instructor, "/sessions/" + second + "/join").code())
                .isEqualTo(303);
        // a join does not undo the instructor's mark
        assertThat(count(
                        "SELECT count(*) FROM session_attendance WHERE session_id = ? AND present AND source = 'MARKED'",
                        first))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ?", second))
                .isEqualTo(1);

        Map<Long, String> rates = rates(course);
        assertThat(rates).as("started, not cancelled sessions only").containsOnlyKeys(first, second, third);
        assertThat(rates.get(first)).isEqualTo("3 of 4 present (75%)");
        assertThat(rates.get(second)).isEqualTo("1 of 4 present (25%)");
        assertThat(rates.get(third)).isEqualTo("Not taken");

        String batchPage = page(uni, instructor, "/batches/" + course.batchId()).body();
        assertThat(batchPage)
                .contains("data-attendance=\"" + first + "\" aria-live=\"polite\">3 of 4 present")
                // every started session's register from one read of the batch's attendance
                .contains("data-attendance=\"" + second + "\" aria-live=\"polite\">1 of 4 present")
                .contains("data-attendance=\"" + third + "\" aria-live=\"polite\">Not taken yet")
                .doesNotContain("data-attendance=\"" + future + "\"")
                .contains("data-present=\"" + students.get(0).id() + "\" checked");
        // one register on the page, the latest session started's; an earlier one opens from its link, and a
        // value that is no session's opens nothing more
        assertThat(batchPage)
                .contains("action=\"/sessions/" + second + "/attendance\"")
                .doesNotContain("action=\"/sessions/" + first + "/attendance\"")
                .doesNotContain("action=\"/sessions/" + third + "/attendance\"")
                .contains("data-open-register=\"" + first + "\"")
                .doesNotContain("data-open-register=\"" + second + "\"");
        String opened = page(uni, instructor, "/batches/" + course.batchId() + "?register=" + first)
                .body();
        assertThat(opened)
                .contains("action=\"/sessions/" + first + "/attendance\"")
                .contains("action=\"/sessions/" + second + "/attendance\"")
                .doesNotContain("data-open-register=\"" + first + "\"");
        assertThat(opened.split("\" checked", -1))
                .as("present ticked: three in the first session's register, one in the second's")
                .hasSize(5);
        HttpResponse<String> nonsense = page(uni, instructor, "/batches/" + course.batchId() + "?register=x1");
        assertThat(nonsense.code()).isEqualTo(200);
        assertThat(nonsense.body()).doesNotContain("action=\"/sessions/" + first + "/attendance\"");
        assertThat(page(uni, sessions.signIn(fixtures.staff(uni)), "/staff/batches/" + course.batchId())
                        .body())
                .contains("3 of 4 present (75%)")
                .contains("1 of 4 present (25%)");

        // the fourth student leaves: still counted where recorded (first), no longer expected elsewhere
        execute(
                "UPDATE enrolments SET status = 'CANCELLED' WHERE user_id = ?",
                students.get(3).id());
        Map<Long, String> after = rates(course);
        assertThat(after.get(first)).isEqualTo("3 of 4 present (75%)");
        assertThat(after.get(second)).isEqualTo("1 of 3 present (33%)");

        // a student's attendance is in their data export, and erasure deletes it
        User first0 = students.get(0);
        String exported = fixtures.in(uni, () -> personalData.export(uni.id(), first0.id()))
                .records()
                .toString();
        assertThat(exported).contains("AttendanceRecord[sessionId=" + first + ", present=true, source=MARKED");
        assertThat(exported).contains("AttendanceRecord[sessionId=" + second + ", present=true, source=JOINED");
        fixtures.run(uni, () -> personalData.erase(uni.id(), first0.id()));
        assertThat(count("SELECT count(*) FROM session_attendance WHERE user_id = ?", first0.id()))
                .isZero();
    }

    @Test
    void theDemoFirstClassHasARecordingOneMaterialAndAttendance() {
        University demo = fixtures.university();
        com.careerai.demo.DemoUniversity target = new com.careerai.demo.DemoUniversity(
                demo.id(), demo.name(), demo.subdomain(), demo.subdomain() + ".edu");
        fixtures.run(demo, () -> units.runInUniversity(demo.id(), () -> coursesDemo.seed(target)));
        fixtures.run(demo, () -> units.runInUniversity(demo.id(), () -> coursesDemo.seed(target)));
        long first = count(
                "SELECT min(s.id) FROM batch_sessions s JOIN batches b ON b.university_id = s.university_id"
                        + " AND b.id = s.batch_id JOIN courses c ON c.university_id = b.university_id AND c.id = b.course_id"
                        + " WHERE s.university_id = ? AND c.title = ?",
                demo.id(),
                CoursesDemo.FREE);
        assertThat(count("SELECT count(*) FROM batch_sessions WHERE id = ? AND recording_url IS NOT NULL", first))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM course_materials WHERE university_id = ?", demo.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM course_materials WHERE session_id = ?", first))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ?", first))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ? AND present", first))
                .isEqualTo(1);
    }

    private Map<Long, String> rates(CourseFixtures.Made course) {
        Batch batch =
                fixtures.in(uni, () -> store.batch(uni.id(), course.batchId()).orElseThrow());
        List<Map<String, Object>> lines = fixtures.in(uni, () -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> attendance =
                    (List<Map<String, Object>>) figures.of(uni.id(), batch).get("attendance");
            return attendance;
        });
        Map<Long, String> rates = new java.util.LinkedHashMap<>();
        lines.forEach(line -> rates.put((Long) line.get("sessionId"), (String) line.get("rate")));
        return rates;
    }

    private void moveTo(long session, String start) {
        execute(
                "UPDATE batch_sessions SET starts_at = " + start + ", ends_at = " + start + " + interval '1 hour'"
                        + " WHERE id = ?",
                session);
    }

    private long firstSessionInThePast(CourseFixtures.Made course) {
        long session = count("SELECT min(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        moveTo(session, "now() - interval '2 hours'");
        return session;
    }

    private User enrolledStudent(CourseFixtures.Made course) {
        User student = fixtures.verifiedStudent(uni);
        HttpResponse<String> enrolled = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/batches/" + course.batchId() + "/enrolments", "{}")
                        .contentType("application/json")
                        .accept("application/json")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Authorization", sessions.signIn(student).bearer()));
        assertThat(enrolled.code()).as(enrolled.body()).isEqualTo(201);
        return student;
    }

    private HttpResponse<String> material(SignedIn as, String path, String title, String url, boolean withFile) {
        MultipartBody.Builder body =
                MultipartBody.builder().addPart("title", title).addPart("url", url);
        if (withFile) {
            body.addPart("file", "slides.pdf", MediaType.of("application/pdf"), CourseFixtures.PDF);
        }
        return Http.exchange(client, multipart(as, path, body.build()));
    }

    private MutableHttpRequest<MultipartBody> multipart(SignedIn as, String path, MultipartBody body) {
        return HttpRequest.POST(path + "?csrf=" + as.csrf(), body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .accept("text/html")
                .header("Cookie", as.cookie())
                .header("Host", hostOf(uni.subdomain()));
    }

    private HttpResponse<String> page(University university, SignedIn as, String path) {
        return Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept("text/html")
                        .header("Host", hostOf(university.subdomain()))
                        .header("Cookie", as.cookie()));
    }

    private HttpResponse<String> api(University university, SignedIn as, String path) {
        return Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept("application/json")
                        .header("Host", hostOf(university.subdomain()))
                        .header("Authorization", as.bearer()));
    }

    private HttpResponse<String> post(University university, SignedIn as, String path, String form) {
        return Http.exchange(
                client,
                HttpRequest.POST(path, form + "&csrf=" + as.csrf())
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", as.cookie())
                        .header("Host", hostOf(university.subdomain())));
    }

    private HttpResponse<byte[]> bytes(University university, SignedIn as, String path) {
        try {
            return client.toBlocking()
                    .exchange(
                            HttpRequest.GET(path)
                                    .header("Host", hostOf(university.subdomain()))
                                    .header("Cookie", as.cookie()),
                            byte[].class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus());
        }
    }
}
