package com.careerai.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.courses.CourseFixtures;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff announcements: audiences, scheduling and cancelling, the pages, and a 5,000-student send
 * whose sender dies halfway and resumes — every student one inbox entry, at most one email.
 * Events stay in the outbox here (nothing is mailed): the emails are counted as queued deliveries.
 */
@MicronautTest(transactional = false)
class AnnouncementsTest extends IntegrationTest {
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
    Announcements announcements;

    @Inject
    Inbox inboxService;

    @Inject
    AnnouncementSender sender;

    @Inject
    Interests interests;

    @Inject
    CourseFixtures courseFixtures;

    @Inject
    com.careerai.courses.Enrolments enrolments;

    University uni;
    User staffUser;
    SignedInUser staff;

    @Override
    protected Map<String, String> extraProperties() {
        // a crash right after every commit: queued emails stay queued, so none is sent (and none retried)
        return Map.of("micronaut.http.client.follow-redirects", "false", "careerai.outbox.after-commit", "nothing");
    }

    @BeforeAll
    void university() {
        uni = fixtures.university();
        staffUser = fixtures.staff(uni);
        staff = SignedInUser.of(staffUser);
    }

    private static final class SenderKilled extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Announcement draft(University university, SignedInUser author, String title, List<Long> interestIds) {
        return fixtures.in(
                university,
                () -> announcements.create(
                        author,
                        new Announcements.Draft(
                                title,
                                "Hello,\nsee https://example.edu/fair",
                                interestIds.isEmpty()
                                        ? Announcement.Audience.ALL_STUDENTS
                                        : Announcement.Audience.INTERESTS,
                                interestIds)));
    }

    private Announcement find(University university, long id) {
        return fixtures.in(university, () -> announcements.find(university.id(), id))
                .orElseThrow()
                .announcement();
    }

    private long entriesOf(long announcementId) {
        return count("SELECT count(*) FROM notifications WHERE announcement_id = ?", announcementId);
    }

    private long emailsTo(String domain) {
        return count(
                "SELECT count(*) FROM mail_deliveries WHERE template = 'NOTIFICATION' AND recipient LIKE ?",
                "%@" + domain);
    }

    private HttpResponse<String> page(University university, String path, SignedIn session) {
        return new InboxHttp(client, university).page(path, session);
    }

    private HttpResponse<String> form(
            University university, String path, SignedIn session, Map<String, String> fields) {
        return new InboxHttp(client, university).form(path, session, fields);
    }

