package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A run is counted in {@code ai_run_days} when its transaction commits (V102, ADR 0070): the
 * transaction that inserts or ends a run holds no counter row until then, so other starts and
 * finishes of the university's tool that day do not wait for it; after the commit the counts are
 * exact, and a rollback counts nothing.
 */
@MicronautTest(transactional = false)
class RunCountedAtCommitTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Test
    void aRunsTransactionLocksNoCounterRowBeforeItCommits() throws SQLException {
        University university = fixtures.university();
        User student = fixtures.student(university);
        UUID first = UUID.randomUUID();
        insertRun(university, student, first); // committed: its slot's counter row exists
        UUID second = sameSlotAs(first);

        try (Connection run = owner();
                Connection other = owner()) {
            run.setAutoCommit(false);
            insertRun(run, university, student, second);
            assertThat(lockCounters(other, university))
                    .as("the counter rows, locked without waiting while the run's insert is not committed")
                    .containsExactly(1, 0);
            update(run, "UPDATE ai_runs SET status = 'RUNNING' WHERE id = ?", second);
            update(run, "UPDATE ai_runs SET status = 'SUCCEEDED' WHERE id = ?", second);
            assertThat(lockCounters(other, university))
                    .as("nor while its end is not committed")
                    .containsExactly(1, 0);
            run.commit();
            assertThat(lockCounters(other, university))
                    .as("counted once committed: the first run in progress, the second succeeded")
                    .containsExactly(1, 1);

            update(run, "UPDATE ai_runs SET status = 'FAILED' WHERE id = ?", first);
            run.rollback();
        }
        assertThat(lockCounters(university))
                .as("a rolled-back end counts nothing")
                .containsExactly(1, 1);
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "");
    }

    private void insertRun(University university, User student, UUID id) throws SQLException {
        try (Connection connection = owner()) {
            insertRun(connection, university, student, id);
        }
    }

    private static void insertRun(Connection connection, University university, User student, UUID id)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input)"
                        + " VALUES (?, ?, ?, 'job-pack', 'QUEUED', 'SILVER', 1, '{}'::jsonb)")) {
            insert.setLong(1, university.id());
            insert.setObject(2, id);
            insert.setLong(3, student.id());
            insert.executeUpdate();
        }
    }

    /** A new run id counted in the same counter row (slot) as {@code run}'s. */
    private UUID sameSlotAs(UUID run) throws SQLException {
        try (Connection connection = owner();
                PreparedStatement pick = connection.prepareStatement(
                        "SELECT id FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, 1000)) AS candidates"
                                + " WHERE hashtext(id::text) & 7 = hashtext(?::text) & 7 LIMIT 1")) {
            pick.setObject(1, run);
            try (ResultSet rows = pick.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static void update(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            assertThat(statement.executeUpdate()).isOne();
        }
    }

    private long[] lockCounters(University university) throws SQLException {
        try (Connection connection = owner()) {
            return lockCounters(connection, university);
        }
    }

    /**
     * The university's runs in progress and succeeded, summed over its counter rows, which are locked
     * with NOWAIT in a transaction of their own: a row another transaction holds fails the read.
     */
    private static long[] lockCounters(Connection connection, University university) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT coalesce(sum(in_progress), 0), coalesce(sum(succeeded), 0) FROM"
                        + " (SELECT in_progress, succeeded FROM ai_run_days WHERE university_id = ? FOR UPDATE NOWAIT) AS c")) {
            read.setLong(1, university.id());
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }
}
