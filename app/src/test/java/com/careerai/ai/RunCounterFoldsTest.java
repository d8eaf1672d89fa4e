package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.Period;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * AI run counters without a write per run (V105, ADR 0080): a run of today writes no counter and
 * is counted live; the fold writes the days up to two days ago, the same however often it runs; a
 * change to a run of a folded day is corrected once, whether it commits before or after a fold of
 * that university (the fold and the correction serialise on an advisory lock).
 */
@MicronautTest(transactional = false)
class RunCounterFoldsTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    RunCounterFolds folds;

    @Inject
    RunFigureSource figures;

    @Test
    void aRunOfTodayWritesNoCounterAndIsCountedLive() {
        University university = fixtures.university();
        User student = fixtures.student(university);
        assertThat(folds.fold(university.id(), null)).isEqualTo(today().minusDays(2));

        UUID run = insertRun(university, student, 0);
        execute("UPDATE ai_runs SET status = 'RUNNING' WHERE id = ?", run);
        execute("UPDATE ai_runs SET status = 'SUCCEEDED' WHERE id = ?", run);

        assertThat(count("SELECT count(*) FROM ai_run_days WHERE university_id = ?", university.id()))
                .as("counter rows written by a run of today")
                .isZero();
        assertThat(count("SELECT count(*) FROM ai_run_students WHERE university_id = ?", university.id()))
                .isZero();
        Figure runs = fixtures.in(
                        university, () -> figures.figures(university.id(), new Period(today().minusDays(6), today())))
                .get(0);
        assertThat(runs.totals()).as("succeeded, failed, in progress").containsExactly(1L, 0L, 0L);
    }

    @Test
    void foldingAgainChangesNothingAndNeverPassesTwoDaysAgo() {
        University university = fixtures.university();
        User student = fixtures.student(university);
        for (int daysAgo : List.of(40, 10, 10, 5, 3, 2, 1, 0)) {
            insertRun(university, student, daysAgo);
        }
        execute(
                "UPDATE ai_runs SET status = 'SUCCEEDED' WHERE university_id = ? AND created_at < now() - interval '4 days'",
                university.id());

        assertThat(folds.fold(university.id(), today().minusDays(7))).isEqualTo(today().minusDays(7));
        assertCountersAreTheFoldedRuns(university, 3);
        assertThat(folds.fold(university.id(), today().minusDays(20)))
                .as("a fold never moves the mark back")
                .isEqualTo(today().minusDays(7));
        assertThat(folds.fold(university.id(), today()))
                .as("nor past two days ago")
                .isEqualTo(today().minusDays(2));
        assertCountersAreTheFoldedRuns(university, 6);
        String before = counters(university);
        assertThat(folds.fold(university.id(), null)).isEqualTo(today().minusDays(2));
        assertThat(counters(university)).as("folded again").isEqualTo(before);
        assertCountersAreTheFoldedRuns(university, 6);
    }

    @Test
    void theJobFoldsEveryUniversityBehindAndThenFindsNone() {
        University university = fixtures.university();
        User student = fixtures.student(university);
        insertRun(university, student, 5);
        insertRun(university, student, 1);

        assertThat(folds.foldBehind()).as("universities folded").isPositive();
        assertThat(count(
                        "SELECT count(*) FROM ai_run_folds WHERE university_id = ? AND folded_through = ?",
                        university.id(),
                        today().minusDays(2)))
                .isOne();
        assertCountersAreTheFoldedRuns(university, 1);
        assertThat(folds.foldBehind()).as("universities behind after the job").isZero();
    }

    @Test
    void aCorrectionCommittedAfterAFoldOfItsDayIsCountedOnce() throws SQLException {
        University university = fixtures.university();
        User student = fixtures.student(university);
        UUID kept = insertRun(university, student, 5);
        UUID deleted = insertRun(university, student, 5);
        folds.fold(university.id(), today().minusDays(10));

        try (Connection correction = ownerConnection()) {
            correction.setAutoCommit(false);
            update(correction, "DELETE FROM ai_runs WHERE id = ?", deleted);
            // the fold reads the run, not yet deleted for it, and folds its day
            assertThat(folds.fold(university.id(), null)).isEqualTo(today().minusDays(2));
            assertThat(count("SELECT sum(in_progress) FROM ai_run_days WHERE university_id = ?", university.id()))
                    .isEqualTo(2);
            correction.commit(); // the correction finds the day folded and takes the run out
        }
        assertCountersAreTheFoldedRuns(university, 1);
        assertThat(count("SELECT count(*) FROM ai_runs WHERE id = ?", kept)).isOne();
    }

    @Test
    void aFoldWaitsForACorrectionInFlightAndReadsItsRunsAfterIt() throws Exception {
        University university = fixtures.university();
        User student = fixtures.student(university);
        insertRun(university, student, 5);
        UUID deleted = insertRun(university, student, 5);
        folds.fold(university.id(), today().minusDays(10));

        CompletableFuture<LocalDate> fold;
        try (Connection correction = ownerConnection()) {
            correction.setAutoCommit(false);
            update(correction, "DELETE FROM ai_runs WHERE id = ?", deleted);
            // its correction runs now: the day is not folded, so it changes no counter and holds the lock
            try (PreparedStatement now = correction.prepareStatement("SET CONSTRAINTS ALL IMMEDIATE")) {
                now.execute();
            }
            fold = CompletableFuture.supplyAsync(() -> folds.fold(university.id(), null));
            waitForAWaitingAdvisoryLock();
            assertThat(fold)
                    .as("the fold, while the correction's transaction is open")
                    .isNotDone();
            correction.commit();
        }
        assertThat(fold.get(30, TimeUnit.SECONDS)).isEqualTo(today().minusDays(2));
        assertCountersAreTheFoldedRuns(university, 1);
    }

    /** The counters equal the aggregate of the runs up to the mark, and hold {@code runs} runs. */
    private void assertCountersAreTheFoldedRuns(University university, long runs) {
        String folded = " WHERE university_id = " + university.id();
        String counted = "SELECT day, tool, sum(in_progress), sum(succeeded), sum(failed) FROM ai_run_days" + folded
                + " GROUP BY 1, 2 HAVING sum(in_progress + succeeded + failed) > 0";
        String facts = "SELECT (created_at AT TIME ZONE 'UTC')::date, tool,"
                + " count(*) FILTER (WHERE ai_run_outcome(status) = 0), count(*) FILTER (WHERE ai_run_outcome(status) = 1),"
                + " count(*) FILTER (WHERE ai_run_outcome(status) = 2) FROM ai_runs" + folded
                + " AND (created_at AT TIME ZONE 'UTC')::date <= ai_run_folded_through(university_id) GROUP BY 1, 2";
        assertThat(count("SELECT count(*) FROM ((" + counted + ") EXCEPT (" + facts + ")) AS d"))
                .isZero();
        assertThat(count("SELECT count(*) FROM ((" + facts + ") EXCEPT (" + counted + ")) AS d"))
                .isZero();
        assertThat(count("SELECT coalesce(sum(in_progress + succeeded + failed), 0) FROM ai_run_days" + folded))
                .as("runs counted")
                .isEqualTo(runs);
    }

    private String counters(University university) {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = ownerConnection();
                PreparedStatement read = connection.prepareStatement(
                        "SELECT day, tool, slot, in_progress, succeeded, failed FROM ai_run_days WHERE university_id = ?"
                                + " ORDER BY 1, 2, 3")) {
            read.setLong(1, university.id());
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    for (int column = 1; column <= 6; column++) {
                        rows.append(row.getString(column)).append(column == 6 ? "\n" : " ");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows.toString();
    }

    private void waitForAWaitingAdvisoryLock() {
        await().alias("a fold waiting for the advisory lock")
                .atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0);
    }

    private LocalDate today() {
        try (Connection connection = ownerConnection();
                PreparedStatement read = connection.prepareStatement("SELECT (now() AT TIME ZONE 'UTC')::date");
                ResultSet row = read.executeQuery()) {
            row.next();
            return row.getObject(1, LocalDate.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A QUEUED run of the student's, created {@code daysAgo} days ago (at the same time of day as now). */
    private UUID insertRun(University university, User student, int daysAgo) {
        UUID id = UUID.randomUUID();
        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input, created_at)"
                        + " VALUES (?, ?, ?, 'job-pack', 'QUEUED', 'SILVER', 1, '{}'::jsonb,"
                        + " now() - make_interval(days => ?))",
                university.id(),
                id,
                student.id(),
                daysAgo);
        return id;
    }

    private static void update(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            assertThat(statement.executeUpdate()).isOne();
        }
    }
}
