package com.careerai.analytics;

import static com.careerai.testing.IntegrationTest.hostOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.Period;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff analytics on a dataset small enough to count by hand: the figures equal the hand-made
 * numbers (this range and the previous one), a figure's CSV equals the table under its chart,
 * groups of fewer than 5 students are suppressed, another university's rows never show, bad dates
 * answer 422 and students are refused.
 */
@MicronautTest(transactional = false)
class AnalyticsTest extends IntegrationTest {
    static final Period MARCH = new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10"));
    static final String RANGE = "from=2026-03-01&to=2026-03-10";
    private static final java.util.concurrent.atomic.AtomicInteger LEADS =
            new java.util.concurrent.atomic.AtomicInteger();

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Analytics analytics;

    @Inject
    @Client("/")
    HttpClient client;

    University university;
    University other;
    SignedIn staffSession;
    SignedIn otherStaffSession;
    List<User> students = new ArrayList<>();

    @BeforeAll
    void dataset() {
        university = fixtures.university();
        other = fixtures.university();
        staffSession = sessions.signIn(fixtures.staff(university));
        otherStaffSession = sessions.signIn(fixtures.staff(other));
        for (int i = 0; i < 7; i++) {
            students.add(fixtures.student(university));
        }
        // sign-ups: three on 2 March, one on 5 March; three in the previous range (20 February)
        signedUp(0, "2026-03-02");
        signedUp(1, "2026-03-02");
        signedUp(2, "2026-03-02");
        signedUp(3, "2026-03-05");
        signedUp(4, "2026-02-20");
        signedUp(5, "2026-02-20");
        signedUp(6, "2026-02-20");
        // activity: s0 on 1 and 2 March, s1 on 2 March, s2 on 10 March; s4 on 25 February
        active(0, "2026-03-01");
        active(0, "2026-03-02");
        active(1, "2026-03-02");
        active(2, "2026-03-10");
        active(4, "2026-02-25");
        // runs: resume-review by five students (one of them also failed once), cover-letter by two
        for (int i = 0; i < 5; i++) {
            run(university, students.get(i), "resume-review", "SUCCEEDED", "2026-03-03 09:00Z");
        }
        run(university, students.get(0), "resume-review", "REFUNDED", "2026-03-03 10:00Z");
        run(university, students.get(0), "cover-letter", "SUCCEEDED", "2026-03-04 09:00Z");
        run(university, students.get(1), "cover-letter", "SUCCEEDED", "2026-03-04 09:00Z");
        run(university, students.get(1), "cover-letter", "SUCCEEDED", "2026-02-24 09:00Z");
        // leads: three contacted after 10, 20 and 60 minutes, one not yet
        lead(university, "2026-03-01 10:00Z", "2026-03-01 10:10Z");
        lead(university, "2026-03-01 11:00Z", "2026-03-01 11:20Z");
        lead(university, "2026-03-01 12:00Z", "2026-03-01 13:00Z");
        lead(university, "2026-03-02 12:00Z", null);
        // another university's run, which must never show here
        User stranger = fixtures.student(other);
        run(other, stranger, "secret-tool", "SUCCEEDED", "2026-03-03 09:00Z");
    }

