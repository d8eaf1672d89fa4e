package com.careerai.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.NoticePublished;
import com.careerai.notifications.Notifications;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inbox end to end: notices published by features arrive once, emailed only when important
 * and wanted; the bell counts unread entries; pages and API mark read; nobody sees anyone else's.
 */
@MicronautTest(transactional = false)
class InboxTest extends IntegrationTest {
    private final TestMailServer mail = TestMailServer.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    InboxFixtures inbox;

    @Inject
    NoticeInboxListener listener;

    @Inject
    UnitOfWork units;

    @Inject
    Notifications notifications;

    @Inject
    InboxDemo demo;

    University uni;
    University other;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    @BeforeAll
    void universities() {
        uni = fixtures.university();
        other = fixtures.university();
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    private long entries(User user) {
        return count("SELECT count(*) FROM notifications WHERE university_id = ? AND user_id = ?", uni.id(), user.id());
    }

    private long notificationMails(User user) {
        return count(
                "SELECT count(*) FROM mail_deliveries WHERE university_id = ? AND recipient = ? AND template = 'NOTIFICATION'",
                user.universityId(),
                user.email());
    }

    private HttpResponse<String> api(University university, String method, String path, SignedIn session, String json) {
        return new InboxHttp(client, university).api(method, path, session, json);
    }

    private HttpResponse<String> page(String path, SignedIn session) {
        return new InboxHttp(client, uni).page(path, session);
    }

    private HttpResponse<String> form(String path, SignedIn session, Map<String, String> fields) {
        return new InboxHttp(client, uni).form(path, session, fields);
    }

    @Test
    void aRedeliveredNoticeMakesOneEntryAndOneEmail() {
        User student = fixtures.student(uni);
        UUID eventId = inbox.publish(uni, student, InboxFixtures.notice(NoticeKind.BOOKING, "Booked", true))
                .get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(student) == 1);
        // the outbox delivers at least once: the same event handed to the listener again adds nothing
        NoticePublished again =
                new NoticePublished(student.id(), InboxFixtures.notice(NoticeKind.BOOKING, "Booked", true));
        for (int i = 0; i < 2; i++) {
            units.runInUniversity(uni.id(), () -> listener.on(uni.id(), eventId, again));
        }
        assertThat(entries(student)).isEqualTo(1);
        assertThat(notificationMails(student)).isEqualTo(1);
    }