    @Test
    void fiveThousandStudentsGetExactlyOneEntryAndAtMostOneEmailWhenTheSenderIsKilledHalfway() {
        University big = fixtures.university();
        String domain = big.allowedDomains().get(0);
        User author = fixtures.staff(big);
        inbox.asOwner(
                "INSERT INTO users (university_id, email, name, role, email_verified)"
                        + " SELECT ?, 'bulk' || g || '@' || ?, 'Bulk ' || g, 'STUDENT', true FROM generate_series(1, 5000) g",
                big.id(),
                domain);
        // every fifth student wants announcements in the app only
        inbox.asOwner(
                "INSERT INTO notification_preferences (university_id, user_id, kind, email)"
                        + " SELECT university_id, id, 'ANNOUNCEMENT', false FROM users"
                        + " WHERE university_id = ? AND role = 'STUDENT' AND id % 5 = 0",
                big.id());
        long quiet = count(
                "SELECT count(*) FROM notification_preferences WHERE university_id = ? AND kind = 'ANNOUNCEMENT'",
                big.id());

        SignedInUser by = SignedInUser.of(author);
        Announcement announcement = draft(big, by, "Careers fair", List.of());
        fixtures.run(big, () -> announcements.schedule(by, announcement.id(), Instant.now()));

        // the worker dies after four pages of 500 have committed
        assertThatThrownBy(() -> fixtures.run(
                        big,
                        () -> sender.send(big.id(), announcement.id(), pages -> {
                            if (pages == 4) {
                                throw new SenderKilled();
                            }
                        })))
                .isInstanceOf(SenderKilled.class);
        Announcement halfway = find(big, announcement.id());
        assertThat(halfway.status()).isEqualTo(Announcement.Status.SENDING);
        assertThat(halfway.recipients()).isEqualTo(4 * AnnouncementSender.PAGE_SIZE);
        assertThat(entriesOf(announcement.id())).isEqualTo(4L * AnnouncementSender.PAGE_SIZE);

        // JobRunr retries: the sender resumes after the persisted cursor
        fixtures.run(big, () -> sender.sendScheduled(big.id(), announcement.id(), halfway.sendAt()));
        Announcement sent = find(big, announcement.id());
        assertThat(sent.status()).isEqualTo(Announcement.Status.SENT);
        assertThat(sent.recipients()).isEqualTo(5000);
        assertThat(sent.emailed()).isEqualTo(5000 - (int) quiet);

        // even a sender that lost its cursor (state rewound by hand) adds no entry and no email
        inbox.asOwner(
                "UPDATE announcements SET status = 'SENDING', cursor_user_id = 0 WHERE university_id = ? AND id = ?",
                big.id(),
                announcement.id());
        fixtures.run(big, () -> sender.send(big.id(), announcement.id(), AnnouncementSender.PageHook.NONE));

        assertThat(entriesOf(announcement.id())).isEqualTo(5000);
        assertThat(count(
                        "SELECT count(*) FROM (SELECT user_id FROM notifications WHERE announcement_id = ?"
                                + " GROUP BY user_id HAVING count(*) > 1) AS twice",
                        announcement.id()))
                .isZero();
        assertThat(emailsTo(domain)).isEqualTo(5000 - quiet);
        assertThat(count(
                        "SELECT count(*) FROM (SELECT recipient FROM mail_deliveries WHERE university_id = ?"
                                + " GROUP BY recipient HAVING count(*) > 1) AS twice",
                        big.id()))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM mail_deliveries m JOIN users u ON u.university_id = m.university_id"
                                + " AND u.email = m.recipient JOIN notification_preferences p"
                                + " ON p.university_id = u.university_id AND p.user_id = u.id WHERE m.university_id = ?",
                        big.id()))
                .as("nobody who chose in-app only was emailed")
                .isZero();
        Announcement again = find(big, announcement.id());
        assertThat(again.recipients()).isEqualTo(5000);
        assertThat(again.emailed()).isEqualTo(5000 - (int) quiet);
    }

    @Test
    void anAudienceByInterestReachesOnlyStudentsWithOneOfThoseInterests() {
        Interest finance = fixtures.in(uni, () -> interests.add(uni.id(), "Finance", "staff"));
        Interest research = fixtures.in(uni, () -> interests.add(uni.id(), "Research", "staff"));
        Interest law = fixtures.in(uni, () -> interests.add(uni.id(), "Law", "staff"));
        User banker = fixtures.student(uni);
        User scientist = fixtures.student(uni);
        User lawyer = fixtures.student(uni);
        User undecided = fixtures.student(uni);
        fixtures.run(uni, () -> interests.choose(uni.id(), banker.id(), List.of(finance.id())));
        fixtures.run(uni, () -> interests.choose(uni.id(), scientist.id(), List.of(research.id(), finance.id())));
        fixtures.run(uni, () -> interests.choose(uni.id(), lawyer.id(), List.of(law.id())));

        Announcement announcement =
                draft(uni, staff, "Finance and research evening", List.of(finance.id(), research.id()));
        fixtures.run(uni, () -> announcements.schedule(staff, announcement.id(), Instant.now()));
        fixtures.run(uni, () -> sender.send(uni.id(), announcement.id(), AnnouncementSender.PageHook.NONE));

        List<Long> recipients = List.of(
                count(
                        "SELECT count(*) FROM notifications WHERE announcement_id = ? AND user_id = ?",
                        announcement.id(),
                        banker.id()),
                count(
                        "SELECT count(*) FROM notifications WHERE announcement_id = ? AND user_id = ?",
                        announcement.id(),
                        scientist.id()),
                count(
                        "SELECT count(*) FROM notifications WHERE announcement_id = ? AND user_id = ?",
                        announcement.id(),
                        lawyer.id()),
                count(
                        "SELECT count(*) FROM notifications WHERE announcement_id = ? AND user_id = ?",
                        announcement.id(),
                        undecided.id()));
        assertThat(recipients).containsExactly(1L, 1L, 0L, 0L);
        assertThat(find(uni, announcement.id()).recipients()).isEqualTo(2);

        // staff's list counts who read each announcement, in one statement for the page
        Announcement unread = draft(uni, staff, "Law fair", List.of(law.id()));
        fixtures.run(uni, () -> announcements.schedule(staff, unread.id(), Instant.now()));
        fixtures.run(uni, () -> sender.send(uni.id(), unread.id(), AnnouncementSender.PageHook.NONE));
        fixtures.run(uni, () -> inboxService.markAllRead(uni.id(), banker.id()));
        assertThat(fixtures.in(uni, () -> announcements.newest(uni.id(), 1)))
                .filteredOn(progress -> progress.announcement().id() == announcement.id()
                        || progress.announcement().id() == unread.id())
                .extracting(progress -> progress.announcement().title() + ": " + progress.read())
                .containsExactly("Law fair: 0", "Finance and research evening: 1");

        // a retired or foreign interest is refused
        assertThatThrownBy(() -> draft(uni, staff, "Nobody", List.of(999_999L)))
                .isInstanceOf(InboxException.class)
                .satisfies(e -> assertThat(((InboxException) e).fields()).containsKey("interests"));
    }

    @Test
    void aCohortAudienceReachesOnlyTheActiveMembersOfThatBatchAndTheFormOffersIt() {
        CourseFixtures.Made cohort = courseFixtures.free(uni, 5);
        CourseFixtures.Made otherCohort = courseFixtures.free(uni, 5);
        User member = fixtures.student(uni);
        User otherMember = fixtures.student(uni);
        User outsider = fixtures.student(uni);
        fixtures.run(
                uni, () -> enrolments.enrol(SignedInUser.of(member), cohort.batchId(), null, "https://example.test"));
        fixtures.run(
                uni,
                () -> enrolments.enrol(
                        SignedInUser.of(otherMember), otherCohort.batchId(), null, "https://example.test"));

        HttpResponse<String> formPage = page(uni, "/staff/announcements", sessions.signIn(staffUser));
        assertThat(formPage.body()).contains("value=\"COHORT\"").contains("<option value=\"" + cohort.batchId() + "\"");
        HttpResponse<String> noCohort = form(
                uni,
                "/staff/announcements",
                sessions.signIn(staffUser),
                Map.of("title", "Cohort news", "body", "Hello", "audience", "COHORT", "when", "draft"));
        assertThat(noCohort.code()).isEqualTo(422);
        assertThat(noCohort.body()).contains("Choose one of the university&#x27;s cohorts.");

        Announcement announcement = fixtures.in(
                uni,
                () -> announcements.create(
                        staff,
                        new Announcements.Draft(
                                "Week two materials",
                                "See the batch page.",
                                Announcement.Audience.COHORT,
                                List.of(),
                                cohort.batchId())));
        fixtures.run(uni, () -> announcements.schedule(staff, announcement.id(), Instant.now()));
        fixtures.run(uni, () -> sender.send(uni.id(), announcement.id(), AnnouncementSender.PageHook.NONE));

        assertThat(List.of(member.id(), otherMember.id(), outsider.id()).stream()
                        .map(user -> count(
                                "SELECT count(*) FROM notifications WHERE announcement_id = ? AND user_id = ?",
                                announcement.id(),
                                user))
                        .toList())
                .containsExactly(1L, 0L, 0L);
        assertThat(page(uni, "/staff/announcements/" + announcement.id(), sessions.signIn(staffUser))
                        .body())
                .contains("Students of Free course — Spring batch");
    }

    @Test
    void aScheduledAnnouncementCanBeCancelledUntilItStartsAndItsOldJobThenSendsNothing() {
        SignedIn session = sessions.signIn(staffUser);
        String at = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> created = form(
                uni,
                "/staff/announcements",
                session,
                Map.of(
                        "title",
                        "Mock interviews",
                        "body",
                        "Sign up at the desk.",
                        "audience",
                        "ALL_STUDENTS",
                        "when",
                        "later",
                        "at",
                        at,
                        "tz",
                        "Europe/London"));
        assertThat(created.code()).as(created.body()).isEqualTo(303);
        String location = created.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Announcement scheduled = find(uni, id);
        assertThat(scheduled.status()).isEqualTo(Announcement.Status.SCHEDULED);
        assertThat(scheduled.sendAt())
                .isEqualTo(LocalDateTime.parse(at)
                        .atZone(java.time.ZoneId.of("Europe/London"))
                        .toInstant());
        assertThat(page(uni, location, session).body()).contains("Scheduled", "Cancel the announcement");

        assertThat(form(uni, location + "/cancel", session, Map.of()).code()).isEqualTo(303);
        assertThat(find(uni, id).status()).isEqualTo(Announcement.Status.DRAFT);
        // the job of the cancelled schedule, had it survived, finds nothing due
        fixtures.run(uni, () -> sender.sendScheduled(uni.id(), id, scheduled.sendAt()));
        assertThat(find(uni, id).status()).isEqualTo(Announcement.Status.DRAFT);
        assertThat(entriesOf(id)).isZero();
        // only a scheduled one can be cancelled
        assertThat(form(uni, location + "/cancel", session, Map.of()).code()).isEqualTo(409);

        // sent now instead: once started, it cannot be cancelled
        assertThat(form(uni, location + "/send", session, Map.of("when", "now")).code())
                .isEqualTo(303);
        Announcement due = find(uni, id);
        fixtures.run(uni, () -> sender.sendScheduled(uni.id(), id, due.sendAt()));
        assertThat(find(uni, id).status()).isEqualTo(Announcement.Status.SENT);
        assertThat(form(uni, location + "/cancel", session, Map.of()).code()).isEqualTo(409);
        assertThat(page(uni, location, session).body()).contains("Sent", "Recipients");
    }

    @Test
    void theFormShowsMistakesBesideTheFieldsAndTheTextIsNeverATemplate() {
        SignedIn session = sessions.signIn(staffUser);
        HttpResponse<String> empty =
                form(uni, "/staff/announcements", session, Map.of("title", "", "body", "", "audience", "ALL_STUDENTS"));
        assertThat(empty.code()).isEqualTo(422);
        assertThat(empty.body()).contains("Give a title of 1 to 200 characters.", "Write the announcement in 1 to");
        HttpResponse<String> control = form(
                uni,
                "/staff/announcements",
                session,
                Map.of("title", "Bell\u0007", "body", "ok", "audience", "ALL_STUDENTS"));
        assertThat(control.code()).isIn(400, 422);
        HttpResponse<String> past = form(
                uni,
                "/staff/announcements",
                session,
                Map.of(
                        "title",
                        "Late",
                        "body",
                        "ok",
                        "audience",
                        "ALL_STUDENTS",
                        "when",
                        "later",
                        "at",
                        "2001-01-01T09:00"));
        assertThat(past.code()).isEqualTo(422);
        assertThat(past.body()).contains("Choose a time in the future.");

        HttpResponse<String> created = form(
                uni,
                "/staff/announcements",
                session,
                Map.of(
                        "title", "Template {{layout.csrfToken}}",
                        "body", "{{#each this}}x{{/each}} <b>bold</b>\nhttps://example.edu/a?b=1&c=2.",
                        "audience", "ALL_STUDENTS",
                        "when", "draft"));
        assertThat(created.code()).isEqualTo(303);
        String shown = page(uni, created.header("Location"), session).body();
        assertThat(shown)
                .contains("Template {{layout.csrfToken}}")
                .contains("{{#each this}}x{{/each}} &lt;b&gt;bold&lt;/b&gt;<br>")
                .contains("<a href=\"https://example.edu/a?b=1&amp;c=2\"")
                .contains("Draft");
    }

    @Test
    void staffPagesAreForStaffOfTheirOwnUniversity() {
        assertThat(page(uni, "/staff/announcements", null).code()).isEqualTo(303);
        SignedIn session = sessions.signIn(staffUser);
        assertThat(page(uni, "/staff/announcements", session).body())
                .contains("New announcement", "<label for=\"an-title\">Title</label>");

        University elsewhere = fixtures.university();
        User theirStaff = fixtures.staff(elsewhere);
        Announcement theirs = draft(elsewhere, SignedInUser.of(theirStaff), "Theirs", List.of());
        assertThat(page(uni, "/staff/announcements/" + theirs.id(), session).code())
                .isEqualTo(404);
        assertThat(form(uni, "/staff/announcements/" + theirs.id() + "/send", session, Map.of("when", "now"))
                        .code())
                .isEqualTo(404);
        assertThat(find(elsewhere, theirs.id()).status()).isEqualTo(Announcement.Status.DRAFT);
    }
}
