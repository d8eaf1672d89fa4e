package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.counselling.SlotGenerator.DateOverride;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyHandlerRegistry;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds a counsellor's 30 days of slots (bench/run's slots scenario, issue 19) to its round trips:
 * the counsellor once with their weekly hours, then the session type, overrides and held time together.
 */
@MicronautTest(transactional = false)
class SlotsQueriesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    CounsellingFixtures counselling;

    @Inject
    TestSessions sessions;

    @Inject
    StatementCounter counter;

    @Inject
    MessageBodyHandlerRegistry writers;

    private CounsellingApi api;
    private CounsellingPages pages;
    private University university;
    private SignedIn student;
    private User counsellor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true");
    }

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        pages = new CounsellingPages(client);
        university = fixtures.university();
        student = sessions.signIn(fixtures.verifiedStudent(university));
        counsellor = counselling.counsellor(university);
    }

    @Test
    void thirtyDaysOfSlotsGoInTwoRoundTripsOnOneConnectionWithoutATransaction() {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String path = "/api/v1/counsellors/" + counsellor.id() + "/slots?type=" + CounsellingFixtures.GUIDANCE
                + "&from=" + from + "&to=" + from.plusDays(29) + "&tz=UTC";
        api.get(university.subdomain(), student, path); // warm: the university by host is cached afterwards
        counter.reset();

        HttpResponse<String> response = api.get(university.subdomain(), student, path);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("\"timeZone\":\"UTC\"").contains(from + "T");
        // five reads, sent ahead in two round trips (ADR 0076): the counsellor with their weekly hours,
        // then the session type, the overrides and the held time of the range the request names
        List<String> statements = counter.statements();
        assertThat(statements)
                .as("round trips of 30 days of slots: %s", statements)
                .hasSize(2);
        assertThat(statements.get(0)).contains("FROM counsellors c").contains("FROM counsellor_weekly_hours");
        assertThat(statements.get(1))
                .contains("FROM counselling_session_types")
                .contains("FROM counsellor_date_overrides")
                .contains("FROM appointments");
        assertThat(counter.connections()).as("connections checked out").isLessThanOrEqualTo(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
        assertThat(counter.commits()).as("transactions committed").isZero();
    }

    @Test
    void slotsReadAheadLeaveOutADayOffAndABookedSlot() {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate dayOff = LocalDate.now(london).plusDays(3);
        User open = counselling.counsellor(
                university, CounsellingFixtures.allWeek(), List.of(new DateOverride(dayOff, true, null, null)));
        String path = "/api/v1/counsellors/" + open.id() + "/slots?type=" + CounsellingFixtures.DROP_IN + "&from="
                + dayOff + "&to=" + dayOff.plusDays(1) + "&tz=Europe/London";
        List<String> before = starts(api.get(university.subdomain(), student, path));
        assertThat(before).isNotEmpty().noneMatch(start -> start.startsWith(dayOff + "T"));
        String booked = before.get(before.size() / 2);

        assertThat(api.book(
                                university.subdomain(),
                                student,
                                open.id(),
                                CounsellingFixtures.DROP_IN,
                                OffsetDateTime.parse(booked).toInstant())
                        .code())
                .isEqualTo(201);
        List<String> after = starts(api.get(university.subdomain(), student, path));

        assertThat(after).doesNotContain(booked).isNotEmpty().isSubsetOf(before);
        assertThat(before).containsAll(after).contains(booked);
    }

    @Test
    void theBookingPageSendsItsReadsWithTheHeadersThenTheWeeksSlots() {
        String path = "/counselling/book/" + counsellor.id() + "?type=" + CounsellingFixtures.GUIDANCE;
        pages.get(university, path, student); // warm
        counter.reset();

        HttpResponse<String> page = pages.get(university, path, student);

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"start\"").doesNotContain("Join the waitlist");
        // the counsellor with their session types, rating, weekly hours, the booking rules and the resumes to
        // share, with the header's reads; then the week shown's overrides, held time and session type. A slot
        // shown lies in the booking window, so the window's slots are not worked out again to learn whether
        // the waitlist is offered (they were: the overrides and held time read twice, 4 round trips)
        List<String> statements = counter.statements();
        assertThat(statements).as("round trips: %s", statements).hasSize(2);
        assertThat(statements.get(0))
                .contains("FROM counsellors", "FROM counsellor_weekly_hours", "FROM counselling_rules", "FROM ai_runs");
        assertThat(statements.get(1)).contains("FROM counsellor_date_overrides", "FROM appointments");
        assertThat(counter.transactions()).isZero();
    }

    @Test
    void theBookingPageOffersTheWaitlistWhenTheWholeWindowIsFull() {
        User busy = counselling.counsellor(university, List.of(), List.of()); // no hours: no slot at all
        String path = "/counselling/book/" + busy.id() + "?type=" + CounsellingFixtures.GUIDANCE;
        pages.get(university, path, student); // warm
        counter.reset();

        HttpResponse<String> page = pages.get(university, path, student);

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("Join the waitlist").contains("/counselling/book/" + busy.id() + "/waitlist");
        // no slot shown: the booking window's slots are worked out (its overrides and held time read once more)
        List<String> statements = counter.statements();
        assertThat(statements.stream().filter(sql -> sql.contains("FROM counsellor_date_overrides")))
                .as("statements: %s", statements)
                .hasSize(2);
        assertThat(statements.stream().filter(sql -> sql.contains("FROM counsellor_weekly_hours")))
                .as("statements: %s", statements)
                .hasSize(1);
    }

    @Test
    void theSlotsAnswerIsWrittenByItsOwnWriterWithSerdesBytes() throws java.io.IOException {
        assertThat(writers.findWriter(Argument.of(ApiViews.SlotsView.class), List.of(MediaType.APPLICATION_JSON_TYPE)))
                .get()
                .isInstanceOf(SlotsJsonWriter.class);
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String path = "/api/v1/counsellors/" + counsellor.id() + "/slots?type=" + CounsellingFixtures.GUIDANCE
                + "&from=" + from + "&to=" + from.plusDays(13) + "&tz=Asia/Kolkata";

        HttpResponse<String> response = api.get(university.subdomain(), student, path);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header(HttpHeaders.CONTENT_TYPE)).startsWith(MediaType.APPLICATION_JSON);
        ApiViews.SlotsView parsed = json.readValue(response.body(), ApiViews.SlotsView.class);
        assertThat(parsed.slots()).isNotEmpty().allMatch(slot -> slot.start().endsWith("+05:30"));
        assertThat(response.body())
                .isEqualTo(new String(
                        json.writeValueAsBytes(Argument.of(ApiViews.SlotsView.class), parsed),
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private List<String> starts(HttpResponse<String> response) {
        assertThat(response.code()).isEqualTo(200);
        return ((List<Map<String, String>>) api.map(response).get("slots"))
                .stream().map(slot -> slot.get("start")).toList();
    }

    @Test
    void anUnknownCounsellorIsNotFoundBeforeTheParametersAreRead() {
        HttpResponse<String> response =
                api.get(university.subdomain(), student, "/api/v1/counsellors/999999999/slots?tz=Nowhere/Else");

        assertThat(response.code()).isEqualTo(404);
    }
}
