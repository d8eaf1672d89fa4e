package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.InsufficientCreditsException;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeOpenAiServer;
import com.careerai.testing.FakeOpenAiServer.Reply;
import com.careerai.testing.FakeOpenAiServer.Status;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.Assertions;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run lifecycle against the real SDK and a local fake OpenAI server, with the worker's logic
 * called directly (no JobRunr polling): every failure path ends in exactly one refund.
 */
@MicronautTest(transactional = false)
class RunLifecycleTest extends IntegrationTest {
    static final FakeOpenAiServer OPEN_AI = new FakeOpenAiServer();

    @Inject
    Fixtures fixtures;

    @Inject
    RunService runs;

    @Inject
    RunExecutor executor;

    @Inject
    RunFailures failures;

    @Inject
    SweepRunsJobRequest.Handler sweeper;

    @Inject
    Wallets wallets;

    @Inject
    LedgerAudit audit;

    @Inject
    StorageProvider jobs;

    @Inject
    AiRunRepository repository;

    @Inject
    RunDocuments documents;

    University university;
    User student;
    SignedInUser signedIn;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.ai.mode", "openai",
                "careerai.ai.api-key", "test-key",
                "careerai.ai.base-url", OPEN_AI.baseUrl(),
                "careerai.ai.backoff", "10ms",
                "careerai.ai.call-timeout", "2s",
                "careerai.ai.standard-model", "std-model",
                "careerai.ai.premium-model", "premium-model");
    }

    @BeforeEach
    void student() {
        OPEN_AI.reset();
        university = fixtures.university();
        student = fixtures.verifiedStudent(university);
        fixtures.run(university, this::grantTen);
        signedIn = SignedInUser.of(student);
    }

    private void grantTen() {
        wallets.grant(
                university.id(),
                student.id(),
                Currency.SILVER,
                10,
                "test-grant:" + student.id() + ":s",
                "test",
                "setup");
        wallets.grant(
                university.id(), student.id(), Currency.GOLD, 10, "test-grant:" + student.id() + ":g", "test", "setup");
    }

    @AfterEach
    void auditIsClean() {
        assertThat(fixtures.in(university, () -> audit.audit(university.id())).clean())
                .as("ledger audit")
                .isTrue();
    }

    @AfterAll
    static void stopServer() {
        OPEN_AI.close();
    }

    // The helpers below bind the test's university, as the web request or the job would; the
    // sweeper is called unbound, as JobRunr calls it (it binds each run's university itself).

    private AiRun start(String currency) {
        return fixtures.in(university, () -> runs.start(signedIn, "job-pack", currency, JobPackSamples.input()));
    }

    private AiRun reload(AiRun run) {
        return fixtures.in(university, () -> repository.find(university.id(), run.id()))
                .orElseThrow();
    }

    /** What the run job's handler does, bound as the handler is. */
    private void execute(AiRun run) {
        fixtures.run(university, () -> executor.execute(university.id(), run.id()));
    }

    private void markRunning(AiRun run) {
        fixtures.run(university, () -> repository.markRunning(university.id(), run.id()));
    }

    private long silver() {
        return fixtures.in(university, () -> wallets.balances(university.id(), student.id()))
                .silver();
    }

    private long refunds(UUID runId) {
        return count(
                "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND run_id = ? AND type = 'REFUND'",
                university.id(),
                runId);
    }

    @Test
    void validAnswerSucceedsWithOutputTokensAndPdf() {
        OPEN_AI.then(new Reply(JobPackSamples.validOutput()));
        AiRun run = start("silver");
        assertThat(silver()).isEqualTo(10 - run.cost());
        execute(run);
        AiRun done = reload(run);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.model()).isEqualTo("std-model");
        assertThat(done.tokensIn()).isEqualTo(120);
        assertThat(done.output().path("coverLetter").asText()).contains("Dear Hiring Manager at Acme");
        assertThat(fixtures.in(university, () -> PdfText.of(documents, run, signedIn)))
                .contains("Dear Hiring Manager at Acme");
        assertThat(notices(run))
                .as("the notice is in the inbox as the run is SUCCEEDED: one transaction (ADR 0051)")
                .isEqualTo(1);
    }

    private long notices(AiRun run) {
        return count(
                "SELECT count(*) FROM notifications WHERE university_id = ? AND user_id = ? AND link = ?",
                university.id(),
                run.userId(),
                "/runs/" + run.id());
    }

    /** The student's in-app notices about the run (published with its final state, delivered by the outbox). */
    private void awaitNotices(AiRun run, long expected) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> notices(run) == expected);
    }

    @Test
    void invalidJsonIsRepairedOnce() {
        OPEN_AI.then(new Reply("Sure! Here is your pack: {not json"), new Reply(JobPackSamples.validOutput()));
        AiRun run = start("silver");
        execute(run);
        assertThat(reload(run).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(OPEN_AI.models()).hasSize(2);
    }

    @Test
    void outputThatStaysInvalidAfterRepairIsRefunded() {
        OPEN_AI.then(new Reply("{\"summary\":\"too short\"}"), new Reply("{\"summary\":\"still wrong\"}"));
        AiRun run = start("silver");
        execute(run);
        AiRun failed = reload(run);
        assertThat(failed.status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(failed.error()).isEqualTo(RunExecutor.UNUSABLE);
        assertThat(refunds(run.id())).isEqualTo(1);
        assertThat(silver()).isEqualTo(10);
    }

    @Test
    void rateLimitIsRetriedWithBackoff() {
        OPEN_AI.then(new Status(429), new Reply(JobPackSamples.validOutput()));
        AiRun run = start("silver");
        execute(run);
        assertThat(reload(run).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(OPEN_AI.models()).containsExactly("std-model", "std-model");
    }

    @Test
    void serverErrorForeverRefundsExactlyOnceAndRestoresTheBalance() {
        OPEN_AI.otherwise(body -> new Status(500));
        AiRun run = start("silver");
        execute(run);
        AiRun failed = reload(run);
        assertThat(failed.status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(failed.error()).isEqualTo(RunExecutor.BUSY);
        assertThat(OPEN_AI.models()).hasSize(3);
        assertThat(refunds(run.id())).isEqualTo(1);
        assertThat(silver()).isEqualTo(10);
        // a late JobRunr retry of the same job changes nothing
        execute(run);
        assertThat(refunds(run.id())).isEqualTo(1);
        awaitNotices(run, 1);
        assertThat(count(
                        "SELECT count(*) FROM outbox_events WHERE university_id = ? AND type LIKE '%NoticePublished'"
                                + " AND payload->'notice'->>'link' = ?",
                        university.id(), "/runs/" + run.id()))
                .as("one refund notice")
                .isEqualTo(1);
    }

    @Test
    void premiumFailureFallsBackToTheStandardModelOnce() {
        OPEN_AI.otherwise(
                body -> body.contains("premium-model") ? new Status(503) : new Reply(JobPackSamples.validOutput()));
        AiRun run = start("gold");
        execute(run);
        AiRun done = reload(run);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.fellBack()).isTrue();
        assertThat(done.model()).isEqualTo("std-model");
        assertThat(OPEN_AI.models()).containsExactly("premium-model", "premium-model", "premium-model", "std-model");
    }

    @Test
    void workerKilledMidRunIsRefundedOnceBySweeper() {
        AiRun run = start("silver");
        markRunning(run); // the worker started, then died
        Instant later = Instant.now().plus(Duration.ofMinutes(6));
        sweeper.sweep(later);
        sweeper.sweep(later);
        assertThat(reload(run).status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(refunds(run.id())).isEqualTo(1);
    }

    @Test
    void lostEnqueueIsRepairedBySweeper() throws Exception {
        AiRun run = start("silver");
        jobs.deletePermanently(run.id()); // as if the process died between commit and enqueue
        sweeper.sweep(Instant.now().plusSeconds(60));
        assertThat(jobs.getJobById(run.id())).isNotNull();
        assertThat(reload(run).status()).isEqualTo(RunStatus.QUEUED);
        assertThat(refunds(run.id())).isZero();
    }

    @Test
    void handlerAndSweeperRacingRefundOnce() throws Exception {
        AiRun run = start("silver");
        markRunning(run);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> fixtures.in(
                        university, () -> failures.failAndRefund(university.id(), run.id(), RunExecutor.BUSY)));
                racers.add(() -> sweeper.sweep(Instant.now().plus(Duration.ofMinutes(10))));
            }
            for (Future<Object> future : pool.invokeAll(racers)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(reload(run).status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(refunds(run.id())).isEqualTo(1);
        assertThat(silver()).isEqualTo(10);
    }

    @Test
    void aResultArrivingAfterTheSweeperRefundedTheRunIsDiscarded() {
        AiRun run = start("silver");
        OPEN_AI.otherwise(body -> {
            // The call is slow: while it is in flight the sweeper gives up on the run and refunds it.
            sweeper.sweep(Instant.now().plus(Duration.ofMinutes(10)));
            return new Reply(JobPackSamples.validOutput());
        });

        execute(run);

        AiRun after = reload(run);
        assertThat(after.status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(after.output()).isNull();
        assertThat(refunds(run.id())).isEqualTo(1);
        assertThat(silver()).isEqualTo(10);
        assertThat(OPEN_AI.models()).hasSize(1);
    }

    @Test
    void aRunRefundedByTheSweeperStopsCallingTheModel() {
        AiRun run = start("gold");
        OPEN_AI.otherwise(body -> {
            sweeper.sweep(Instant.now().plus(Duration.ofMinutes(10)));
            return new Status(503); // would be retried, then fall back to the standard model
        });

        execute(run);

        assertThat(OPEN_AI.models())
                .as("no retry, repair or fallback is paid for once the run is refunded")
                .containsExactly("premium-model");
        assertThat(reload(run).status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(refunds(run.id())).isEqualTo(1);
    }

    @Test
    void attemptsRetriesAndFallbackFitTheRunTimeout() {
        AiRun run = start("gold");
        markRunning(run);
        // The run started 5 minutes (the run timeout) minus 3 seconds ago: 3 seconds of budget are left.
        count(
                "WITH moved AS (UPDATE ai_runs SET started_at = now() - interval '297 seconds'"
                        + " WHERE university_id = ? AND id = ? RETURNING 1) SELECT count(*) FROM moved",
                university.id(),
                run.id());
        OPEN_AI.otherwise(body -> new FakeOpenAiServer.Hang(Duration.ofSeconds(20)));
        long started = System.nanoTime();

        execute(run);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // Unbounded: 3 attempts × 2 s on the premium model, then 3 × 2 s on the standard model.
        assertThat(took).isLessThan(Duration.ofMillis(4500));
        assertThat(OPEN_AI.models().size()).isLessThanOrEqualTo(3);
        AiRun after = reload(run);
        assertThat(after.status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(after.error()).isEqualTo(RunExecutor.BUSY);
        assertThat(refunds(run.id())).isEqualTo(1);
    }

    @Test
    void jobForAFinishedRunDoesNothing() {
        OPEN_AI.then(new Reply(JobPackSamples.validOutput()));
        AiRun run = start("silver");
        execute(run);
        execute(run);
        assertThat(OPEN_AI.models()).hasSize(1);
        assertThat(reload(run).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void notEnoughCreditsIsRefusedWithoutARun() {
        User broke = fixtures.verifiedStudent(university);
        Assertions.assertThatThrownBy(() -> fixtures.in(
                        university,
                        () -> runs.start(SignedInUser.of(broke), "job-pack", "silver", JobPackSamples.input())))
                .isInstanceOf(InsufficientCreditsException.class);
        assertThat(count(
                        "SELECT count(*) FROM ai_runs WHERE university_id = ? AND user_id = ?",
                        university.id(),
                        broke.id()))
                .isZero();
    }

    @Test
    void invalidInputIsRefusedWithFieldMessagesAndNoDebit() {
        ObjectNode input = (ObjectNode) JobPackSamples.input();
        input.put("resume", "too short");
        input.remove("company");
        Assertions.assertThatThrownBy(
                        () -> fixtures.in(university, () -> runs.start(signedIn, "job-pack", "silver", input)))
                .isInstanceOfSatisfying(InvalidRunInputException.class, e -> assertThat(e.fields())
                        .containsKeys("resume", "company"));
        assertThat(silver()).isEqualTo(10);
    }
}
