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
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Course pages, staff forms, the batch page's hidden join links and recordings, the JSON API, other universities. */
@MicronautTest(transactional = false)
class CoursePagesTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    CourseFixtures courses;

    @Inject
    TestSessions sessions;

    @Inject
    CoursesPanel panel;

    @Inject
    CoursesDemo coursesDemo;

    @Inject
    com.careerai.platform.data.UnitOfWork units;

    @Inject
    @Client("/")
    HttpClient client;

    University uni;
    University other;
    SignedIn staff;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void universities() {
        uni = fixtures.university();
        other = fixtures.university();
        staff = sessions.signIn(fixtures.staff(uni));
    }

    @Test
    void staffCreateACourseAndABatchWithMessagesBesideTheFields() {
        HttpResponse<String> invalid = post(uni, "/staff/courses", staff, "title=&capacity=0&price=abc");
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("Give the course a title")
                .contains("Give a price such as 49")
                .contains("Give the places per batch")
                .contains("value=\"abc\"");

        HttpResponse<String> created = post(
                uni, "/staff/courses", staff, "title=Consulting+case+bootcamp&description=Cases&capacity=12&credits=2");
        assertThat(created.code()).isEqualTo(303);
        String path = created.header("Location").replaceAll("\\?.*", "");
        assertThat(page(uni, path, staff).body())
                .contains("Consulting case bootcamp")
                .contains("Add a batch");

        HttpResponse<String> badBatch =
                post(uni, path + "/batches", staff, "name=Spring&startsOn=2030-01-10&endsOn=2030-01-01");
        assertThat(badBatch.code()).isEqualTo(422);
        assertThat(badBatch.body()).contains("on or after the first").contains("Tick at least one day");

        User instructor = fixtures.staff(uni);
        HttpResponse<String> batch = post(
                uni,
                path + "/batches",
                staff,
                "name=Spring&startsOn=2030-01-07&endsOn=2030-01-20&days=1&days=3&startTime=18:00&minutes=90"
                        + "&timeZone=Europe/London&instructor="
                        + instructor.email().replace("+", "%2B")
                        + "&meetingUrl=https://meet.example/abc");
        assertThat(batch.code()).as(batch.body()).isEqualTo(303);
        String batchPath = batch.header("Location").replaceAll("\\?.*", "");
        HttpResponse<String> batchPage = page(uni, batchPath, staff);
        assertThat(batchPage.body()).contains("Mon 7 Jan 2030, 18:00").contains("Wed 16 Jan 2030, 18:00");
        assertThat(batchPage.body().split("data-session=").length - 1)
                .as("four sessions in two weeks")
                .isEqualTo(4);
    }

    @Test
    void publicCoursesShowSignedOutAndStudentsOnlyOnesNeedASignIn() {
        CourseFixtures.Made open = courses.free(uni, 5);
        CourseFixtures.Made closed =
                courses.make(uni, "Insiders only", 5, null, null, null, Course.Visibility.STUDENTS);
        HttpResponse<String> publicPage = page(uni, "/courses/" + open.courseId(), null);
        assertThat(publicPage.code()).isEqualTo(200);
        assertThat(publicPage.body())
                .contains("Free course")
                .contains("Sign in</a> to enrol")
                // a visitor asks about the course on its page: the inquiry form, this course chosen
                .contains("action=\"/contact\"")
                .contains("<option value=\"" + open.courseId() + "\" selected>");
        assertThat(page(uni, "/courses/" + closed.courseId(), null).code()).isEqualTo(404);
        assertThat(page(uni, "/courses", null).body()).contains("Free course").doesNotContain("Insiders only");
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(uni));
        assertThat(page(uni, "/courses/" + closed.courseId(), student).code()).isEqualTo(200);
        assertThat(page(uni, "/courses", student).body()).contains("Insiders only");
    }

    @Test
    void joinLinksAndRecordingsOnlyForEnrolledStudentsAndOnlyWhileJoinable() {
        CourseFixtures.Made course = courses.free(uni, 5);
        User enrolled = fixtures.verifiedStudent(uni);
        SignedIn enrolledSession = sessions.signIn(enrolled);
        SignedIn outsider = sessions.signIn(fixtures.verifiedStudent(uni));
        assertThat(post(uni, "/batches/" + course.batchId() + "/enrol", enrolledSession, "")
                        .header("Location"))
                .isEqualTo("/courses/" + course.courseId() + "?enrolment=active");

        long first = count("SELECT min(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        long second = count("SELECT max(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        // the first session starts in 10 minutes exactly (joinable), the second in 11 (not yet)
        execute(
                "UPDATE batch_sessions SET starts_at = now() + interval '10 minutes' - interval '2 seconds',"
                        + " ends_at = now() + interval '70 minutes' WHERE id = ?",
                first);
        execute(
                "UPDATE batch_sessions SET starts_at = now() + interval '11 minutes',"
                        + " ends_at = now() + interval '71 minutes', recording_url = 'https://video.example/rec-1' WHERE id = ?",
                second);

        String batchPage =
                page(uni, "/batches/" + course.batchId(), enrolledSession).body();
        assertThat(batchPage)
                .contains("href=\"/sessions/" + first + "/join\"")
                .doesNotContain("href=\"/sessions/" + second + "/join\"")
                .doesNotContain("meet.example")
                .contains("https://video.example/rec-1");
        assertThat(page(uni, "/sessions/" + first + "/join", enrolledSession).header("Location"))
                .startsWith("https://meet.example/");
        assertThat(page(uni, "/sessions/" + second + "/join", enrolledSession).code())
                .isEqualTo(403);

        HttpResponse<String> notEnrolled = page(uni, "/batches/" + course.batchId(), outsider);
        assertThat(notEnrolled.code()).isEqualTo(403);
        assertThat(notEnrolled.body()).doesNotContain("video.example").doesNotContain("/join");
        assertThat(page(uni, "/sessions/" + first + "/join", outsider).code()).isEqualTo(403);
        assertThat(page(uni, "/courses/" + course.courseId(), outsider).body())
                .doesNotContain("video.example")
                .doesNotContain("meet.example");
        assertThat(api(uni, "GET", "/api/v1/batches/" + course.batchId() + "/sessions", outsider, null)
                        .code())
                .isEqualTo(403);
        String sessionsJson = api(
                        uni, "GET", "/api/v1/batches/" + course.batchId() + "/sessions", enrolledSession, null)
                .body();
        assertThat(sessionsJson).contains("\"joinable\":true").contains("meet.example");
    }

    @Test
    void theInstructorAddsRecordingsAndStudentsCannot() {
        CourseFixtures.Made course = courses.free(uni, 5);
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(uni));
        post(uni, "/batches/" + course.batchId() + "/enrol", student, "");
        long session = count("SELECT min(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        execute(
                "UPDATE batch_sessions SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = ?",
                session);
        SignedIn instructor = sessions.signIn(course.instructor());
        assertThat(post(uni, "/sessions/" + session + "/recording", student, "url=https://video.example/x")
                        .code())
                .isEqualTo(403);
        HttpResponse<String> bad =
                post(uni, "/sessions/" + session + "/recording", instructor, "url=javascript:alert(1)");
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.body()).contains("Give a web address");
        assertThat(post(uni, "/sessions/" + session + "/recording", instructor, "url=https://video.example/x")
                        .code())
                .isEqualTo(303);
        assertThat(page(uni, "/batches/" + course.batchId(), student).body()).contains("https://video.example/x");
    }

    @Test
    void theApiEnrolsAndAnswersBatchFullWithTheWaitlist() {
        CourseFixtures.Made course = courses.free(uni, 1);
        SignedIn first = sessions.signIn(fixtures.verifiedStudent(uni));
        SignedIn second = sessions.signIn(fixtures.verifiedStudent(uni));
        HttpResponse<String> enrolled =
                api(uni, "POST", "/api/v1/batches/" + course.batchId() + "/enrolments", first, "{}");
        assertThat(enrolled.code()).isEqualTo(201);
        assertThat(enrolled.body()).contains("\"status\":\"ACTIVE\"");
        HttpResponse<String> full =
                api(uni, "POST", "/api/v1/batches/" + course.batchId() + "/enrolments", second, "{}");
        assertThat(full.code()).isEqualTo(409);
        assertThat(full.body()).contains("\"error\":\"batch_full\"").contains("\"waitlisted\":true");
        assertThat(api(uni, "GET", "/api/v1/enrolments", second, null).body()).contains("\"status\":\"WAITLISTED\"");
        String courseJson = api(uni, "GET", "/api/v1/courses/" + course.courseId(), null, null)
                .body();
        assertThat(courseJson).contains("\"seatsLeft\":0").contains("\"batches\":[");
        assertThat(api(uni, "GET", "/api/v1/courses", null, null).body()).contains("\"id\":" + course.courseId());
    }

    @Test
    void everythingOfAnotherUniversityIsNotFound() {
        CourseFixtures.Made course = courses.free(uni, 5);
        SignedIn otherStudent = sessions.signIn(fixtures.verifiedStudent(other));
        SignedIn otherStaff = sessions.signIn(fixtures.staff(other));
        long session = count("SELECT min(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        assertThat(page(other, "/courses/" + course.courseId(), otherStudent).code())
                .isEqualTo(404);
        assertThat(page(other, "/batches/" + course.batchId(), otherStudent).code())
                .isEqualTo(404);
        assertThat(page(other, "/sessions/" + session + "/join", otherStudent).code())
                .isEqualTo(404);
        assertThat(page(other, "/staff/courses/" + course.courseId(), otherStaff)
                        .code())
                .isEqualTo(404);
        assertThat(page(other, "/staff/batches/" + course.batchId(), otherStaff).code())
                .isEqualTo(404);
        assertThat(post(other, "/staff/sessions/" + session + "/cancel", otherStaff, "")
                        .code())
                .isEqualTo(404);
        assertThat(post(other, "/batches/" + course.batchId() + "/enrol", otherStudent, "")
                        .code())
                .isEqualTo(404);
        assertThat(api(other, "GET", "/api/v1/courses/" + course.courseId(), otherStudent, null)
                        .code())
                .isEqualTo(404);
        assertThat(api(other, "POST", "/api/v1/batches/" + course.batchId() + "/enrolments", otherStudent, "{}")
                        .code())
                .isEqualTo(404);
        assertThat(api(other, "GET", "/api/v1/batches/" + course.batchId() + "/sessions", otherStudent, null)
                        .code())
                .isEqualTo(404);
        assertThat(count(
                        "SELECT count(*) FROM batch_sessions WHERE batch_id = ? AND status = 'CANCELLED'",
                        course.batchId()))
                .isZero();
    }

    @Test
    void theDashboardPanelShowsTheNextClassWithItsJoinState() {
        CourseFixtures.Made course = courses.free(uni, 5);
        User student = fixtures.verifiedStudent(uni);
        java.time.ZoneId zone = java.time.ZoneId.of("UTC");
        assertThat(fixtures.in(uni, () -> panel.panel(uni.id(), student.id(), zone)))
                .isEmpty();
        post(uni, "/batches/" + course.batchId() + "/enrol", sessions.signIn(student), "");
        execute(
                "UPDATE batch_sessions SET starts_at = now() - interval '90 minutes', ends_at = now() - interval '30 minutes'"
                        + " WHERE batch_id = ?",
                course.batchId());
        long live = count("SELECT max(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        execute(
                "UPDATE batch_sessions SET starts_at = now() + interval '5 minutes', ends_at = now() + interval '65 minutes'"
                        + " WHERE id = ?",
                live);
        DashboardPanelView view =
                new DashboardPanelView(fixtures.in(uni, () -> panel.panel(uni.id(), student.id(), zone))
                        .orElseThrow());
        assertThat(panel.order()).isEqualTo(50);
        assertThat(view.value().title()).isEqualTo("Your courses");
        assertThat(view.item().href()).isEqualTo("/sessions/" + live + "/join");
        assertThat(view.item().badge()).isEqualTo("Live now");
        execute(
                "UPDATE batch_sessions SET starts_at = now() + interval '2 hours', ends_at = now() + interval '3 hours'"
                        + " WHERE id = ?",
                live);
        DashboardPanelView later =
                new DashboardPanelView(fixtures.in(uni, () -> panel.panel(uni.id(), student.id(), zone))
                        .orElseThrow());
        assertThat(later.item().href()).isEqualTo("/batches/" + course.batchId());
        assertThat(later.item().badge()).isNull();
    }

    /** The panel and its one row. */
    record DashboardPanelView(com.careerai.platform.web.DashboardPanel.Panel value, CoursesPanel panel) {
        DashboardPanelView(com.careerai.platform.web.DashboardPanel.Panel value) {
            this(value, null);
        }

        com.careerai.platform.web.DashboardPanel.Item item() {
            return value.items().get(0);
        }
    }

    @Test
    void theDemoHasAFreeCourseRunningThisWeekAndAPaidOneAndSeedsOnce() {
        University demo = fixtures.university();
        com.careerai.demo.DemoUniversity target = new com.careerai.demo.DemoUniversity(
                demo.id(), demo.name(), demo.subdomain(), demo.subdomain() + ".edu");
        fixtures.run(demo, () -> units.runInUniversity(demo.id(), () -> coursesDemo.seed(target)));
        fixtures.run(demo, () -> units.runInUniversity(demo.id(), () -> coursesDemo.seed(target)));
        assertThat(count("SELECT count(*) FROM courses WHERE university_id = ?", demo.id()))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM courses WHERE university_id = ? AND price_cents IS NULL AND price_credits IS NULL",
                        demo.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM batch_sessions WHERE university_id = ?"
                                + " AND starts_at >= date_trunc('week', now()) AND starts_at < date_trunc('week', now()) + interval '7 days'",
                        demo.id()))
                .as("sessions this week")
                .isEqualTo(5);
        assertThat(count(
                        "SELECT count(*) FROM batch_sessions WHERE university_id = ? AND recording_url IS NOT NULL",
                        demo.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM assignments WHERE university_id = ? AND due_at > now()", demo.id()))
                .as("one open assignment in the free batch")
                .isEqualTo(1);
    }

    @Test
    void joinOpensTenMinutesBeforeTheStartAndClosesAtTheEnd() {
        Instant start = Instant.parse("2030-01-07T10:00:00Z");
        BatchSession session = new BatchSession(1, 1, 1, start, start.plusSeconds(3600), false, null, null);
        assertThat(session.joinableAt(start.minusSeconds(601))).isFalse();
        assertThat(session.joinableAt(start.minusSeconds(600))).isTrue();
        assertThat(session.joinableAt(start.plusSeconds(3599))).isTrue();
        assertThat(session.joinableAt(start.plusSeconds(3600))).isFalse();
        BatchSession cancelled = new BatchSession(1, 1, 1, start, start.plusSeconds(3600), true, null, null);
        assertThat(cancelled.joinableAt(start)).isFalse();
    }

    private HttpResponse<String> page(University university, String path, SignedIn as) {
        MutableHttpRequest<?> request =
                HttpRequest.GET(path).accept("text/html").header("Host", hostOf(university.subdomain()));
        if (as != null) {
            request.header("Cookie", as.cookie());
        }
        return Http.exchange(client, request);
    }

    private HttpResponse<String> post(University university, String path, SignedIn as, String form) {
        return Http.exchange(
                client,
                HttpRequest.POST(path, form + "&csrf=" + as.csrf())
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", as.cookie())
                        .header("Host", hostOf(university.subdomain())));
    }

    private HttpResponse<String> api(University university, String method, String path, SignedIn as, String body) {
        MutableHttpRequest<?> request = "POST".equals(method)
                ? HttpRequest.POST(path, body).contentType("application/json")
                : HttpRequest.GET(path);
        request.header("Host", hostOf(university.subdomain())).accept("application/json");
        if (as != null) {
            request.header("Authorization", as.bearer());
        }
        return Http.exchange(client, request);
    }
}