    @Test
    void figuresEqualTheHandCountedNumbers() {
        Analytics.Report report = fixtures.in(university, () -> analytics.report(university.id(), MARCH));
        assertThat(report.previousFrom()).isEqualTo(LocalDate.parse("2026-02-19"));
        assertThat(report.previousTo()).isEqualTo(LocalDate.parse("2026-02-28"));
        Map<String, Analytics.Compared> figures = report.figures().stream()
                .collect(Collectors.toMap(compared -> compared.figure().name(), compared -> compared));
        assertThat(figures.keySet())
                .contains(
                        "sign-ups",
                        "active-students",
                        "active-students-dwm",
                        "ai-runs",
                        "ai-runs-by-tool",
                        "credits",
                        "popular-interests",
                        "appointments",
                        "counsellors",
                        "resource-downloads",
                        "top-resources",
                        "enrolments",
                        "enrolments-by-course",
                        "payments",
                        "revenue",
                        "leads-by-stage",
                        "speed-to-lead",
                        "tickets",
                        "ticket-response-times");

        Analytics.Compared signUps = figures.get("sign-ups");
        assertThat(signUps.figure().totals()).containsExactly(4L);
        assertThat(signUps.previous().totals()).containsExactly(3L);
        assertThat(signUps.figure().rows()).hasSize(10);
        assertThat(value(signUps.figure(), "2026-03-02", 0)).isEqualTo(3L);
        assertThat(value(signUps.figure(), "2026-03-05", 0)).isEqualTo(1L);
        assertThat(value(signUps.figure(), "2026-03-06", 0)).isEqualTo(0L);

        Analytics.Compared active = figures.get("active-students");
        assertThat(active.figure().totals()).containsExactly(3L);
        assertThat(active.previous().totals()).containsExactly(1L);
        assertThat(value(active.figure(), "2026-03-02", 0)).isEqualTo(2L);
        Figure dwm = figures.get("active-students-dwm").figure();
        assertThat(dwm.rows().stream().map(row -> row.values().get(0))).containsExactly(1L, 1L, 4L);

        Analytics.Compared runs = figures.get("ai-runs");
        assertThat(runs.figure().totals()).containsExactly(7L, 1L, 0L);
        assertThat(runs.previous().totals()).containsExactly(1L, 0L, 0L);
        assertThat(value(runs.figure(), "2026-03-03", 0)).isEqualTo(5L);
        assertThat(value(runs.figure(), "2026-03-03", 1)).isEqualTo(1L);
        assertThat(value(runs.figure(), "2026-03-04", 0)).isEqualTo(2L);

        Figure byTool = figures.get("ai-runs-by-tool").figure();
        assertThat(byTool.rows()).extracting(Figure.Row::label).containsExactly("resume-review", "cover-letter");
        assertThat(byTool.rows().get(0).values()).containsExactly(5L, 1L, 0L);
        assertThat(byTool.rows().get(0).suppressed()).isFalse();
        assertThat(byTool.rows().get(1).suppressed()).as("two students only").isTrue();
        assertThat(byTool.rows().get(1).values()).containsOnlyNulls();

        Figure stages = figures.get("leads-by-stage").figure();
        assertThat(stages.totals()).containsExactly(4L);
        assertThat(stages.rows().stream().collect(Collectors.toMap(Figure.Row::label, row -> row.values()
                        .get(0))))
                .containsEntry("New", 1L)
                .containsEntry("Contacted", 3L)
                .containsEntry("Lost", 0L);
        Figure speed = figures.get("speed-to-lead").figure();
        assertThat(speed.totals()).containsExactly(20L, 3L);
        assertThat(value(speed, "2026-03-01", 0)).isEqualTo(20L);
    }

    @Test
    void theCsvEqualsTheTableUnderTheChartWithSmallGroupsSuppressed() {
        HttpResponse<String> page = get("/staff/analytics?" + RANGE, staffSession);
        assertThat(page.code()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("canvas[data-chart=ai-runs-by-tool]")).hasSize(1);
        assertThat(html.select("script[src=/static/vendor/chart.js/chart.umd.js]"))
                .hasSize(1);
        assertThat(page.body()).contains("Groups of fewer than 5 students are suppressed");
        Element table = html.selectFirst("table[data-table=ai-runs-by-tool]");
        List<String> fromTable = new ArrayList<>();
        for (Element row : table.select("tr")) {
            fromTable.add(row.select("th, td").eachText().stream().collect(Collectors.joining(",")));
        }

        HttpResponse<String> csv = get("/api/v1/staff/analytics/ai-runs-by-tool.csv?" + RANGE, staffSession);
        assertThat(csv.code()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines)
                .containsExactly("Tool,Succeeded,Failed,In progress", "resume-review,5,1,0", "cover-letter,<5,<5,<5");
        assertThat(lines).isEqualTo(fromTable);
        assertThat(html.select("a[data-csv=ai-runs-by-tool]").attr("href"))
                .isEqualTo("/api/v1/staff/analytics/ai-runs-by-tool.csv?" + RANGE);
    }

    @Test
    void theJsonHoldsEveryFigureAndTheComparison() {
        HttpResponse<String> json = get("/api/v1/staff/analytics?" + RANGE, staffSession);
        assertThat(json.code()).isEqualTo(200);
        assertThat(json.body())
                .contains("\"previousFrom\":\"2026-02-19\"")
                .contains("\"name\":\"ai-runs-by-tool\"")
                .contains("\"suppressed\":true")
                .doesNotContain("secret-tool");
    }