    @Test
    void aNoticeNotToBeEmailedIsInTheInboxWhenItsTransactionCommits() {
        User student = fixtures.student(uni);
        UUID eventId = inbox.publish(uni, student, InboxFixtures.notice(NoticeKind.RUN, "Run ready", true))
                .get(0);
        // no waiting: stored by the publishing transaction itself (ADR 0051)
        assertThat(entries(student)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_events WHERE id = ? AND delivered_at IS NOT NULL", eventId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_deliveries WHERE event_id = ?", eventId))
                .as("no delivery transaction after the commit")
                .isZero();
    }

    @Test
    void aNoticeWhoseEntryCannotBeStoredInItsTransactionDoesNotFailIt() {
        User student = fixtures.student(uni);
        long gone = Long.MAX_VALUE;
        List<UUID> events = units.inUniversity(
                uni.id(),
                () -> List.of(
                        notifications.publish(uni.id(), gone, InboxFixtures.notice(NoticeKind.RUN, "Nobody's", true)),
                        // after the refused entry the transaction goes on (rolled back to the outbox's savepoint)
                        notifications.publish(
                                uni.id(), student.id(), InboxFixtures.notice(NoticeKind.RUN, "Yours", true))));

        assertThat(entries(student)).isEqualTo(1);
        // the refused one is delivered after the commit, where the listener finds no user and stores nothing
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(
                                "SELECT count(*) FROM outbox_events WHERE id = ? AND delivered_at IS NOT NULL",
                                events.get(0))
                        == 1);
        assertThat(count(
                        "SELECT count(*) FROM notifications WHERE university_id = ? AND event_id = ?",
                        uni.id(),
                        events.get(0)))
                .isZero();
    }

    @Test
    void importantNoticesAreEmailedOnlyWhenTheUsersPreferenceForTheKindSaysSo() throws Exception {
        User student = fixtures.student(uni);
        SignedIn session = sessions.signIn(student);
        // RUN is in-app only by default; BOOKING goes by email by default; unimportant ones never do
        inbox.publish(
                uni,
                student,
                InboxFixtures.notice(NoticeKind.RUN, "Run ready", true),
                InboxFixtures.notice(NoticeKind.PAYMENT, "Paid", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(student) == 2);
        assertThat(notificationMails(student)).isZero();

        HttpResponse<String> changed = api(
                uni,
                "PUT",
                "/api/v1/me/notification-preferences",
                session,
                "{\"RUN\":\"IN_APP_AND_EMAIL\",\"BOOKING\":\"IN_APP\"}");
        assertThat(changed.code()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"RUN\":\"IN_APP_AND_EMAIL\"", "\"BOOKING\":\"IN_APP\"");

        inbox.publish(
                uni,
                student,
                InboxFixtures.notice(NoticeKind.BOOKING, "Booked <b>now</b>", true),
                new com.careerai.notifications.Notice(
                        NoticeKind.RUN,
                        "Your Job Pack is ready",
                        "See https://example.edu/help, then <script>x</script>",
                        "/runs",
                        true));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(student) == 4);
        MimeMessage email = mail.awaitNext(student.email());
        assertThat(email.getSubject()).isEqualTo("Your Job Pack is ready");
        String html = TestMailServer.html(email);
        assertThat(html)
                .contains("<a href=\"https://example.edu/help\"")
                .contains("&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(TestMailServer.text(email)).contains("See https://example.edu/help, then <script>x</script>");
        assertThat(notificationMails(student)).isEqualTo(1);
    }

    @Test
    void preferencesApiRefusesUnknownKindsAndValuesWithTheFieldsNamed() {
        SignedIn session = sessions.signIn(fixtures.student(uni));
        HttpResponse<String> defaults = api(uni, "GET", "/api/v1/me/notification-preferences", session, null);
        assertThat(defaults.code()).isEqualTo(200);
        assertThat(defaults.body())
                .contains("\"BOOKING\":\"IN_APP_AND_EMAIL\"", "\"PAYMENT\":\"IN_APP_AND_EMAIL\"")
                .contains("\"TICKET\":\"IN_APP_AND_EMAIL\"", "\"ANNOUNCEMENT\":\"IN_APP_AND_EMAIL\"")
                .contains("\"RUN\":\"IN_APP\"", "\"RESOURCE\":\"IN_APP\"", "\"COURSE\":\"IN_APP\"");

        HttpResponse<String> refused = api(
                uni,
                "PUT",
                "/api/v1/me/notification-preferences",
                session,
                "{\"PIGEONS\":\"IN_APP\",\"RUN\":\"SMOKE_SIGNALS\",\"BOOKING\":3}");
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("\"error\":\"invalid_input\"", "\"PIGEONS\"", "\"RUN\"", "\"BOOKING\"");
        assertThat(api(uni, "GET", "/api/v1/me/notification-preferences", session, null)
                        .body())
                .isEqualTo(defaults.body());
    }

    @Test
    void theBellCountsUnreadEntriesAndReadingThemClearsIt() {
        User student = fixtures.student(uni);
        SignedIn session = sessions.signIn(student);
        assertThat(page("/notifications", session).body())
                .contains("No notifications yet")
                .contains("aria-label=\"Notifications, none unread\"");

        // notices of one transaction arrive in any order; a later transaction's arrive later
        inbox.publish(
                uni,
                student,
                InboxFixtures.notice(NoticeKind.RUN, "First", false),
                InboxFixtures.notice(NoticeKind.RUN, "Second", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(student) == 2);
        inbox.publish(uni, student, InboxFixtures.notice(NoticeKind.BOOKING, "Third <i>x</i>", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(student) == 3);

        String inboxPage = page("/notifications", session).body();
        assertThat(inboxPage)
                .contains("aria-label=\"Notifications, 3 unread\"")
                .contains("<span class=\"bell-count\" aria-live=\"polite\">3</span>")
                .contains("Third &lt;i&gt;x&lt;/i&gt;");
        assertThat(inboxPage.indexOf("Third")).isLessThan(inboxPage.indexOf("Second"));

        long first = count(
                "SELECT id FROM notifications WHERE university_id = ? AND user_id = ? AND title = 'First'",
                uni.id(),
                student.id());
        HttpResponse<String> read = form("/notifications/" + first + "/read", session, Map.of("page", "1"));
        assertThat(read.code()).isEqualTo(303);
        String home = page("/", session).body();
        assertThat(home).contains("Notifications, 2 unread");
        // the home's panel: the unread ones, newest first, with the same count as the bell
        String panel = home.substring(home.indexOf("data-panel=\"notifications\""));
        panel = panel.substring(0, panel.indexOf("</section>"));
        assertThat(panel).contains("Notifications · 2 unread").doesNotContain("First");
        assertThat(panel.indexOf("Third")).isGreaterThan(0).isLessThan(panel.indexOf("Second"));

        assertThat(form("/notifications/read-all", session, Map.of()).code()).isEqualTo(303);
        assertThat(page("/", session).body())
                .contains("Notifications, none unread")
                .contains("Nothing new. We will tell you here");
        assertThat(page("/notifications", session).body())
                .contains("Notifications, none unread")
                .contains("All caught up");
    }

    @Test
    void theApiListsNewestFirstInPagesAndMarksOneOrAllRead() {
        User student = fixtures.student(uni);
        SignedIn session = sessions.signIn(student);
        com.careerai.notifications.Notice[] notices = new com.careerai.notifications.Notice[24];
        for (int i = 0; i < notices.length; i++) {
            notices[i] = InboxFixtures.notice(NoticeKind.RUN, "Notice " + i, false);
        }
        inbox.publish(uni, student, notices);
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(student) == 24);
        inbox.publish(uni, student, InboxFixtures.notice(NoticeKind.RUN, "Notice 24", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(student) == 25);

        HttpResponse<String> first = api(uni, "GET", "/api/v1/notifications?unread=true", session, null);
        assertThat(first.code()).isEqualTo(200);
        assertThat(first.body()).contains("\"hasMore\":true", "\"unread\":25", "\"pageSize\":20");
        // the newest first
        assertThat(first.body().indexOf("\"title\":\"Notice "))
                .isEqualTo(first.body().indexOf("\"title\":\"Notice 24\""));
        assertThat(first.body().split("\"kind\":", -1)).hasSize(21);
        HttpResponse<String> second = api(uni, "GET", "/api/v1/notifications?page=2", session, null);
        assertThat(second.body()).contains("\"hasMore\":false", "\"page\":2");
        assertThat(second.body().split("\"kind\":", -1)).hasSize(6);

        long newest = count(
                "SELECT max(id) FROM notifications WHERE university_id = ? AND user_id = ?", uni.id(), student.id());
        HttpResponse<String> read = api(uni, "POST", "/api/v1/notifications/" + newest + "/read", session, null);
        assertThat(read.code()).isEqualTo(200);
        assertThat(read.body()).contains("\"read\":true", "Notice 24");
        assertThat(api(uni, "GET", "/api/v1/notifications?unread=true", session, null)
                        .body())
                .contains("\"unread\":24")
                .doesNotContain("Notice 24");

        HttpResponse<String> all = api(uni, "POST", "/api/v1/notifications/read-all", session, null);
        assertThat(all.body()).contains("\"marked\":24", "\"unread\":0");
        assertThat(api(uni, "GET", "/api/v1/notifications?unread=true", session, null)
                        .body())
                .contains("\"notifications\":[]");
    }

    @Test
    void anotherUsersOrUniversitysNotificationIsNotFound() {
        User owner = fixtures.student(uni);
        inbox.publish(uni, owner, InboxFixtures.notice(NoticeKind.RUN, "Mine", false));
        await().atMost(Duration.ofSeconds(10)).until(() -> entries(owner) == 1);
        long id = count("SELECT id FROM notifications WHERE university_id = ? AND user_id = ?", uni.id(), owner.id());

        SignedIn neighbour = sessions.signIn(fixtures.student(uni));
        assertThat(api(uni, "POST", "/api/v1/notifications/" + id + "/read", neighbour, null)
                        .code())
                .isEqualTo(404);
        assertThat(form("/notifications/" + id + "/read", neighbour, Map.of()).code())
                .isEqualTo(404);
        assertThat(api(uni, "GET", "/api/v1/notifications", neighbour, null).body())
                .doesNotContain("Mine");

        SignedIn stranger = sessions.signIn(fixtures.student(other));
        assertThat(api(other, "POST", "/api/v1/notifications/" + id + "/read", stranger, null)
                        .code())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM notifications WHERE id = ? AND read_at IS NOT NULL", id))
                .isZero();
    }

    @Test
    void anonymousVisitorsAreRefusedAndStudentsCannotOpenStaffAnnouncements() {
        assertThat(api(uni, "GET", "/api/v1/notifications", null, null).code()).isEqualTo(401);
        assertThat(api(uni, "POST", "/api/v1/notifications/read-all", null, null)
                        .code())
                .isIn(401, 403);
        assertThat(api(uni, "GET", "/api/v1/me/notification-preferences", null, null)
                        .code())
                .isEqualTo(401);
        HttpResponse<String> anonymousPage = page("/notifications", null);
        assertThat(anonymousPage.code()).isEqualTo(303);
        assertThat(anonymousPage.header("Location")).startsWith("/signin");

        SignedIn student = sessions.signIn(fixtures.student(uni));
        assertThat(page("/staff/announcements", student).code()).isEqualTo(403);
        assertThat(form("/staff/announcements", student, Map.of("title", "x", "body", "y"))
                        .code())
                .isEqualTo(403);
    }

    @Test
    void thePreferencesPageSavesTheTickedKinds() {
        User student = fixtures.student(uni);
        SignedIn session = sessions.signIn(student);
        String before = page("/notifications/preferences", session).body();
        assertThat(before)
                .contains("name=\"email_BOOKING\" checked")
                .contains("name=\"email_RUN\">")
                .contains("<label for=\"pref-RUN\">");

        HttpResponse<String> saved =
                form("/notifications/preferences", session, Map.of("email_RUN", "on", "email_PAYMENT", "on"));
        assertThat(saved.code()).isEqualTo(303);
        String after = page("/notifications/preferences?saved=1", session).body();
        assertThat(after)
                .contains("Your settings are saved")
                .contains("name=\"email_RUN\" checked")
                .contains("name=\"email_PAYMENT\" checked")
                .contains("name=\"email_BOOKING\">");
    }

    @Test
    void theDemoStudentHasTheSentAnnouncementAndTwoNoticesAndOneAnnouncementIsScheduled() {
        University demoUniversity = fixtures.university();
        String domain = demoUniversity.allowedDomains().get(0);
        com.careerai.demo.DemoUniversity seeded = new com.careerai.demo.DemoUniversity(
                demoUniversity.id(), demoUniversity.name(), demoUniversity.subdomain(), domain);
        for (int run = 0; run < 2; run++) { // every start-up runs the step; the second changes nothing
            units.runInUniversity(demoUniversity.id(), () -> demo.seed(seeded));
        }
        long student = count(
                "SELECT id FROM users WHERE university_id = ? AND email = ?", demoUniversity.id(), "student@" + domain);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(
                                "SELECT count(*) FROM notifications WHERE university_id = ? AND user_id = ?",
                                demoUniversity.id(),
                                student)
                        == 3);
        assertThat(count(
                        "SELECT count(*) FROM notifications n JOIN announcements a ON a.university_id = n.university_id"
                                + " AND a.id = n.announcement_id WHERE n.user_id = ? AND a.status = 'SENT'",
                        student))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM announcements WHERE university_id = ? AND status = 'SCHEDULED'"
                                + " AND send_at > now() + interval '5 days'",
                        demoUniversity.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM credit_wallets WHERE university_id = ? AND user_id = ?",
                        demoUniversity.id(),
                        student))
                .as("the demo student signed in once, so has a wallet")
                .isEqualTo(1);
    }
}
