package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignInService;
import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.credits.WalletFixtures;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CounsellingPagesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

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
    TestClock clock;

    @Inject
    Counsellors counsellors;

    @Inject
    Interests interests;

    University uni;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private User student(int gold) {
        User student = walletFixtures.studentWith(uni, 0, gold);
        return CrossTenant.within(uni, () -> signIns.completeEmailSignIn(uni, student.email()));
    }

    private HttpResponse<String> get(String path, SignedIn session) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept("text/html");
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return Http.exchange(client, request.header("Host", hostOf(uni.subdomain())));
    }

    private HttpResponse<String> post(String path, SignedIn session, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        body.put("csrf", session.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST(path, body)
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }

    private String bookThroughTheForm(User student, User counsellor, Instant start) {
        HttpResponse<String> booked = post(
                "/counselling/book/" + counsellor.id(),
                sessions.signIn(student),
                Map.of(
                        "type",
                        CounsellingFixtures.DROP_IN,
                        "start",
                        start.toString(),
                        "note",
                        "My CV",
                        "tz",
                        "Europe/London"));
        assertThat(booked.code()).as(booked.body()).isEqualTo(303);
        String location = booked.header("Location");
        assertThat(location).startsWith("/appointments/");
        return location.substring("/appointments/".length(), location.indexOf('?'));
    }

    @Test
    void counsellorsWhoKnowMostOfTheNamedFieldsComeFirstIgnoringCaseThenByName() {
        University at = fixtures.university();
        counselling.counsellor(at, "Zed Three", List.of("software", "finance", "data"));
        counselling.counsellor(at, "Bea Two", List.of("Software", "FINANCE")); // kept as given, matched ignoring case
        counselling.counsellor(at, "Ada One", List.of("finance", "cv"));
        counselling.counsellor(at, "Abe One", List.of("data"));
        counselling.counsellor(at, "Cal None", List.of("cv", "careers"));
        User away = counselling.counsellor(at, "Aaa Inactive", List.of("software", "finance", "data"));
        counselling.changeStatus(at, away, CounsellorStatus.INACTIVE);
        counselling.counsellor(fixtures.university(), "Aab Elsewhere", List.of("software", "finance", "data"));
        List<String> named = List.of(" Software", "finance", "DATA");

        assertThat(CrossTenant.within(at, () -> counsellors.withExpertiseIn(at.id(), named, 3)))
                .extracting(CounsellorCard::name)
                .containsExactly("Zed Three", "Bea Two", "Abe One");
        List<CounsellorCard> all = CrossTenant.within(at, () -> counsellors.withExpertiseIn(at.id(), named, 10));
        assertThat(all).extracting(CounsellorCard::name).containsExactly("Zed Three", "Bea Two", "Abe One", "Ada One");
        assertThat(all.get(1).expertise()).containsExactly("Software", "FINANCE");
        assertThat(CrossTenant.within(at, () -> counsellors.withExpertiseIn(at.id(), List.of("Law", " "), 3)))
                .isEmpty();
        assertThat(CrossTenant.within(at, () -> counsellors.withExpertiseIn(at.id(), List.of(), 3)))
                .isEmpty();
    }

    @Test
    void theHomeSuggestsCounsellorsForTheStudentsOfferedInterestsOnly() {
        University at = fixtures.university();
        counselling.counsellor(at, "Bea Both", List.of("software", "finance"));
        counselling.counsellor(at, "Sam Software", List.of("Software"));
        counselling.counsellor(at, "Fay Finance", List.of("finance"));
        counselling.counsellor(at, "Ann Finance", List.of("Finance", "cv"));
        counselling.counsellor(at, "Dan Data", List.of("data"));
        User otherCounsellor =
                counselling.counsellor(fixtures.university(), "Aab Elsewhere", List.of("software", "finance"));
        Interest software = CrossTenant.within(at, () -> interests.add(at.id(), "Software", "test"));
        Interest finance = CrossTenant.within(at, () -> interests.add(at.id(), "Finance", "test"));
        User student = fixtures.student(at);
        CrossTenant.within(at, () -> interests.choose(at.id(), student.id(), List.of(software.id(), finance.id())));
        SignedIn signedIn = sessions.signIn(student);

        String both = new CounsellingPages(client).get(at, "/", signedIn).body();
        assertThat(both).contains("Counsellors who know your field");
        // two fields known come first, then one each by name; three shown
        assertThat(both.indexOf("Bea Both")).isPositive().isLessThan(both.indexOf("Ann Finance"));
        assertThat(both.indexOf("Ann Finance")).isLessThan(both.indexOf("Fay Finance"));
        assertThat(both)
                .doesNotContain("Sam Software")
                .doesNotContain("Dan Data")
                .doesNotContain("Aab Elsewhere");

        // a retired interest stays on the student's profile but no longer finds counsellors
        CrossTenant.within(at, () -> {
            interests.retire(at.id(), finance.id(), "test");
            return null;
        });
        String retired = new CounsellingPages(client).get(at, "/", signedIn).body();
        assertThat(retired.indexOf("Bea Both")).isPositive().isLessThan(retired.indexOf("Sam Software"));
        assertThat(retired).doesNotContain("Ann Finance").doesNotContain("Fay Finance");
        assertThat(retired).doesNotContain("/counselling/book/" + otherCounsellor.id() + "\"");
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndStudentsCannotOpenStaffOrCounsellorPages() {
        assertThat(get("/counselling", null).code()).isEqualTo(303);
        assertThat(get("/appointments", null).header("Location")).startsWith("/signin");
        SignedIn student = sessions.signIn(student(0));
        assertThat(get("/staff/counsellors", student).code()).isEqualTo(403);
        assertThat(get("/staff/appointments", student).code()).isEqualTo(403);
        assertThat(get("/counsellor", student).code()).isEqualTo(403);
        assertThat(get("/counsellor", sessions.signIn(counselling.counsellor(uni)))
                        .code())
                .isEqualTo(200);
    }

    @Test
    void aStudentBooksThroughThePagesAndSeesTheAppointment() {
        User counsellor = counselling.counsellor(uni);
        User student = student(0);
        HttpResponse<String> list = get("/counselling", sessions.signIn(student));
        assertThat(list.code()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/counselling/book/" + counsellor.id() + "\"");
        HttpResponse<String> booking = get(
                "/counselling/book/" + counsellor.id() + "?type=drop-in&tz=America/New_York", sessions.signIn(student));
        assertThat(booking.body())
                .contains("America/New_York")
                .contains("name=\"start\"")
                .contains("Confirm and book");

        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(2));
        String id = bookThroughTheForm(student, counsellor, start);
        HttpResponse<String> page = get("/appointments/" + id + "?booked=1", sessions.signIn(student));
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("Booked.")
                .contains("/api/v1/appointments/" + id + "/ics")
                .doesNotContain("data-join");

        HttpResponse<String> again = post(
                "/counselling/book/" + counsellor.id(),
                sessions.signIn(student(0)),
                Map.of("type", CounsellingFixtures.DROP_IN, "start", start.toString()));
        assertThat(again.code()).isEqualTo(422);
        assertThat(again.body()).contains("class=\"field-error\"").contains("Someone has just booked this time");
    }

    @Test
    void aStudentSharesAResumeFromTheirRunsAndOnlyTheirOwnIsAccepted() {
        User counsellor = counselling.counsellor(uni);
        User student = student(0);
        User other = student(0);
        String resume = "Ada Lovelace - analyst. Built the first program for the Analytical Engine; "
                + "notes on Bernoulli numbers; wants a role in research software engineering.";
        String mine = cvRun(student, resume);
        String theirs = cvRun(other, resume + " (someone else)");
        // offered only: succeeded runs given a resume with words in it (the database says which)
        String blank = cvRun(student, " \n\t ");
        String failed = cvRun(student, resume);
        execute("UPDATE ai_runs SET status = 'FAILED' WHERE id = ?::uuid", failed);

        HttpResponse<String> form = get(
                "/counselling/book/" + counsellor.id() + "?type=drop-in&tz=Europe/London", sessions.signIn(student));
        assertThat(form.body())
                .contains("name=\"resumeRunId\"")
                .contains("value=\"" + mine + "\"")
                .doesNotContain(theirs)
                .doesNotContain(blank)
                .doesNotContain(failed);

        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(2));
        HttpResponse<String> refused = post(
                "/counselling/book/" + counsellor.id(),
                sessions.signIn(student),
                Map.of("type", CounsellingFixtures.DROP_IN, "start", start.toString(), "resumeRunId", theirs));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose one of your runs.");

        HttpResponse<String> booked = post(
                "/counselling/book/" + counsellor.id(),
                sessions.signIn(student),
                Map.of("type", CounsellingFixtures.DROP_IN, "start", start.toString(), "resumeRunId", mine));
        assertThat(booked.code()).as(booked.body()).isEqualTo(303);
        String location = booked.header("Location");
        String id = location.substring("/appointments/".length(), location.indexOf('?'));
        HttpResponse<String> counsellorsView = get("/appointments/" + id, sessions.signIn(counsellor));
        assertThat(counsellorsView.body()).contains("data-shared-resume").contains("Built the first program");
    }

    private String cvRun(User student, String resume) {
        String id = java.util.UUID.randomUUID().toString();
        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input)"
                        + " VALUES (?, ?::uuid, ?, 'cv-analysis', 'SUCCEEDED', 'SILVER', 1,"
                        + " jsonb_build_object('resume', ?::text, 'targetRole', 'Analyst'))",
                uni.id(),
                id,
                student.id(),
                resume);
        return id;
    }

    @Test
    void theJoinButtonShowsOnlyToParticipantsFromTenMinutesBeforeTheStart() {
        User counsellor = counselling.counsellor(uni);
        User student = student(0);
        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofHours(3));
        String id = bookThroughTheForm(student, counsellor, start);

        clock.shift(Duration.between(Instant.now(), start).minusMinutes(15));
        assertThat(get("/appointments/" + id, sessions.signIn(student)).body()).doesNotContain("data-join");

        clock.shift(Duration.ofMinutes(7)); // 8 minutes before
        assertThat(get("/appointments/" + id, sessions.signIn(student)).body())
                .contains("data-join")
                .contains("https://meet.jit.si/careerai-");
        assertThat(get("/appointments/" + id, sessions.signIn(counsellor)).body())
                .contains("data-join");
        HttpResponse<String> staffView = get("/appointments/" + id, sessions.signIn(fixtures.staff(uni)));
        assertThat(staffView.code()).isEqualTo(200);
        assertThat(staffView.body()).doesNotContain("data-join").doesNotContain("meet.jit.si/careerai-");
        assertThat(get("/appointments/" + id, sessions.signIn(student(0))).code())
                .isEqualTo(404);

        clock.shift(Duration.ofMinutes(30)); // after the end
        assertThat(get("/appointments/" + id, sessions.signIn(student)).body()).doesNotContain("data-join");
    }

    @Test
    void aCounsellorsPrivateNotesAreNeverShownToTheStudent() {
        User counsellor = counselling.counsellor(uni);
        User student = student(0);
        String id = bookThroughTheForm(
                student,
                counsellor,
                counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(1)));

        assertThat(post(
                                "/appointments/" + id + "/notes",
                                sessions.signIn(counsellor),
                                Map.of("body", "Nervous about case interviews"))
                        .code())
                .isEqualTo(303);
        assertThat(get("/appointments/" + id, sessions.signIn(counsellor)).body())
                .contains("Nervous about case interviews");
        assertThat(get("/counsellor/students/" + student.id(), sessions.signIn(counsellor))
                        .body())
                .contains("Nervous about case interviews");

        assertThat(get("/appointments/" + id, sessions.signIn(student)).body())
                .doesNotContain("Nervous about case interviews");
        assertThat(post("/appointments/" + id + "/notes", sessions.signIn(student), Map.of("body", "x"))
                        .code())
                .isEqualTo(404);
        User stranger = student(0);
        assertThat(get("/counsellor/students/" + stranger.id(), sessions.signIn(counsellor))
                        .code())
                .isEqualTo(404);
    }

    @Test
    void aRegistrationWaitsForStaffApprovalAndBadInputIsShownBesideTheFields() {
        TestSessions.Anonymous visitor = sessions.anonymous();
        HttpResponse<String> bad = Http.exchange(
                client,
                HttpRequest.POST(
                                "/counsellors/apply",
                                Map.of(
                                        "csrf",
                                        visitor.csrf(),
                                        "name",
                                        "",
                                        "email",
                                        "nope",
                                        "bio",
                                        "short",
                                        "expertise",
                                        "",
                                        "timeZone",
                                        "Mars"))
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", visitor.cookie())
                        .header("Host", hostOf(uni.subdomain())));
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.body())
                .contains("Enter your name")
                .contains("IANA time zone")
                .contains("class=\"field-error\"");

        HttpResponse<String> good = Http.exchange(
                client,
                HttpRequest.POST(
                                "/counsellors/apply",
                                Map.of(
                                        "csrf",
                                        visitor.csrf(),
                                        "name",
                                        "Pat Applicant",
                                        "email",
                                        "pat@example.org",
                                        "bio",
                                        "Ten years in graduate recruitment.",
                                        "expertise",
                                        "cv, law",
                                        "timeZone",
                                        "Europe/Paris"))
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", visitor.cookie())
                        .header("Host", hostOf(uni.subdomain())));
        // a good form asks for the emailed code first (CounsellingMailsTest follows it to the queue)
        assertThat(good.code()).isEqualTo(200);
        assertThat(good.body()).contains("We emailed a code").contains("name=\"code\"");

        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        assertThat(get("/staff/counsellors", staff).body()).doesNotContain("pat@example.org");
        HttpResponse<String> rules = post(
                "/staff/counselling/rules",
                staff,
                Map.of("cancellationWindowHours", "-1", "maxActiveBookings", "2", "noShowStrikeLimit", "3"));
        assertThat(rules.code()).isEqualTo(422);
        assertThat(rules.body()).contains("Enter a whole number from 0 to 720");
    }

    @Test
    void staffSeeEveryAppointmentAndExportThemAsCsv() {
        User counsellor = counselling.counsellor(uni);
        User student = student(0);
        String id = bookThroughTheForm(
                student,
                counsellor,
                counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(1)));
        SignedIn staff = sessions.signIn(fixtures.staff(uni));

        // each row names its student (read with the rows' counsellors, ADR 0076)
        assertThat(get("/staff/appointments?counsellor=" + counsellor.id(), staff)
                        .body())
                .contains("/appointments/" + id)
                .contains(student.displayName());
        HttpResponse<String> csv = get("/staff/appointments?counsellor=" + counsellor.id() + "&format=csv", staff);
        assertThat(csv.code()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("id,start_utc")
                .contains(id + ",")
                .contains(",\"" + student.displayName() + "\",");
        assertThat(get("/staff/appointments?status=CANCELLED&counsellor=" + counsellor.id(), staff)
                        .body())
                .doesNotContain("/appointments/" + id);
    }
}