    @Test
    void anotherUniversitySeesOnlyItsOwnFigures() {
        String theirs = get("/api/v1/staff/analytics/ai-runs-by-tool.csv?" + RANGE, otherStaffSession)
                .body();
        assertThat(theirs).contains("secret-tool").doesNotContain("resume-review");
        assertThat(get("/api/v1/staff/analytics/no-such-figure.csv?" + RANGE, staffSession)
                        .code())
                .isEqualTo(404);
    }

    @Test
    void badDatesAnswer422WithMessages() {
        HttpResponse<String> page = get("/staff/analytics?from=2026-03-10&to=2026-03-01", staffSession);
        assertThat(page.code()).isEqualTo(422);
        assertThat(page.body())
                .contains("The end date must be on or after the start date.")
                .contains("value=\"2026-03-10\"");
        HttpResponse<String> json = get("/api/v1/staff/analytics?from=soon", staffSession);
        assertThat(json.code()).isEqualTo(422);
        assertThat(json.body()).contains("\"error\":\"validation_failed\"").contains("\"from\"");
        assertThat(get("/api/v1/staff/analytics?from=2020-01-01&to=2026-01-01", staffSession)
                        .code())
                .isEqualTo(422);
        assertThat(get("/api/v1/staff/analytics/sign-ups.csv?to=bad", staffSession)
                        .code())
                .isEqualTo(422);
    }

    @Test
    void theDefaultIsTheLastThirtyDays() {
        String page = get("/staff/analytics", staffSession).body();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(page).contains("value=\"" + today.minusDays(29) + "\"").contains("value=\"" + today + "\"");
    }

    @Test
    void studentsAreRefusedAndTheirRequestsCountAsActivity() {
        User student = fixtures.verifiedStudent(university);
        SignedIn session = sessions.signIn(student);
        assertThat(get("/staff/analytics", session).code()).isEqualTo(403);
        assertThat(get("/api/v1/staff/analytics", session).code()).isEqualTo(403);
        assertThat(get("/api/v1/staff/analytics", null).code()).isEqualTo(401);
        assertThat(count(
                        "SELECT count(*) FROM student_activity WHERE university_id = ? AND user_id = ? AND day = ?",
                        university.id(),
                        student.id(),
                        LocalDate.now(ZoneOffset.UTC)))
                .isEqualTo(1);
    }

    private static Number value(Figure figure, String label, int column) {
        return figure.rows().stream()
                .filter(row -> row.label().equals(label))
                .findFirst()
                .orElseThrow()
                .values()
                .get(column);
    }

    private void signedUp(int student, String day) {
        execute(
                "UPDATE users SET created_at = ?::date WHERE university_id = ? AND id = ?",
                day,
                university.id(),
                students.get(student).id());
    }

    private void active(int student, String day) {
        execute(
                "INSERT INTO student_activity (university_id, day, user_id) VALUES (?, ?::date, ?)",
                university.id(),
                day,
                students.get(student).id());
    }

    private void run(University where, User student, String tool, String status, String at) {
        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'SILVER', 1, '{}'::jsonb, ?::timestamptz)",
                where.id(),
                UUID.randomUUID(),
                student.id(),
                tool,
                status,
                at);
    }

    /** A lead of its own person: one lead per email and per phone in a university (V68). */
    private void lead(University where, String at, String contactedAt) {
        int person = LEADS.incrementAndGet();
        execute(
                "INSERT INTO leads (university_id, name, email, phone, consent_at, status, first_contacted_at, created_at)"
                        + " VALUES (?, 'Lead', ?, ?, ?::timestamptz, ?, ?::timestamptz, ?::timestamptz)",
                where.id(),
                "lead" + person + "@example.com",
                String.format("+1555000%04d", person),
                at,
                contactedAt == null ? "NEW" : "CONTACTED",
                contactedAt,
                at);
    }

    private HttpResponse<String> get(String path, SignedIn session) {
        University host = session == otherStaffSession ? other : university;
        var request = HttpRequest.GET(path)
                .accept(
                        path.startsWith("/api/")
                                ? (path.contains(".csv") ? "text/csv" : MediaType.APPLICATION_JSON)
                                : MediaType.TEXT_HTML)
                .header("Host", hostOf(host.subdomain()));
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return Http.exchange(client, request);
    }
}
