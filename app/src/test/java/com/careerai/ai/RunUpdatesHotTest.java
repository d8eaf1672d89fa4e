package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's way from QUEUED to SUCCEEDED as the worker writes it (issue 19, ADR 0063): the move to
 * RUNNING changes no indexed column of ai_runs, so PostgreSQL keeps it on the row's page without a
 * new entry in any index (a HOT update). Counted by this transaction's own statistics
 * (pg_stat_xact_user_tables), which no other session moves.
 */
@MicronautTest(transactional = false)
class RunUpdatesHotTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    UnitOfWork units;

    @Inject
    AiRunRepository runs;

    @Inject
    JdbcOperations jdbc;

    University university;
    User student;

    @BeforeEach
    void student() {
        university = fixtures.university();
        student = fixtures.verifiedStudent(university);
    }

    @Test
    void theMoveToRunningIsHotAndOnlyTheLastUpdateTouchesTheIndexes() {
        long[] updates = units.inUniversity(university.id(), () -> {
            UUID id = queued();
            assertThat(runs.markRunning(university.id(), id)).isPresent();
            long[] afterRunning = updatesOfAiRuns();
            assertThat(runs.succeed(
                            university.id(), id, JsonNodeFactory.instance.objectNode(), "mock", false, true, 1, 1))
                    .isTrue();
            long[] afterSucceeded = updatesOfAiRuns();
            return new long[] {afterRunning[0], afterRunning[1], afterSucceeded[0], afterSucceeded[1]};
        });
        assertThat(updates[0]).as("updates after RUNNING").isEqualTo(1);
        assertThat(updates[1]).as("HOT updates after RUNNING").isEqualTo(1);
        // SUCCEEDED sets finished_at, which takes the run out of the sweeper's partial index
        assertThat(updates[2]).as("updates after SUCCEEDED").isEqualTo(2);
        assertThat(updates[3]).as("HOT updates after SUCCEEDED").isEqualTo(1);
    }

    @Test
    void theSweeperStillFindsAFailedRunButNotARefundedOne() {
        UUID failed = units.inUniversity(university.id(), () -> {
            UUID id = queued();
            assertThat(runs.markFailed(university.id(), id, "lost")).isTrue();
            return id;
        });
        UUID refunded = units.inUniversity(university.id(), () -> {
            UUID id = queued();
            assertThat(runs.markFailed(university.id(), id, "lost")).isTrue();
            assertThat(runs.markRefunded(university.id(), id)).isTrue();
            return id;
        });
        List<UUID> unfinished = runs.unfinishedBefore(Instant.now().plusSeconds(60), 10_000).stream()
                .map(AiRunRepository.RunReference::id)
                .toList();
        assertThat(unfinished).contains(failed).doesNotContain(refunded);
        assertThat(units.inUniversity(
                        university.id(),
                        () -> runs.find(university.id(), refunded).orElseThrow().finishedAt()))
                .as("a refunded run is finished")
                .isNotNull();
    }

    private UUID queued() {
        UUID id = UUID.randomUUID();
        SqlRows.update(
                jdbc,
                "INSERT INTO ai_runs (university_id, id, user_id, tool, title, status, currency, cost, demo, input)"
                        + " VALUES (?, ?, ?, 'job-pack', 'Job Pack', 'QUEUED', 'SILVER', 1, true, '{}')",
                SqlRows.parameters(university.id(), id, student.id()));
        return id;
    }

    /** This transaction's updates of ai_runs so far, and how many of them were HOT. */
    private long[] updatesOfAiRuns() {
        return SqlRows.single(
                jdbc,
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'ai_runs'",
                SqlRows.parameters(),
                rows -> new long[] {rows.getLong(1), rows.getLong(2)});
    }
}
