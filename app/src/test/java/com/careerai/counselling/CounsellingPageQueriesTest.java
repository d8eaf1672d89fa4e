package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the students' list of counsellors ({@code /counselling} and {@code GET /api/v1/counsellors}) to
 * one round trip however many counsellors it lists (their session types were read one counsellor at a
 * time), and its ratings to every rating given (they were averaged over the university's newest 500);
 * and a counsellor's panel to one round trip that finds today's sessions after a year of history (it read
 * the counsellor's oldest 500 appointments, and every feedback row twice).
 */
@MicronautTest(transactional = false)
class CounsellingPageQueriesTest extends IntegrationTest {
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
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    private CounsellingApi api;
    private CounsellingPages pages;
    private University university;
    private SignedIn student;
    private User busy;
    private User earlier;
    private String upcomingId;
    private String toCloseId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true");
    }

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        pages = new CounsellingPages(client);
        university = fixtures.university();
        User rater = fixtures.verifiedStudent(university);
        student = sessions.signIn(rater);
        busy = counselling.counsellor(university, "Busy Counsellor", List.of("careers"));
        earlier = counselling.counsellor(university, "Earlier Counsellor", List.of("finance"));
        counselling.counsellor(university, "Unrated Counsellor", List.of("careers"));
        // the busy counsellor's 600 sessions of the last 600 hours, the newest 100 rated 1 and the 500
        // before them 5 (4.3 from all 600); the earlier counsellor's one session, before all of those, rated 2
        rate(rater, busy, 1, 100, 1);
        rate(rater, busy, 101, 600, 5);
        rate(rater, earlier, 1_000, 1_000, 2);
        // after those 600: a session booked for tomorrow and one that ended, unclosed, an hour or more ago
        HttpResponse<String> booked = api.book(
                university.subdomain(),
                student,
                busy.id(),
                CounsellingFixtures.DROP_IN,
                counselling.slot(university, busy, CounsellingFixtures.DROP_IN, Duration.ofDays(1)));
        assertThat(booked.code()).as(booked.body()).isEqualTo(201);
        upcomingId = (String) api.map(booked).get("id");
        toCloseId = unclosed(rater, busy);
    }

    @Test
    void theCounsellorsPageIsOneRoundTripWithoutATransaction() {
        pages.get(university, "/counselling", student); // warm: the university by host is cached afterwards
        counter.reset();

        HttpResponse<String> page = pages.get(university, "/counselling", student);

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("Busy Counsellor").contains("Unrated Counsellor");
        // the counsellors, all their session types, their ratings' tallies and the header's reads, sent
        // together (ADR 0076): they were a transaction of a statement per counsellor's session types
        List<String> statements = counter.statements();
        assertThat(statements)
                .as("round trips of the counsellors page: %s", statements)
                .hasSize(1);
        assertThat(statements.get(0))
                .contains("FROM counsellors c")
                .contains("FROM counselling_session_types t JOIN counsellors c")
                .contains("FROM appointment_feedback")
                .contains("FROM notifications");
        assertThat(counter.connections()).as("connections checked out").isLessThanOrEqualTo(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
    }

    @Test
    void theApiListsCounsellorsInOneRoundTripWithEachOnesSessionTypes() {
        api.get(university.subdomain(), student, "/api/v1/counsellors"); // warm
        counter.reset();

        List<Map<String, Object>> listed = api.list(api.get(university.subdomain(), student, "/api/v1/counsellors"));

        assertThat(counter.statements())
                .as("round trips: %s", counter.statements())
                .hasSize(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
        assertThat(listed).extracting(c -> c.get("name")).contains("Busy Counsellor", "Earlier Counsellor");
        assertThat(listed).allSatisfy(c -> assertThat(slugs(c))
                .as("session types of %s", c.get("name"))
                .containsExactly(CounsellingFixtures.DROP_IN, CounsellingFixtures.GUIDANCE, CounsellingFixtures.MOCK));
    }

    @Test
    void everyRatingCountsNotOnlyTheUniversitysNewest500() {
        Map<Long, Map<String, Object>> byId = new java.util.HashMap<>();
        api.list(api.get(university.subdomain(), student, "/api/v1/counsellors"))
                .forEach(c -> byId.put(((Number) c.get("id")).longValue(), c));

        assertThat(byId.get(busy.id())).containsEntry("rating", 4.3).containsEntry("ratings", 600);
        assertThat(byId.get(earlier.id())).containsEntry("rating", 2.0).containsEntry("ratings", 1);
        HttpResponse<String> page = pages.get(university, "/counselling", student);
        assertThat(page.body())
                .contains("★ 4.3 (600 ratings)")
                .contains("★ 2.0 (1 rating)")
                .contains("No ratings yet");
        // one counsellor, as the booking page and GET /api/v1/counsellors/{id} show them
        Map<String, Object> one = api.map(api.get(university.subdomain(), student, "/api/v1/counsellors/" + busy.id()));
        assertThat(one).containsEntry("rating", 4.3).containsEntry("ratings", 600);
    }

    @Test
    void aCounsellorsPanelIsTwoRoundTripsAndShowsWhatComesAfterAYearOfHistory() {
        SignedIn counsellor = sessions.signIn(busy);
        pages.get(university, "/counsellor", counsellor); // warm
        counter.reset();

        HttpResponse<String> panel = pages.get(university, "/counsellor", counsellor);

        assertThat(panel.code()).isEqualTo(200);
        // the profile, the appointments to come, to close and of late, the rating counted by month and
        // stars, the newest feedback and the header's reads, sent together (ADR 0076); then the names of
        // the students those appointments are with (auth's, by the ids they give)
        List<String> statements = counter.statements();
        assertThat(statements).as("round trips of the panel: %s", statements).hasSize(2);
        assertThat(statements.get(0)).contains("FROM appointments").contains("FROM appointment_feedback");
        // (the repository's statement or PageReads' own, which a lone read left to send now goes as)
        assertThat(statements.get(1)).containsPattern("FROM \"?users\"?\\s");
        assertThat(counter.transactions()).as("transactions begun").isZero();
        assertThat(panel.body())
                .contains("/appointments/" + upcomingId)
                .contains("/counsellor/appointments/" + toCloseId + "/outcome")
                .contains("4.3</span> from 600 ratings");
    }

    @Test
    void aCounsellorsAppointmentsListAndApiHoldWhatComesAfterTheirFirst500() {
        SignedIn counsellor = sessions.signIn(busy);

        assertThat(pages.get(university, "/appointments", counsellor).body())
                .contains("/appointments/" + upcomingId)
                .contains("/appointments/" + toCloseId);
        List<Map<String, Object>> listed =
                api.list(api.get(university.subdomain(), counsellor, "/api/v1/appointments"));
        assertThat(listed)
                .extracting(a -> a.get("id"))
                .contains(upcomingId, toCloseId)
                .doesNotHaveDuplicates();
        // every one to come or to close, and the newest 200 of the 600 closed: by start, as before
        assertThat(listed).hasSize(202);
        assertThat(listed).extracting(a -> (String) a.get("start")).isSorted();
    }

    @Test
    void staffsAppointmentListNamesEachCounsellorAndStudentOnceHoweverManyAppointments() {
        SignedIn staff = sessions.signIn(fixtures.staff(university));
        for (String path : List.of("/staff/appointments", "/staff/appointments?format=csv")) {
            pages.get(university, path, staff); // warm
            counter.reset();

            HttpResponse<String> page = pages.get(university, path, staff);

            assertThat(page.code()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("Busy Counsellor").contains("Earlier Counsellor");
            // 603 appointments of three counsellors and one student: each appointment read its counsellor in
            // a transaction of its own (603 round trips and commits); now the counsellors go in one round
            // trip and the students' names in one statement
            List<String> statements = counter.statements();
            assertThat(statements.stream()
                            .filter(sql ->
                                    sql.contains("FROM counsellors c WHERE c.university_id = ? AND c.user_id = ?")))
                    .as("reads of a counsellor by id, %s: %s", path, statements)
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(statements).as("round trips of %s: %s", path, statements).hasSizeLessThan(8);
            assertThat(counter.commits()).as("commits of %s", path).isLessThanOrEqualTo(2);
        }
    }

    private static List<Object> slugs(Map<String, Object> counsellor) {
        return ((List<?>) counsellor.get("sessionTypes"))
                .stream().<Object>map(type -> ((Map<?, ?>) type).get("slug")).toList();
    }

    /**
     * A CONFIRMED session of {@code counsellor} not yet closed, in the half hour between two of {@link #rate}'s
     * (it ended at least an hour ago); its id.
     */
    private String unclosed(User student, User counsellor) {
        String sql = "INSERT INTO appointments (university_id, id, counsellor_id, student_id, session_type_id,"
                + " session_type, session_name, starts_at, ends_at, blocked_from, blocked_until, status, payment,"
                + " meeting_url, booked_by, created_at)"
                + " SELECT ?, gen_random_uuid(), ?, ?, t.id, t.slug, t.name, at, at + interval '30 minutes', at,"
                + " at + interval '30 minutes', 'CONFIRMED', 'FREE', 'https://meet.example/s', ?, at - interval '1 day'"
                + " FROM counselling_session_types t, LATERAL (SELECT date_trunc('hour', now()) - interval '90 minutes' AS at) a"
                + " WHERE t.university_id = ? AND t.counsellor_id = ? ORDER BY t.minutes LIMIT 1 RETURNING id";
        Object[] values = {
            university.id(), counsellor.id(), student.id(), student.id(), university.id(), counsellor.id()
        };
        return write(sql, values, statement -> {
            try (java.sql.ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }

    /**
     * Completed sessions of {@code counsellor} with {@code student}, one an hour from {@code fromHours} to
     * {@code toHours} hours ago, each rated {@code rating} when it ended.
     */
    private void rate(User student, User counsellor, int fromHours, int toHours, int rating) {
        String sql = "WITH type AS (SELECT id, slug, name FROM counselling_session_types"
                + " WHERE university_id = ? AND counsellor_id = ? ORDER BY minutes LIMIT 1),"
                + " done AS (INSERT INTO appointments (university_id, id, counsellor_id, student_id, session_type_id,"
                + " session_type, session_name, starts_at, ends_at, blocked_from, blocked_until, status, payment, meeting_url,"
                + " booked_by, created_at)"
                + " SELECT ?, gen_random_uuid(), ?, ?, type.id, type.slug, type.name, at, at + interval '30 minutes',"
                + " at, at + interval '30 minutes', 'COMPLETED', 'FREE', 'https://meet.example/s', ?, at - interval '1 day'"
                + " FROM type, generate_series(?, ?) k,"
                + " LATERAL (SELECT date_trunc('hour', now()) - k * interval '1 hour' AS at) t RETURNING id, ends_at)"
                + " INSERT INTO appointment_feedback (university_id, appointment_id, counsellor_id, student_id, rating,"
                + " created_at) SELECT ?, done.id, ?, ?, ?, done.ends_at FROM done";
        Object[] values = {
            university.id(),
            counsellor.id(),
            university.id(),
            counsellor.id(),
            student.id(),
            student.id(),
            fromHours,
            toHours,
            university.id(),
            counsellor.id(),
            student.id(),
            rating
        };
        write(sql, values, java.sql.PreparedStatement::executeUpdate);
    }

    /** What {@link #write} does with the bound statement. */
    private interface Sent<T> {
        T of(java.sql.PreparedStatement statement) throws java.sql.SQLException;
    }

    /** {@code sql} with {@code values} bound, in a transaction of the university's, as its rows. */
    private <T> T write(String sql, Object[] values, Sent<T> sent) {
        return CrossTenant.within(
                university,
                () -> transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    return sent.of(statement);
                })));
    }
}
