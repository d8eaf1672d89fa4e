package com.careerai.counselling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.demo.DemoUniversity;
import com.careerai.tenancy.University;
import com.careerai.testing.Chromium;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's "done when", in a real Chromium: a student of a demo-like university books a
 * counsellor through the multi-step flow, gets the confirmation with its calendar invitation,
 * moves the session, the counsellor closes it from the panel and the student rates it. Every
 * step is photographed at desktop width and at 375 px, where no page may scroll sideways, and
 * no page may log a console error.
 */
@MicronautTest(transactional = false)
class CounsellingJourneyBrowserTest extends IntegrationTest {
    private static final int PHONE = 375;
    private final TestMailServer mail = TestMailServer.start();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    CounsellingDemo demo;

    @Inject
    CounsellingHistoryDemo history;

    @Inject
    TestClock clock;

    University university;
    Chromium chromium;
    final List<String> consoleErrors = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("careerai.roles", "web,worker");
        // plain HTTP to *.careerai.test: a Secure (__Host-) cookie would be dropped by Chromium
        properties.put("careerai.session.secure-cookie", "false");
        return properties;
    }

    @BeforeAll
    void start() {
        university = fixtures.university("counseljourney");
        fixtures.run(university, () -> {
            demo.seed(university.id());
            history.seed(new DemoUniversity(university.id(), university.name(), university.subdomain(), "demo.edu"));
        });
        chromium = Chromium.launchOrSkip();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        consoleErrors.clear();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        mail.close();
    }

    private String site() {
        return "http://" + hostOf(university.subdomain()) + ":" + server.getPort();
    }

    private Page newPage() {
        Page page = chromium.newPage(1280, 900);
        page.onConsoleMessage(message -> {
            // not errors of a page: the browser's own favicon request, and a form re-rendered with 422 by design
            boolean favicon = message.location() != null && message.location().contains("favicon");
            boolean validation = message.text().contains("status of 422");
            if ("error".equals(message.type()) && !favicon && !validation) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    /** Screenshots at desktop width and at 375 px (checking nothing scrolls sideways), then back. */
    private static void shoot(Page page, String name) {
        Chromium.screenshot(page, name);
        page.setViewportSize(PHONE, 800);
        assertThat(Chromium.scrollWidth(page))
                .as("no sideways scrolling at 375 px on " + page.url())
                .isLessThanOrEqualTo(PHONE);
        Chromium.screenshot(page, name + "-phone");
        page.setViewportSize(1280, 900);
    }

    private void signIn(Page page, String email) {
        page.navigate(site() + "/signin");
        page.locator("#email").fill(email);
        page.getByText("Email me a code").click();
        assertThat(page.locator("h1")).hasText("Check your email");
        page.locator("#code").fill(mail.awaitCode(email));
        button(page, "Sign in").click();
        page.waitForURL(site() + "/");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static VEvent invitation(MimeMessage message, String method) throws Exception {
        String ics = TestMailServer.calendar(message);
        assertThat(ics).as("the email carries an .ics part").isNotEmpty();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue))
                .contains(method);
        return calendar.<VEvent>getComponents().get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    /** An ISO time with offset as iCalendar writes it in UTC: 20261205T093000Z. */
    static String utc(String isoWithOffset) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(OffsetDateTime.parse(isoWithOffset).toInstant());
    }

    @Test
    void aStudentBooksMovesIsSeenAndRatesTheirCounsellor() throws Exception {
        String studentEmail = "ada.lovelace@" + university.allowedDomains().get(0);
        Page student = newPage();
        signIn(student, studentEmail);

        // expertise → counsellor
        student.navigate(site() + "/counselling");
        assertThat(student.locator(".counsellor-card")).hasCount(2);
        // the demo's past sessions, rated: (5+5+4+5+4+5)/6
        assertThat(student.locator(".counsellor-card", new Page.LocatorOptions().setHasText("Casey Coach")))
                .containsText("★ 4.7 (6 ratings)");
        shoot(student, "counselling-01-counsellors");
        student.navigate(site() + "/counselling?expertise=interviews");
        assertThat(student.locator(".counsellor-card")).hasCount(1);
        student.getByText("Book Casey Coach").click();
        // the page reloads itself once with the browser's own time zone
        student.waitForURL(url -> url.contains("tz="));
        shoot(student, "counselling-02-session-types");

        // session type → slot → note → confirm and pay
        student.locator("a", new Page.LocatorOptions().setHasText("Career guidance"))
                .first()
                .click();
        student.waitForURL(url -> url.contains("type=career-guidance"));
        Instant now = Instant.now();
        String chosen = null;
        for (Locator radio : student.locator("input[name=start]").all()) {
            String value = radio.getAttribute("value");
            if (OffsetDateTime.parse(value).toInstant().isAfter(now.plus(Duration.ofHours(50)))) {
                chosen = value;
                radio.check();
                break;
            }
        }
        assertThat(chosen).as("an open slot two days ahead").isNotNull();
        student.locator("#note").fill("I have an interview at a consultancy next week.");
        shoot(student, "counselling-03-slot-note-confirm");
        button(student, "Confirm and book").click();
        student.waitForURL(url -> url.contains("/appointments/"));
        assertThat(student.locator(".flash.success")).containsText("Booked");
        assertThat(student.locator("body")).containsText("1 gold");
        String appointmentUrl = student.url().substring(0, student.url().indexOf('?'));
        shoot(student, "counselling-04-appointment");

        MimeMessage confirmation = mail.awaitSubject(studentEmail, "Booked: ");
        VEvent booked = invitation(confirmation, "REQUEST");
        String uid = value(booked, Property.UID);
        assertThat(uid).contains(appointmentUrl.substring(appointmentUrl.lastIndexOf('/') + 1));
        assertThat(value(booked, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(booked, Property.DTSTART)).isEqualTo(utc(chosen));
        assertThat(value(booked, Property.LOCATION)).startsWith("https://");
        assertThat(TestMailServer.text(confirmation)).contains("Casey Coach").contains("/appointments/");

        // move it to a later slot, still well outside the 24-hour window
        String moveTo = null;
        for (Locator option : student.locator("#move-start option").all()) {
            String value = option.getAttribute("value");
            Instant start = OffsetDateTime.parse(value).toInstant();
            if (start.isAfter(OffsetDateTime.parse(chosen).toInstant())) {
                moveTo = value;
                break;
            }
        }
        assertThat(moveTo).as("a later slot to move to").isNotNull();
        student.locator("#move-start").selectOption(moveTo);
        button(student, "Move the appointment").click();
        student.waitForURL(url -> url.contains("notice=moved"));
        assertThat(student.locator("body")).containsText("Moved from");
        shoot(student, "counselling-05-moved");
        VEvent moved = invitation(mail.awaitSubject(studentEmail, "Moved: "), "REQUEST");
        assertThat(value(moved, Property.UID)).isEqualTo(uid);
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(moved, Property.DTSTART)).isEqualTo(utc(moveTo));

        student.navigate(site() + "/appointments");
        shoot(student, "counselling-06-my-appointments");

        // the session has happened: the counsellor closes it from the panel
        clock.shift(Duration.between(Instant.now(), OffsetDateTime.parse(moveTo).toInstant())
                .plus(Duration.ofHours(2)));
        Page counsellor = newPage();
        signIn(counsellor, "coach@demo.edu");
        counsellor.navigate(site() + "/counsellor");
        assertThat(counsellor.locator(".to-close li")).hasCount(1);
        shoot(counsellor, "counselling-07-counsellor-panel");
        button(counsellor, "Mark completed").click();
        counsellor.waitForURL(url -> url.contains("closed=COMPLETED"));
        assertThat(counsellor.locator(".flash.success")).containsText("Marked completed");
        assertThat(counsellor.locator(".to-close li")).hasCount(0);
        shoot(counsellor, "counselling-08-counsellor-closed");
        counsellor.navigate(site() + "/counsellor/availability");
        shoot(counsellor, "counselling-09-counsellor-availability");
        counsellor.navigate(site() + "/counsellor/profile");
        counsellor.locator("#photo").setInputFiles(portrait());
        button(counsellor, "Upload photo").click();
        counsellor.waitForURL(url -> url.contains("saved=photo"));
        assertThat(counsellor.locator("img.counsellor-photo")).isVisible();
        shoot(counsellor, "counselling-10-counsellor-profile");

        // and the student rates it
        student.navigate(appointmentUrl);
        assertThat(student.locator("[data-status]").first()).hasAttribute("data-status", "COMPLETED");
        student.locator("input[name=rating][value='4']").check();
        student.locator("#comment").fill("Clear, practical advice for my interview.");
        shoot(student, "counselling-11-rate");
        button(student, "Send feedback").click();
        student.waitForURL(url -> url.contains("notice=rated"));
        shoot(student, "counselling-12-rated");

        counsellor.navigate(site() + "/counsellor");
        assertThat(counsellor.locator("body")).containsText("Clear, practical advice");
        shoot(counsellor, "counselling-13-counsellor-ratings");

        // the student now sees the counsellor's photo in the list
        student.navigate(site() + "/counselling");
        assertThat(student.locator(".counsellor-card img.counsellor-photo")).hasCount(1);
        shoot(student, "counselling-14-counsellors-with-photo");

        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    /** A small PNG portrait written to target/, for the browser's file chooser. */
    private static java.nio.file.Path portrait() throws Exception {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(0x2E, 0x5E, 0x8C));
        graphics.fillRect(0, 0, 320, 240);
        graphics.setColor(new java.awt.Color(0xF2, 0xC1, 0x9E));
        graphics.fillOval(110, 50, 100, 120);
        graphics.dispose();
        java.nio.file.Path file = java.nio.file.Path.of("target", "counsellor-portrait.png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void everyOtherCounsellingPageFitsAPhoneWithoutConsoleErrors() {
        Page visitor = newPage();
        visitor.navigate(site() + "/counsellors/apply");
        assertThat(visitor.locator("h1")).hasText("Become a counsellor");
        shoot(visitor, "counselling-20-apply");
        button(visitor, "Email me a code").click();
        assertThat(visitor.locator(".field-error").first()).isVisible();
        shoot(visitor, "counselling-21-apply-errors");

        String staffEmail = fixtures.staff(university).email();
        Page staff = newPage();
        signIn(staff, staffEmail);
        for (String path : new String[] {"/staff/counsellors", "/staff/appointments", "/staff/counselling"}) {
            staff.navigate(site() + path);
            assertThat(staff.locator("h1")).isVisible();
            shoot(staff, "counselling-22-staff" + path.replace('/', '-'));
        }
        assertThat(consoleErrors).as("console errors").isEmpty();
    }
}
