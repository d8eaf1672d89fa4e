package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignInService;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.WalletFixtures;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What people receive, read back from a real SMTP server: the booking, move and cancellation mails
 * with their times, join link and invitation; staff booking on a student's behalf and reassigning;
 * staff deactivating a counsellor, which cancels, refunds and tells the students.
 */
@MicronautTest(transactional = false)
class CounsellingMailsTest extends IntegrationTest {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ICS_UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final TestMailServer mail = TestMailServer.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    CounsellingFixtures counselling;

    @Inject
    TestSessions sessions;

    @Inject
    SignInService signIns;

    @Inject
    Wallets wallets;

    CounsellingApi api;
    CounsellingPages pages;
    University uni;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("careerai.roles", "web,worker");
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        pages = new CounsellingPages(client);
        uni = fixtures.university();
    }

    @AfterAll
    void stop() {
        mail.close();
    }

    private User student(int gold) {
        User student = walletFixtures.studentWith(uni, 0, gold);
        return CrossTenant.within(uni, () -> signIns.completeEmailSignIn(uni, student.email()));
    }

    private long gold(User user) {
        return CrossTenant.within(uni, () -> wallets.balances(uni.id(), user.id()))
                .of(Currency.GOLD);
    }

    private static Calendar calendar(MimeMessage message) throws Exception {
        String ics = TestMailServer.calendar(message);
        assertThat(ics).as("an .ics is attached").isNotEmpty();
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String method(Calendar calendar) {
        return calendar.getProperty(Property.METHOD).map(Property::getValue).orElse(null);
    }

    private static String event(Calendar calendar, String property) {
        VEvent event = calendar.<VEvent>getComponents().get(0);
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void bookingMoveAndCancelMailsCarryTheTimesJoinLinkAndAnInvitationThatUpdatesItself() throws Exception {
        User counsellor = counselling.counsellor(uni);
        User student = student(5);
        List<SlotGenerator.Slot> slots =
                counselling.slots(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofDays(3));
        Instant start = slots.get(0).start();
        Map<String, Object> booked = api.map(api.book(
                uni.subdomain(), sessions.signIn(student), counsellor.id(), CounsellingFixtures.GUIDANCE, start));
        String id = (String) booked.get("id");
        String meetingUrl = (String) booked.get("meetingUrl");

        MimeMessage confirmation = mail.awaitSubject(student.email(), "Booked: ");
        assertThat(confirmation.getSubject()).contains("Career guidance").contains(WHEN.format(start.atZone(LONDON)));
        assertThat(TestMailServer.text(confirmation))
                .contains(WHEN.format(start.atZone(LONDON)) + " (Europe/London)")
                .contains("Video link: " + meetingUrl)
                .contains("/appointments/" + id);
        Calendar invitation = calendar(confirmation);
        assertThat(method(invitation)).isEqualTo("REQUEST");
        assertThat(event(invitation, Property.UID)).isEqualTo(id + "@careerai");
        assertThat(event(invitation, Property.SEQUENCE)).isEqualTo("0");
        assertThat(event(invitation, Property.DTSTART)).isEqualTo(ICS_UTC.format(start));
        assertThat(event(invitation, Property.DTEND)).isEqualTo(ICS_UTC.format(start.plus(Duration.ofMinutes(30))));
        assertThat(event(invitation, Property.LOCATION)).isEqualTo(meetingUrl);
        assertThat(TestMailServer.text(mail.awaitSubject(counsellor.email(), "Booked: ")))
                .contains("Video link: " + meetingUrl);

        Instant later = slots.get(4).start();
        api.post(
                uni.subdomain(),
                sessions.signIn(student),
                "/api/v1/appointments/" + id + "/reschedule",
                Map.of("start", later.toString()));
        MimeMessage moved = mail.awaitSubject(student.email(), "Moved: ");
        assertThat(TestMailServer.text(moved)).contains(WHEN.format(later.atZone(LONDON)));
        Calendar movedInvitation = calendar(moved);
        assertThat(method(movedInvitation)).isEqualTo("REQUEST");
        assertThat(event(movedInvitation, Property.UID)).isEqualTo(id + "@careerai");
        assertThat(event(movedInvitation, Property.SEQUENCE)).isEqualTo("1");
        assertThat(event(movedInvitation, Property.DTSTART)).isEqualTo(ICS_UTC.format(later));

        api.post(
                uni.subdomain(),
                sessions.signIn(student),
                "/api/v1/appointments/" + id + "/cancel",
                Map.of("reason", "found a job"));
        MimeMessage cancelled = mail.awaitSubject(student.email(), "Cancelled: ");
        assertThat(TestMailServer.text(cancelled))
                .contains("Reason: found a job")
                .contains("given back in full")
                .doesNotContain("Video link");
        Calendar cancellation = calendar(cancelled);
        assertThat(method(cancellation)).isEqualTo("CANCEL");
        assertThat(event(cancellation, Property.UID)).isEqualTo(id + "@careerai");
        assertThat(event(cancellation, Property.SEQUENCE)).isEqualTo("2");
        assertThat(event(cancellation, Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void staffBookOnAStudentsBehalfAndReassignAndEverySideIsEmailed() throws Exception {
        User first = counselling.counsellor(uni);
        User second = counselling.counsellor(uni);
        User student = student(5);
        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        Instant start = counselling.slot(uni, first, CounsellingFixtures.GUIDANCE, Duration.ofDays(2));
        Map<String, String> form = Map.of(
                "studentEmail", student.email(),
                "counsellorId", Long.toString(first.id()),
                "type", CounsellingFixtures.GUIDANCE,
                "start", start.toString());

        assertThat(pages.post(uni, "/staff/appointments/book", sessions.signIn(student), form)
                        .code())
                .isEqualTo(403);
        HttpResponse<String> booked = pages.post(uni, "/staff/appointments/book", staff, form);
        assertThat(booked.code()).as(booked.body()).isEqualTo(303);
        String id = booked.header("Location").substring("/appointments/".length());
        assertThat(gold(student)).isEqualTo(3);
        assertThat(method(calendar(mail.awaitSubject(student.email(), "Booked: "))))
                .isEqualTo("REQUEST");
        assertThat(mail.awaitSubject(first.email(), "Booked: ").getSubject()).contains("Career guidance");

        HttpResponse<String> reassigned = pages.post(
                uni,
                "/staff/appointments/" + id + "/reassign",
                staff,
                Map.of("counsellorId", Long.toString(second.id())));
        assertThat(reassigned.code()).as(reassigned.body()).isEqualTo(303);

        MimeMessage toStudent = mail.awaitSubject(student.email(), "New counsellor: ");
        assertThat(TestMailServer.text(toStudent))
                .contains("With " + second.displayName() + ".")
                .contains("another counsellor");
        Calendar invitation = calendar(toStudent);
        assertThat(event(invitation, Property.UID)).isEqualTo(id + "@careerai");
        assertThat(event(invitation, Property.SEQUENCE)).isEqualTo("1");
        assertThat(TestMailServer.text(mail.awaitSubject(second.email(), "New counsellor: ")))
                .contains("another counsellor");
        assertThat(TestMailServer.text(mail.awaitSubject(first.email(), "Reassigned: ")))
                .contains("given to another counsellor");
        Map<String, Object> now =
                api.map(api.get(uni.subdomain(), sessions.signIn(student), "/api/v1/appointments/" + id));
        assertThat(((Number) now.get("counsellorId")).longValue()).isEqualTo(second.id());

        // booking for someone else, moving and cancelling their appointment are staff actions: audited
        HttpResponse<String> cancelled = pages.post(
                uni, "/appointments/" + id + "/cancel", staff, Map.of("reason", "The student called to cancel"));
        assertThat(cancelled.code()).as(cancelled.body()).isLessThan(400);
        for (String action : List.of(
                "counselling.appointment.booked_for_student",
                "counselling.appointment.reassigned",
                "counselling.appointment.cancelled_by_staff")) {
            assertThat(count(
                            "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = ?"
                                    + " AND details->>'appointment' = ?",
                            uni.id(),
                            action,
                            id))
                    .as(action)
                    .isEqualTo(1);
        }
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = ?"
                                + " AND details->>'reason' = 'The student called to cancel'",
                        uni.id(),
                        "counselling.appointment.cancelled_by_staff"))
                .isEqualTo(1);
    }

    @Test
    void deactivatingACounsellorCancelsAndRefundsTheirFutureAppointmentsAndEmailsTheStudents() throws Exception {
        User counsellor = counselling.counsellor(uni);
        User ada = student(4);
        User grace = student(4);
        List<SlotGenerator.Slot> slots =
                counselling.slots(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofDays(2));
        String adaBooking = (String) api.map(api.book(
                        uni.subdomain(),
                        sessions.signIn(ada),
                        counsellor.id(),
                        CounsellingFixtures.GUIDANCE,
                        slots.get(0).start()))
                .get("id");
        String graceBooking = (String) api.map(api.book(
                        uni.subdomain(),
                        sessions.signIn(grace),
                        counsellor.id(),
                        CounsellingFixtures.GUIDANCE,
                        slots.get(2).start()))
                .get("id");
        assertThat(gold(ada)).isEqualTo(2);
        assertThat(gold(grace)).isEqualTo(2);

        HttpResponse<String> deactivated = pages.post(
                uni,
                "/staff/counsellors/" + counsellor.id() + "/decision",
                sessions.signIn(fixtures.staff(uni)),
                Map.of("decision", "INACTIVE", "reason", "Left the university"));
        assertThat(deactivated.code()).as(deactivated.body()).isEqualTo(303);

        assertThat(gold(ada)).isEqualTo(4);
        assertThat(gold(grace)).isEqualTo(4);
        for (Map.Entry<User, String> booking :
                Map.of(ada, adaBooking, grace, graceBooking).entrySet()) {
            Map<String, Object> appointment = api.map(api.get(
                    uni.subdomain(), sessions.signIn(booking.getKey()), "/api/v1/appointments/" + booking.getValue()));
            assertThat(appointment).containsEntry("status", "CANCELLED").containsEntry("refunded", true);
            MimeMessage cancelled = mail.awaitSubject(booking.getKey().email(), "Cancelled: ");
            assertThat(TestMailServer.text(cancelled))
                    .contains("The counsellor is no longer available")
                    .contains("given back in full");
            assertThat(method(calendar(cancelled))).isEqualTo("CANCEL");
        }
        assertThat(TestMailServer.text(mail.awaitSubject(counsellor.email(), "Your counsellor profile")))
                .contains("Left the university");
        assertThat(api.list(api.get(uni.subdomain(), sessions.signIn(ada), "/api/v1/counsellors")).stream()
                        .map(c -> ((Number) c.get("id")).longValue()))
                .doesNotContain(counsellor.id());
    }

    @Test
    void aDecisionReasonOverTheLimitIsExplainedBesideTheFieldNotAServerError() {
        // found by platform.FuzzTest: the column's CHECK answered 500
        User counsellor = counselling.counsellor(uni);
        HttpResponse<String> refused = pages.post(
                uni,
                "/staff/counsellors/" + counsellor.id() + "/decision",
                sessions.signIn(fixtures.staff(uni)),
                Map.of("decision", "INACTIVE", "reason", "x".repeat(1001)));
        assertThat(refused.code()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("Keep the reason under 1000 characters.");
    }

    @Test
    void aCounsellorRegistrationReachesTheStaffQueueOnlyWithTheEmailedCode() {
        String email = "pat.applicant@example.org";
        TestSessions.Anonymous visitor = sessions.anonymous();
        Map<String, String> form = new HashMap<>(Map.of(
                "csrf", visitor.csrf(),
                "name", "Pat Applicant",
                "email", email,
                "bio", "Ten years in graduate recruitment.",
                "expertise", "cv, law",
                "timeZone", "Europe/Paris",
                "step", "send"));
        HttpResponse<String> sent = apply(visitor, form);
        assertThat(sent.code()).isEqualTo(200);
        assertThat(sent.body()).contains("We emailed a code to <strong>" + email + "</strong>");
        String code = mail.awaitCode(email);

        form.put("step", "apply");
        form.put("code", code.equals("000000") ? "111111" : "000000");
        HttpResponse<String> wrong = apply(visitor, form);
        assertThat(wrong.code()).isEqualTo(422);
        assertThat(wrong.body()).contains("That code is not right").contains("name=\"code\"");
        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        assertThat(pages.get(uni, "/staff/counsellors", staff).body()).doesNotContain(email);

        form.put("code", code);
        HttpResponse<String> accepted = apply(visitor, form);
        assertThat(accepted.code()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("waiting for approval");
        assertThat(pages.get(uni, "/staff/counsellors", staff).body())
                .contains("Pat Applicant")
                .contains(email);
    }

    private HttpResponse<String> apply(TestSessions.Anonymous visitor, Map<String, String> form) {
        return com.careerai.credits.Http.exchange(
                client,
                io.micronaut.http.HttpRequest.POST("/counsellors/apply", form)
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", visitor.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }
}
