package com.careerai.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.ai.RunCounterFolds;
import com.careerai.auth.User;
import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.Period;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily counters behind staff analytics (issue 17, ADR 0035) equal the raw aggregates of the
 * facts they count: after a year and more of inserts, runs moving through their statuses (a
 * refund, a re-queued run, a status change whose transaction rolled back), deleted runs and
 * erased downloads and activity — table by table, and figure by figure for ranges counted per
 * day, per week (with cut edges) and per month. The AI run counters hold the days up to the
 * university's fold mark (ADR 0080), folded twice between the changes, and the figures add the
 * runs after it; the other university is never folded (its figures are all live).
 */
@MicronautTest(transactional = false)
class DailyCountersTest extends IntegrationTest {
    static final LocalDate FIRST = LocalDate.parse("2025-10-01");
    static final LocalDate LAST = LocalDate.parse("2026-11-30");
    static final List<Period> PERIODS = List.of(
            new Period(LocalDate.parse("2025-10-01"), LocalDate.parse("2026-09-30")),
            new Period(LocalDate.parse("2025-10-03"), LocalDate.parse("2026-11-30")),
            new Period(LocalDate.parse("2025-12-17"), LocalDate.parse("2026-03-02")),
            new Period(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-04-20")),
            new Period(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30")),
            new Period(LocalDate.parse("2026-06-15"), LocalDate.parse("2026-07-20")));
    /** The AI runs' fold marks of the university, the first before its runs change, the second after. */
    static final LocalDate FIRST_FOLD = LocalDate.parse("2026-01-31");

    static final LocalDate SECOND_FOLD = LocalDate.parse("2026-06-30");

    @Inject
    Fixtures fixtures;

    @Inject
    Analytics analytics;

    @Inject
    RunCounterFolds folds;

    University university;
    University other;
    final List<User> students = new ArrayList<>();

    @BeforeAll
    void dataset() throws SQLException {
        university = fixtures.university();
        other = fixtures.university();
        for (int i = 0; i < 8; i++) {
            students.add(fixtures.student(university));
        }
        User stranger = fixtures.student(other);
        for (University where : List.of(university, other)) {
            User uploader = fixtures.staff(where);
            for (int i = 0; i < 2; i++) {
                execute(
                        "INSERT INTO resources (university_id, uploader_id, uploader_name, title, kind, access, status, url)"
                                + " VALUES (?, ?, 'U', ?, 'LINK', 'EVERYONE', 'APPROVED', 'https://example.com')",
                        where.id(),
                        uploader.id(),
                        "Counted " + i);
            }
        }
        for (User student : students) {
            facts(university, student);
        }
        facts(other, stranger);
        long uni = university.id();
        assertThat(folds.fold(uni, FIRST_FOLD)).isEqualTo(FIRST_FOLD);
        // Runs move on as the worker moves them: most run and succeed, some fail and are refunded,
        // some are re-queued by the sweeper and stay queued, a few are deleted by their student.
        execute(
                "UPDATE ai_runs SET status = 'RUNNING' WHERE university_id = ? AND abs(hashtext(id::text)) % 10 < 8",
                uni);
        execute(
                "UPDATE ai_runs SET status = 'SUCCEEDED' WHERE university_id = ? AND status = 'RUNNING'"
                        + " AND abs(hashtext(id::text)) % 10 < 6",
                uni);
        execute(
                "UPDATE ai_runs SET status = 'FAILED' WHERE university_id = ? AND status = 'RUNNING'"
                        + " AND abs(hashtext(id::text)) % 10 = 6",
                uni);
        execute(
                "UPDATE ai_runs SET status = 'REFUNDED' WHERE university_id = ? AND status = 'FAILED'"
                        + " AND abs(hashtext(id::text)) % 3 > 0",
                uni);
        execute("UPDATE ai_runs SET status = 'QUEUED' WHERE university_id = ? AND status = 'RUNNING'", uni);
        // A job attempt that fails before its commit: its status change and its counts roll back.
        try (Connection connection =
                DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE ai_runs SET status = 'SUCCEEDED' WHERE university_id = ? AND status = 'QUEUED'")) {
                statement.setLong(1, uni);
                assertThat(statement.executeUpdate()).isPositive();
            }
            connection.rollback();
        }
        assertThat(folds.fold(uni, SECOND_FOLD)).isEqualTo(SECOND_FOLD);
        // Retries: a job attempt that starts a run already running (attempts only), and a replayed
        // start request whose run id exists already (nothing inserted).
        execute(
                "UPDATE ai_runs SET status = status, attempts = attempts + 1 WHERE university_id = ?"
                        + " AND status IN ('QUEUED', 'SUCCEEDED')",
                uni);
        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input, created_at)"
                        + " SELECT university_id, id, user_id, tool, 'QUEUED', currency, cost, input, created_at FROM ai_runs"
                        + " WHERE university_id = ? ON CONFLICT DO NOTHING",
                uni);
        execute("DELETE FROM ai_runs WHERE university_id = ? AND abs(hashtext(id::text)) % 17 = 0", uni);
        // A run moved to the day before (a correction by hand): uncounted on its day, counted on the other
        // (across the mark too: a run of the day after it moves to a folded day).
        execute(
                "UPDATE ai_runs SET created_at = created_at - interval '1 day' WHERE university_id = ?"
                        + " AND abs(hashtext(id::text)) % 23 = 0",
                uni);
        // Erasure of one student's downloads and of another's activity in one month.
        execute(
                "DELETE FROM resource_downloads WHERE university_id = ? AND user_id = ?",
                uni,
                students.get(1).id());
        execute(
                "DELETE FROM student_activity WHERE university_id = ? AND user_id = ? AND day >= ? AND day < ?",
                uni,
                students.get(2).id(),
                LocalDate.parse("2026-02-10"),
                LocalDate.parse("2026-03-04"));
    }

    /** A student's activity, runs and downloads on pseudo-random days from FIRST to LAST. */
    private void facts(University where, User student) {
        String days = " FROM generate_series(?::date, ?::date, interval '1 day') AS g (day)"
                + " WHERE abs(hashtext(? || ':' || g.day::date)) % ? = 0";
        execute(
                "INSERT INTO student_activity (university_id, day, user_id) SELECT ?, g.day::date, ?" + days,
                where.id(),
                student.id(),
                FIRST,
                LAST,
                "a" + student.id(),
                3);
        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input, created_at)"
                        + " SELECT ?, gen_random_uuid(), ?,"
                        + " (ARRAY['cv-analysis', 'job-pack', 'skill-mapper'])[1 + abs(hashtext('t' || g.day::date)) % 3],"
                        + " 'QUEUED', 'SILVER', 1, '{}'::jsonb,"
                        // late in the UTC day, so a time-zone slip would move the run to the next day
                        + " g.day::date::timestamp AT TIME ZONE 'UTC' + interval '23 hours 30 minutes'"
                        + days,
                where.id(),
                student.id(),
                FIRST,
                LAST,
                "r" + student.id(),
                2);
        execute(
                "INSERT INTO resource_downloads (university_id, resource_id, user_id, downloaded_at)"
                        + " SELECT ?, (SELECT id FROM resources WHERE university_id = ? ORDER BY id"
                        + "   LIMIT 1 OFFSET abs(hashtext('d' || g.day::date)) % 2), ?,"
                        + " g.day::date::timestamp AT TIME ZONE 'UTC' + interval '30 minutes'"
                        + days,
                where.id(),
                where.id(),
                student.id(),
                FIRST,
                LAST,
                "d" + student.id(),
                4);
    }

    @Test
    void everyCounterTableEqualsTheAggregateOfItsFacts() {
        assertSame(
                "SELECT university_id, day, tool, o.outcome, sum(o.runs) FROM ai_run_days CROSS JOIN LATERAL"
                        + " (VALUES ('in progress', in_progress), ('succeeded', succeeded), ('failed', failed))"
                        + " AS o (outcome, runs) GROUP BY 1, 2, 3, 4 HAVING sum(o.runs) > 0",
                "SELECT university_id, (created_at AT TIME ZONE 'UTC')::date, tool, CASE status"
                        + " WHEN 'SUCCEEDED' THEN 'succeeded' WHEN 'FAILED' THEN 'failed' WHEN 'REFUNDED' THEN 'failed'"
                        + " ELSE 'in progress' END, count(*) FROM ai_runs" + FOLDED + " GROUP BY 1, 2, 3, 4");
        assertSame(
                "SELECT university_id, unit, starts_on, tool, user_id FROM ai_run_students",
                "SELECT DISTINCT university_id, u.unit, date_trunc(u.unit, created_at AT TIME ZONE 'UTC')::date,"
                        + " tool, user_id FROM ai_runs CROSS JOIN (VALUES ('week'), ('month')) AS u (unit)" + FOLDED);
        assertThat(count(
                        "SELECT count(*) FROM ai_run_folds WHERE university_id = ? AND folded_through = ?",
                        university.id(),
                        SECOND_FOLD))
                .as("the university's mark")
                .isOne();
        assertThat(count("SELECT count(*) FROM ai_run_folds WHERE university_id = ?", other.id()))
                .as("the other university's mark")
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM ai_runs WHERE university_id = ? AND created_at >= ?",
                        university.id(),
                        SECOND_FOLD.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC)))
                .as("runs after the mark, read live")
                .isPositive();
        assertSame(
                "SELECT university_id, unit, starts_on, user_id FROM student_activity_periods",
                "SELECT DISTINCT university_id, u.unit, date_trunc(u.unit, day::timestamp)::date, user_id"
                        + " FROM student_activity CROSS JOIN (VALUES ('week'), ('month')) AS u (unit)");
        assertSame(
                "SELECT university_id, unit, starts_on, sum(students) FROM student_activity_counts GROUP BY 1, 2, 3"
                        + " HAVING sum(students) > 0",
                "SELECT university_id, 'day', day, count(*) FROM student_activity GROUP BY 1, 3 UNION ALL"
                        + " SELECT university_id, u.unit, date_trunc(u.unit, day::timestamp)::date, count(DISTINCT user_id)"
                        + " FROM student_activity CROSS JOIN (VALUES ('week'), ('month')) AS u (unit) GROUP BY 1, 2, 3");
        assertSame(
                "SELECT university_id, day, resource_id, sum(downloads) FROM resource_download_days GROUP BY 1, 2, 3"
                        + " HAVING sum(downloads) > 0",
                "SELECT university_id, (downloaded_at AT TIME ZONE 'UTC')::date, resource_id, count(*)"
                        + " FROM resource_downloads GROUP BY 1, 2, 3");
        assertSame(
                "SELECT university_id, unit, starts_on, resource_id, user_id FROM resource_download_students",
                "SELECT DISTINCT university_id, u.unit, date_trunc(u.unit, downloaded_at AT TIME ZONE 'UTC')::date,"
                        + " resource_id, user_id FROM resource_downloads CROSS JOIN (VALUES ('week'), ('month')) AS u (unit)");
        assertThat(count(
                        "SELECT count(*) FROM ai_runs WHERE university_id = ? AND status = 'REFUNDED'",
                        university.id()))
                .as("the dataset has refunds")
                .isPositive();
        assertThat(count("SELECT count(*) FROM ai_runs WHERE university_id = ? AND status = 'QUEUED'", university.id()))
                .as("the dataset has re-queued runs")
                .isPositive();
    }

    /** The runs of the days up to their university's fold mark (none when it has none). */
    private static final String FOLDED =
            " WHERE (created_at AT TIME ZONE 'UTC')::date <= ai_run_folded_through(university_id)";

    /** Both queries' rows of this test's two universities, compared as sets in both directions. */
    private void assertSame(String counters, String facts) {
        String mine = " WHERE university_id IN (" + university.id() + ", " + other.id() + ")";
        String wrappedCounters = "SELECT * FROM (" + counters + ") AS c" + mine;
        String wrappedFacts = "SELECT * FROM (" + facts + ") AS f" + mine;
        assertThat(count("SELECT count(*) FROM (" + wrappedCounters + ") AS c"))
                .as(counters)
                .isPositive()
                .isEqualTo(count("SELECT count(*) FROM (" + wrappedFacts + ") AS f"));
        assertThat(count("SELECT count(*) FROM ((" + wrappedCounters + ") EXCEPT (" + wrappedFacts + ")) AS d"))
                .as("counter rows not in the facts: " + counters)
                .isZero();
        assertThat(count("SELECT count(*) FROM ((" + wrappedFacts + ") EXCEPT (" + wrappedCounters + ")) AS d"))
                .as("fact aggregates not in the counters: " + counters)
                .isZero();
    }

    @Test
    void figuresFromTheCountersEqualTheRawAggregates() {
        long uni = university.id();
        for (Period period : PERIODS) {
            String at = period + " by " + period.bucket();
            Figure active = figure(period, "active-students");
            assertThat(active.totals().get(0).longValue())
                    .as("active students " + at)
                    .isEqualTo(count(
                            "SELECT count(DISTINCT user_id) FROM student_activity WHERE university_id = ? AND day BETWEEN ? AND ?",
                            uni,
                            period.from(),
                            period.to()));
            for (Period.Bucket bucket : period.bucketsInside()) {
                assertThat(value(active, bucket.start().toString()))
                        .as("active students in the bucket " + bucket + " " + at)
                        .isEqualTo(count(
                                "SELECT count(DISTINCT user_id) FROM student_activity"
                                        + " WHERE university_id = ? AND day BETWEEN ? AND ?",
                                uni,
                                bucket.from(),
                                bucket.to()));
            }

            Figure runs = figure(period, "ai-runs");
            List<String> outcomes = List.of("SUCCEEDED", "FAILED', 'REFUNDED", "QUEUED', 'RUNNING");
            for (int outcome = 0; outcome < outcomes.size(); outcome++) {
                assertThat(runs.totals().get(outcome).longValue())
                        .as("runs " + outcomes.get(outcome) + " " + at)
                        .isEqualTo(count(
                                "SELECT count(*) FROM ai_runs WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                                        + " AND status IN ('" + outcomes.get(outcome) + "')",
                                uni,
                                period.start(),
                                period.end()));
                for (Period.Bucket bucket : period.bucketsInside()) {
                    assertThat(value(runs, bucket.start().toString(), outcome))
                            .as("runs " + outcomes.get(outcome) + " in " + bucket + " " + at)
                            .isEqualTo(count(
                                    "SELECT count(*) FROM ai_runs WHERE university_id = ?"
                                            + " AND (created_at AT TIME ZONE 'UTC')::date BETWEEN ? AND ?"
                                            + " AND status IN ('" + outcomes.get(outcome) + "')",
                                    uni,
                                    bucket.from(),
                                    bucket.to()));
                }
            }
            Map<String, Figure.Row> byTool = figure(period, "ai-runs-by-tool").rows().stream()
                    .collect(Collectors.toMap(Figure.Row::label, row -> row));
            assertThat(byTool).isNotEmpty();
            byTool.forEach((tool, row) -> {
                long students = count(
                        "SELECT count(DISTINCT user_id) FROM ai_runs WHERE university_id = ? AND tool = ?"
                                + " AND created_at >= ? AND created_at < ?",
                        uni,
                        tool,
                        period.start(),
                        period.end());
                if (students >= Figure.SMALLEST_GROUP) {
                    assertThat(row.students())
                            .as("students of " + tool + " " + at)
                            .isEqualTo(students);
                } else {
                    assertThat(row.suppressed()).as(tool + " " + at).isTrue();
                }
                assertThat(
                                row.suppressed()
                                        ? 0L
                                        : row.values().stream()
                                                .mapToLong(Number::longValue)
                                                .sum())
                        .as("runs of " + tool + " " + at)
                        .isEqualTo(
                                row.suppressed()
                                        ? 0L
                                        : count(
                                                "SELECT count(*) FROM ai_runs WHERE university_id = ? AND tool = ?"
                                                        + " AND created_at >= ? AND created_at < ?",
                                                uni,
                                                tool,
                                                period.start(),
                                                period.end()));
            });

            Figure downloads = figure(period, "resource-downloads");
            assertThat(downloads.totals().get(0).longValue())
                    .as("downloads " + at)
                    .isEqualTo(count(
                            "SELECT count(*) FROM resource_downloads WHERE university_id = ?"
                                    + " AND downloaded_at >= ? AND downloaded_at < ?",
                            uni,
                            period.start(),
                            period.end()));
            for (Figure.Row row : figure(period, "top-resources").rows()) {
                long students = count(
                        "SELECT count(DISTINCT d.user_id) FROM resource_downloads d JOIN resources r"
                                + " ON r.university_id = d.university_id AND r.id = d.resource_id"
                                + " WHERE d.university_id = ? AND r.title = ? AND d.downloaded_at >= ? AND d.downloaded_at < ?",
                        uni,
                        row.label(),
                        period.start(),
                        period.end());
                assertThat(row.suppressed() ? null : row.students())
                        .as("students of " + row.label() + " " + at)
                        .isEqualTo(students >= Figure.SMALLEST_GROUP ? students : null);
            }
        }
    }

    private Figure figure(Period period, String name) {
        return fixtures.in(university, () -> analytics.figure(university.id(), period, name))
                .orElseThrow();
    }

    private static long value(Figure figure, String label) {
        return value(figure, label, 0);
    }

    private static long value(Figure figure, String label, int column) {
        return figure.rows().stream()
                .filter(row -> row.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + figure.name()))
                .values()
                .get(column)
                .longValue();
    }
}
