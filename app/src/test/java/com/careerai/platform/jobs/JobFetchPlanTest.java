package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import com.careerai.testing.QueryPlans;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.junit.jupiter.api.Test;

/**
 * A worker's fetch of enqueued jobs reads JobRunr's {@code (state, updatedAt)} index in order even when
 * the table's statistics were taken while the queue was nearly empty (ADR 0087, RESULTS session 43): a
 * backlog of 111,000 runs then drained at ~10 runs/s, each fetch of eight sorting every enqueued job.
 */
@MicronautTest(transactional = false)
class JobFetchPlanTest extends IntegrationTest {
    /** JobRunr's fetch ({@code JobTable.selectJobsToProcess}), on a copy of its table. */
    private static final String FETCH =
            "select jobAsJson from fetch_plan_jobs where state = ? ORDER BY updatedAt ASC LIMIT ? FOR UPDATE SKIP LOCKED";

    @Inject
    StorageProvider storage;

    @Test
    void aBacklogAfterStatisticsOfANearlyEmptyQueueIsFetchedInIndexOrder() throws SQLException {
        try (Connection connection = ownerConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE fetch_plan_jobs (LIKE jobrunr_jobs INCLUDING INDEXES)");
            // 20,000 jobs done and deleted but the last five, then statistics: a large table, a few rows
            statement.execute(jobs(1, 20_000, "SUCCEEDED"));
            statement.execute("DELETE FROM fetch_plan_jobs WHERE id < " + id(19_996));
            statement.execute("VACUUM ANALYZE fetch_plan_jobs");
            // then a backlog, which no statistics have seen
            statement.execute(jobs(20_001, 40_000, "ENQUEUED"));

            connection.setAutoCommit(false);
            assertThat(planOfTheFetch(connection))
                    .as("the hazard: the planner's few ENQUEUED rows are all collected and sorted")
                    .contains("Sort");

            statement.execute(JobStorage.FETCH_IN_INDEX_ORDER);
            assertThat(planOfTheFetch(connection))
                    .contains("Index Scan using fetch_plan_jobs_state_updatedat_idx")
                    .doesNotContain("Sort");
            connection.rollback();
        }
    }

    @Test
    void theStoragesFetchOfJobsToProcessRunsWithoutASort() throws SQLException {
        try (Connection connection = ownerConnection()) {
            connection.setAutoCommit(false);
            ((JobStorage) storage).jobTable(connection).selectJobsToProcess(new AmountRequest("updatedAt:ASC", 1));
            assertThat(setting(connection)).isEqualTo("off");
            connection.rollback();
            assertThat(setting(connection))
                    .as("for the fetch's transaction only")
                    .isEqualTo("on");
        }
    }

    private static String jobs(int first, int last, String state) {
        return "INSERT INTO fetch_plan_jobs (id, version, jobAsJson, jobSignature, state, createdAt, updatedAt)"
                + " SELECT lpad(i::text, 36, '0'), 1, repeat('x', 1000), 'fetch-plan-test', '" + state + "',"
                + " timestamp '2026-01-01' + i * interval '1 second', timestamp '2026-01-01' + i * interval '1 second'"
                + " FROM generate_series(" + first + ", " + last + ") i";
    }

    private static String id(int number) {
        return "lpad('" + number + "', 36, '0')";
    }

    private static String planOfTheFetch(Connection connection) throws SQLException {
        return QueryPlans.of(connection, FETCH, explain -> {
            explain.setString(1, "ENQUEUED");
            explain.setInt(2, 8);
        });
    }

    private static String setting(Connection connection) throws SQLException {
        try (Statement show = connection.createStatement();
                ResultSet rows = show.executeQuery("SHOW enable_sort")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
