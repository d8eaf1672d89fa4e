package com.careerai.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's journey in Chromium: a student enrols in a free course, opens the batch page and its
 * live session's Join link, the instructor adds a recording and the student sees it; the student
 * submits the assignment, the instructor grades it and the student sees the grade. Screenshots at desktop and phone width in {@code target/screenshots/courses-*.png}.
 */
@MicronautTest(transactional = false)
class CoursesJourneyBrowserTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    CourseFixtures courses;

    Chromium chromium;
    final List<String> consoleErrors = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.session.secure-cookie", "false");
    }

    @BeforeAll
    void launch() {
        chromium = Chromium.launchOrSkip();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page as(User user, String host, int width) {
        Page page = chromium.newPage(width, 900);
        if (user != null) {
            page.context()
                    .addCookies(List.of(
                            new Cookie("careerai_session", sessions.signIn(user).token())
                                    .setDomain(host)
                                    .setPath("/")));
        }
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                consoleErrors.add(response.url() + " answered " + response.status());
            }
        });
        return page;
    }

    @Test
    void aStudentEnrolsJoinsSubmitsTheAssignmentAndSeesTheGrade() {
        University uni = fixtures.university();
        CourseFixtures.Made course =
                courses.make(uni, "Python for Analysts", 12, null, null, null, Course.Visibility.PUBLIC);
        User student = fixtures.verifiedStudent(uni);
        String host = hostOf(uni.subdomain());
        String site = "http://" + host + ":" + server.getPort();
        long live = count("SELECT min(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        execute(
                "UPDATE batch_sessions SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '55 minutes'"
                        + " WHERE id = ?",
                live);
        long past = count("SELECT max(id) FROM batch_sessions WHERE batch_id = ?", course.batchId());
        execute(
                "UPDATE batch_sessions SET starts_at = now() - interval '1 day 1 hour', ends_at = now() - interval '1 day'"
                        + " WHERE id = ?",
                past);

        // signed out: the public course page
        Page visitor = as(null, host, 1280);
        visitor.navigate(site + "/courses/" + course.courseId());
        assertThat(visitor.content()).contains("Ask us about studying with us").contains("Sign in</a> to enrol");
        Chromium.screenshot(visitor, "courses-01-public-course");

        // the student enrols and opens the batch page
        Page page = as(student, host, 1280);
        page.navigate(site + "/courses");
        page.getByText("Python for Analysts").first().click();
        page.waitForURL(url -> url.endsWith("/courses/" + course.courseId()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol"))
                .click();
        page.waitForURL(url -> url.contains("enrolment=active"));
        assertThat(page.content()).contains("You are enrolled");
        Chromium.screenshot(page, "courses-02-enrolled");
        page.getByText("Open the batch page").click();
        page.waitForURL(url -> url.endsWith("/batches/" + course.batchId()));
        assertThat(page.locator("[data-join]").count())
                .as("one session is live")
                .isEqualTo(1);
        Chromium.screenshot(page, "courses-03-batch-page-live");

        // Join leads to the meeting room (the server redirects; the room is stood in for here)
        page.route(
                "https://meet.example/**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setContentType("text/html")
                        .setBody("<!doctype html><title>Meeting room</title><h1>Meeting room</h1>")));
        page.locator("[data-join]").click();
        page.waitForURL(url -> url.startsWith("https://meet.example/"));
        assertThat(page.title()).isEqualTo("Meeting room");
        page.navigate(site + "/batches/" + course.batchId());

        // the instructor adds the recording of yesterday's class
        Page instructor = as(course.instructor(), host, 1280);
        instructor.navigate(site + "/batches/" + course.batchId());
        instructor.locator("#recording-" + past).fill("https://video.example/python-day-1");
        instructor
                .locator("#session-" + past + " form[data-form=recording] button[type=submit]")
                .click();
        instructor.waitForURL(url -> url.contains("/batches/" + course.batchId()));
        Chromium.screenshot(instructor, "courses-04-instructor-recording");

        // ... a material for that class, and its register (the student was there)
        String pastSession = "#session-" + past;
        instructor
                .locator(pastSession + " details:has(form[data-form=material]) summary")
                .click();
        instructor.locator("#material-title-" + past).fill("Day 1 notebook");
        instructor.locator("#material-url-" + past).fill("https://notebooks.example/day-1");
        instructor
                .locator(pastSession + " form[data-form=material] button[type=submit]")
                .click();
        instructor.waitForURL(url -> url.contains("added=" + past));
        // today's class is the latest started: yesterday's register opens from its link
        instructor
                .locator(pastSession + " details:has([data-open-register]) summary")
                .click();
        instructor.locator("[data-open-register=\"" + past + "\"]").click();
        instructor.waitForURL(url -> url.contains("register=" + past));
        instructor
                .locator(pastSession + " [data-present=\"" + student.id() + "\"]")
                .check();
        instructor
                .locator(pastSession + " form[data-form=attendance] button[type=submit]")
                .click();
        instructor.waitForURL(url -> url.contains("attendance=" + past));
        assertThat(instructor.locator("[data-attendance=\"" + past + "\"]").textContent())
                .isEqualTo("1 of 1 present");
        Chromium.screenshot(instructor, "courses-04b-instructor-material-and-attendance");

        page.reload();
        assertThat(page.locator("[data-recording=\"" + past + "\"]").getAttribute("href"))
                .isEqualTo("https://video.example/python-day-1");
        assertThat(page.locator("#session-" + past + " [data-material]").textContent())
                .contains("Day 1 notebook");

        // the student submits the open assignment, the instructor grades it, the student sees the grade
        long assignment = courses.assignment(
                uni, course, "First analysis", java.time.Instant.now().plusSeconds(86_400), null, 2);
        page.navigate(site + "/batches/" + course.batchId());
        page.locator("[data-assignment=\"" + assignment + "\"] a").click();
        page.waitForURL(url -> url.endsWith("/assignments/" + assignment));
        page.getByLabel("Your answer").fill("Revenue rises every month; March is the peak.");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Submit").setExact(true))
                .click();
        page.waitForURL(url -> url.contains("submitted=1"));
        assertThat(page.locator("[data-attempt=\"1\"]").textContent()).contains("Not graded yet");
        Chromium.screenshot(page, "courses-08-submitted");
        instructor.navigate(site + "/assignments/" + assignment);
        instructor.getByLabel("Score (out of 10)").fill("8");
        instructor.getByLabel("Feedback").fill("Clear chart; say why March peaks.");
        instructor
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Grade").setExact(true))
                .click();
        instructor.waitForURL(url -> url.contains("graded="));
        Chromium.screenshot(instructor, "courses-09-instructor-graded");
        page.reload();
        assertThat(page.locator("[data-attempt=\"1\"]").textContent())
                .contains("Grade: 8 / 10")
                .contains("say why March peaks");
        Chromium.screenshot(page, "courses-10-student-sees-grade");

        // staff pages
        Page staff = as(course.staff(), host, 1280);
        staff.navigate(site + "/staff/batches/" + course.batchId());
        assertThat(staff.locator("[data-status=ACTIVE]").textContent()).isEqualTo("1");
        assertThat(staff.locator("[data-figure=rate]").textContent()).contains("1 of 1 active student submitted");
        assertThat(staff.locator("[data-attendance-figures=\"" + past + "\"]").textContent())
                .as("marked by the instructor")
                .contains("1 of 1 present (100%)");
        assertThat(staff.locator("[data-attendance-figures=\"" + live + "\"]").textContent())
                .as("the student's Join")
                .contains("1 of 1 present (100%)");
        Chromium.screenshot(staff, "courses-05-staff-batch");

        // the same pages at phone width
        Page phone = as(student, host, 375);
        for (String path : List.of(
                "/courses",
                "/courses/" + course.courseId(),
                "/batches/" + course.batchId(),
                "/assignments/" + assignment)) {
            phone.navigate(site + path);
            assertThat(Chromium.scrollWidth(phone)).as(path + " fits 375 px").isLessThanOrEqualTo(375);
            Chromium.screenshot(
                    phone, "courses-06-phone" + path.replaceAll("/\\d+", "").replace('/', '-'));
        }
        Page staffPhone = as(course.staff(), host, 375);
        for (String path : List.of(
                "/staff/courses", "/staff/courses/" + course.courseId(), "/staff/batches/" + course.batchId())) {
            staffPhone.navigate(site + path);
            assertThat(Chromium.scrollWidth(staffPhone))
                    .as(path + " fits 375 px")
                    .isLessThanOrEqualTo(375);
            Chromium.screenshot(
                    staffPhone,
                    "courses-07-phone" + path.replaceAll("/\\d+", "-detail").replace('/', '-'));
        }
        assertThat(consoleErrors).isEmpty();
    }
}
