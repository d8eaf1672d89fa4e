package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RedisCommandCounter;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What starting a queued run sends to the database (issue 19, the debit path): the debit, the job
 * and the run in one transaction (ADR 0043), the run last (ADR 0062) — the job used to take a
 * connection, a transaction and a commit of its own after the run's.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class RunStartQueriesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    @Inject
    StatementCounter counter;

    @Inject
    RedisCommandCounter redis;

    @Inject
    StorageProvider jobs;

    private University university;
    private SignedIn student;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.test.count-statements",
                "true",
                "careerai.test.count-redis-commands",
                "true",
                "careerai.ai.mode",
                "mock");
    }

    @BeforeEach
    void student() {
        university = fixtures.university();
        User user = fixtures.verifiedStudent(university);
        fixtures.in(
                university,
                () -> wallets.grant(
                        university.id(), user.id(), Currency.SILVER, 20, "queries:" + user.id(), "test", "setup"));
        student = sessions.signIn(user);
        start(); // the node's first start of the day records the student's activity: not counted below
    }

    @Test
    void aRunStartIsOneTransactionHoldingTheDebitTheRunAndItsJob() {
        counter.reset();
        HttpResponse<Map> started = start();
        assertThat(started.code()).isEqualTo(202);
        List<String> statements = counter.statements();
        assertThat(statements.stream().filter(sql -> sql.contains("jobrunr_jobs")))
                .as("the job's row: %s", statements)
                .hasSize(1);
        assertThat(statements.stream().filter(sql -> sql.contains("INSERT INTO ai_runs")))
                .hasSize(1);
        // the debit: its ledger row and the wallet's update in one statement, which answers only whether
        // the wallet covered it (the row is not sent back and mapped: a run start never reads it)
        assertThat(statements.stream().filter(sql -> sql.contains("INSERT INTO credit_transactions")))
                .singleElement()
                .satisfies(sql -> assertThat(sql)
                        .contains("UPDATE credit_wallets")
                        .endsWith("SELECT EXISTS (SELECT 1 FROM taken) AS covered FROM entry")
                        .doesNotContain("metadata::text")
                        .doesNotContain("created_at"));
        // the run's row last: its trigger took the university's day counter row until the commit, and
        // a start that held it across the job's round trip too kept the others waiting (ADR 0062); since
        // ADR 0080 a run of today is counted by no trigger, and the row last still holds nothing early
        assertThat(statements.get(statements.size() - 1))
                .as("the last statement of a run start: %s", statements)
                .contains("INSERT INTO ai_runs");
        // the session check's user row, then the debit, the job and the run on one connection
        assertThat(counter.connections()).as("connections checked out").isLessThanOrEqualTo(2);
        assertThat(counter.commits()).as("transactions committed").isEqualTo(1);
        assertThat(statements).as("statements of a run start").hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aRunStartSendsRedisTheSessionCheckAlone() {
        redis.reset();
        assertThat(start().code()).isEqualTo(202);
        // one round trip, the session check's script with the user rows' prefix as its only argument:
        // the person's snapshots a home reads with it (ADR 0072) are not asked for by the API
        System.out.println("a run start sent Redis " + redis.commands());
        assertThat(redis.commands())
                .as("Redis commands of a run start")
                .singleElement()
                .satisfies(command -> assertThat(command)
                        .hasSize(5) // EVALSHA sha 1 session-key user-prefix
                        .startsWith("EVALSHA"));
    }

    @Test
    void theStartedRunsJobIsEnqueuedAsTheSchedulerWouldHaveIt() {
        UUID runId = UUID.fromString((String) start().body().get("id"));
        Job job = jobs.getJobById(runId);
        assertThat(job.getState()).isEqualTo(StateName.ENQUEUED);
        assertThat(job.getJobName()).as("@Job's name").startsWith("AI run ExecuteRunJobRequest[");
        assertThat(job.getAmountOfRetries()).as("@Job's retries").isEqualTo(3);
        assertThat(job.getJobDetails().getJobParameters().get(0).getObject())
                .isEqualTo(new ExecuteRunJobRequest(university.id(), runId));
    }

    private HttpResponse<Map> start() {
        return http.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                        "/api/v1/tools/job-pack/runs",
                                        Map.of(
                                                "currency",
                                                "silver",
                                                "input",
                                                ToolSchemas.JSON.convertValue(JobPackSamples.input(), Map.class)))
                                .header("Host", hostOf(university.subdomain()))
                                .header("Authorization", student.bearer())
                                .accept(MediaType.APPLICATION_JSON_TYPE),
                        Map.class);
    }
}
