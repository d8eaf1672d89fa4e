package com.careerai.ai;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.VerifiedUsers;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.jobs.JobsInTransaction;
import com.careerai.platform.web.PageReads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts runs and reads them back for their owner. */
@Singleton
public class RunService {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final ToolCatalog tools;
    private final AiRunRepository runs;
    private final RunCharges charges;
    private final TransactionOperations<Connection> transactions;
    private final JobRequestScheduler scheduler;
    private final AiConfiguration configuration;
    private final ToolSettings settings;
    private final RunFailures failures;
    private final RunRequestKeys keys;
    private final SynchronousRuns synchronousRuns;
    private final JobsInTransaction jobs;
    private final PageReads reads;

    RunService(
            ToolCatalog tools,
            AiRunRepository runs,
            RunCharges charges,
            TransactionOperations<Connection> transactions,
            JobRequestScheduler scheduler,
            AiConfiguration configuration,
            ToolSettings settings,
            RunFailures failures,
            RunRequestKeys keys,
            SynchronousRuns synchronousRuns,
            JobsInTransaction jobs,
            PageReads reads) {
        this.jobs = jobs;
        this.reads = reads;
        this.failures = failures;
        this.keys = keys;
        this.synchronousRuns = synchronousRuns;
        this.settings = settings;
        this.tools = tools;
        this.runs = runs;
        this.charges = charges;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.configuration = configuration;
    }

    /**
     * Validates, then debits, enqueues the run's job (whose id is the run id) and inserts the run in
     * one transaction, the run last (it takes a shared counter's row lock until the commit): the job
     * commits with the run or not at all (ADR 0043). A synchronous tool runs here instead, and is
     * refunded before this returns if it fails: the run returned is then final (SUCCEEDED or REFUNDED).
     * A blank currency means the tool's only currency. A queued run is returned as inserted but
     * without its resume analysis (stored with it: read the run back to have it).
     */
    public AiRun start(SignedInUser user, String slug, String currency, JsonNode input) {
        return start(user, slug, currency, input, null);
    }

    /**
     * {@link #start(SignedInUser, String, String, JsonNode)}, safe to repeat with the same
     * {@code key}: the key is claimed in the debit's transaction, so the same key within 24 hours
     * returns the first run (as it is now) without a second debit, and concurrent repeats wait
     * for the first and get its run. The same key for a different request is refused (422). A
     * synchronous tool reserves a place on its executor first (429 when none is free, nothing
     * debited) and runs there.
     */
    public AiRun start(SignedInUser user, String slug, String currency, JsonNode input, @Nullable IdempotencyKey key) {
        try {
            return startAsync(user, slug, currency, input, key)
                    .toCompletableFuture()
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * {@link #start(SignedInUser, String, String, JsonNode, IdempotencyKey)} without waiting for a
     * synchronous tool: everything up to the debit's commit happens before this returns (and throws
     * as {@code start} does), and the stage completes with the run — at once for a queued run, when it
     * ends for a synchronous one (refunded first if it broke). A route returns the stage, so the
     * student's request holds no request thread while the model answers (ADR 0077).
     */
    public CompletionStage<AiRun> startAsync(
            SignedInUser user, String slug, String currency, JsonNode input, @Nullable IdempotencyKey key) {
        VerifiedUsers.require(user);
        AiTool tool = settings.require(user.universityId(), slug);
        String normalisedCurrency = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        if (normalisedCurrency.isEmpty()) {
            Map<String, Integer> costs = charges.costs(slug);
            if (costs.size() == 1) {
                normalisedCurrency = costs.keySet().iterator().next();
            }
        }
        Map<String, String> problems = ToolSchemas.problems(tool.inputSchema(), input);
        if (!problems.isEmpty()) {
            throw new InvalidRunInputException(problems);
        }
        int cost = charges.cost(slug, normalisedCurrency);
        String requestHash = key == null ? null : RunRequestKeys.hash(slug, normalisedCurrency, input);
        UUID runId = UUID.randomUUID();
        String analysis = analysisJson(tool.analyse(input));
        AiRun run = new AiRun(
                user.universityId(),
                runId,
                user.userId(),
                slug,
                tool.title(input),
                RunStatus.QUEUED,
                normalisedCurrency,
                cost,
                null,
                false,
                configuration.getMode() == AiConfiguration.Mode.MOCK,
                input,
                null, // stored below as its JSON, written once (not made a tree first)
                null,
                null,
                0,
                null,
                null,
                Instant.now(),
                null,
                null);
        String paidWith = normalisedCurrency;
        try (SynchronousRuns.Place place = tool.synchronous() ? synchronousRuns.reserve() : null) {
            UUID earlier = transactions.executeWrite(status -> {
                if (key != null) {
                    Optional<RunRequestKeys.Claim> claim =
                            keys.claim(user.universityId(), user.userId(), key.value(), requestHash, runId);
                    if (claim.isPresent()) {
                        if (!claim.get().requestHash().equals(requestHash)) {
                            throw IdempotencyKeyException.reused(key.field());
                        }
                        return claim.get().runId();
                    }
                }
                charges.debit(user.universityId(), user.userId(), slug, paidWith, runId);
                if (!tool.synchronous()) {
                    jobs.enqueue(runId, new ExecuteRunJobRequest(run.universityId(), runId));
                }
                // The run last (ADR 0062). Its insert writes no counter: staff analytics reads today's
                // runs live and folds the days that are over later (ADR 0080). The job's row names the
                // run without a foreign key, and no worker sees it before the commit.
                runs.insert(run, analysis);
                return null;
            });
            if (earlier != null) {
                LOG.info("Run {} started again with the same key: answering with it, nothing debited", earlier);
                return CompletableFuture.completedFuture(
                        runs.find(user.universityId(), earlier).orElseThrow());
            }
            if (tool.synchronous()) {
                PropagatedContext request = PropagatedContext.getOrEmpty();
                return synchronousRuns
                        .start(place, run.universityId(), runId)
                        .handle((ended, failure) -> request.propagate(() -> {
                            if (failure != null) {
                                // The student is waiting for this answer: refund now rather than leave it to
                                // the sweeper.
                                LOG.warn("Synchronous run {} ({}) broke; refunding", runId, slug, unwrapped(failure));
                                failures.failAndRefund(
                                        run.universityId(),
                                        runId,
                                        tool.usesModel() ? RunExecutor.UNUSABLE : RunExecutor.TEMPLATE_FAILED);
                            }
                            return runs.find(run.universityId(), runId).orElseThrow();
                        }));
            }
        }
        return CompletableFuture.completedFuture(run);
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Nullable
    private static String analysisJson(@Nullable ResumeAnalysis analysis) {
        if (analysis == null) {
            return null;
        }
        try {
            return ToolSchemas.JSON.writeValueAsString(analysis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A resume analysis could not be written as JSON", e);
        }
    }

    /**
     * Enqueues the run's job again after the fact (the sweeper, for a queued run whose job is gone);
     * JobRunr ignores a second job with the same id.
     */
    void enqueue(long universityId, UUID runId) {
        try {
            scheduler.enqueue(runId, new ExecuteRunJobRequest(universityId, runId));
        } catch (RuntimeException e) {
            LOG.warn("Could not enqueue run {}; the sweeper will retry", runId, e);
        }
    }

    public Optional<AiRun> findOfUser(SignedInUser user, UUID runId) {
        return reads.read(findOfUserRead(user, runId));
    }

    /** What {@link #findOfUser} reads, for a page to send with the header's reads (ADR 0076). */
    public PageRead<Optional<AiRun>> findOfUserRead(SignedInUser user, UUID runId) {
        return AiRunRepository.ofUser(user.universityId(), user.userId(), runId);
    }

    /** The user's newest {@code limit} succeeded runs of the run's tool before it (outputs, no inputs). */
    List<AiRun> earlierSucceeded(SignedInUser user, AiRun run, int limit) {
        return reads.read(AiRunRepository.succeededBefore(
                user.universityId(), user.userId(), run.tool(), run.createdAt(), limit));
    }

    /** Runs started in the university since {@code since} (the staff home's weekly figure). */
    public long countStartedSince(long universityId, Instant since) {
        return reads.read(countStartedSinceRead(universityId, since));
    }

    /** What {@link #countStartedSince} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Long> countStartedSinceRead(long universityId, Instant since) {
        return AiRunRepository.countSinceRead(universityId, since);
    }

    /**
     * A student's newest runs without their inputs and outputs, for the student's dashboard and
     * staff looking at that student (any user id of the university).
     */
    public List<RunSummary> summariesOfStudent(long universityId, long userId, int limit) {
        return reads.read(summariesOfStudentRead(universityId, userId, limit));
    }

    /** What {@link #summariesOfStudent} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<RunSummary>> summariesOfStudentRead(long universityId, long userId, int limit) {
        return AiRunRepository.summaries(universityId, userId, null, limit, 0);
    }

    /** The user's newest runs of one tool without their inputs and outputs (the tool page's list). */
    List<RunSummary> summariesOfUser(SignedInUser user, String tool, int limit) {
        return reads.read(summariesOfUserRead(user, tool, limit));
    }

    /** What {@link #summariesOfUser(SignedInUser, String, int)} reads, for a page to send ahead (ADR 0076). */
    PageRead<List<RunSummary>> summariesOfUserRead(SignedInUser user, String tool, int limit) {
        return AiRunRepository.summaries(user.universityId(), user.userId(), RunFilter.ofTool(tool), limit, 0);
    }

    /** A page of runs and how many there are in all. */
    record RunsPage<T>(List<T> runs, long total) {}

    /**
     * A page of the user's runs that pass the filter without their inputs and outputs, newest first, and
     * how many pass it (the runs page): one round trip (ADR 0076).
     */
    RunsPage<RunSummary> summariesOfUser(SignedInUser user, RunFilter filter, int limit, long offset) {
        return page(
                AiRunRepository.summaries(user.universityId(), user.userId(), filter, limit, offset),
                AiRunRepository.counted(user.universityId(), user.userId(), filter));
    }

    /**
     * A page of the user's runs that pass the filter with their outputs but not their inputs, newest
     * first, and how many pass it (the runs API): one round trip (ADR 0076).
     */
    RunsPage<AiRun> listOfUser(SignedInUser user, RunFilter filter, int limit, long offset) {
        return page(
                AiRunRepository.listed(user.universityId(), user.userId(), filter, limit, offset),
                AiRunRepository.counted(user.universityId(), user.userId(), filter));
    }

    private <T> RunsPage<T> page(PageRead<List<T>> list, PageRead<Long> count) {
        reads.prefetch(List.of(list, count));
        return new RunsPage<>(reads.read(list), reads.read(count));
    }

    /**
     * One of a student's finished runs, for a feature the student shared it with (a counsellor
     * reading the resume a booking points at); empty when it is not theirs or did not succeed.
     */
    public Optional<AiRun> findSucceededOfStudent(long universityId, long userId, UUID runId) {
        return reads.read(findSucceededOfStudentRead(universityId, userId, runId))
                .filter(run -> run.status() == RunStatus.SUCCEEDED);
    }

    /** What {@link #findSucceededOfStudent} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Optional<AiRun>> findSucceededOfStudentRead(long universityId, long userId, UUID runId) {
        return AiRunRepository.ofUser(universityId, userId, runId);
    }

    /** A student's newest succeeded runs that were given a resume (what they can share with a counsellor). */
    public List<RunSummary> withResumeOfStudent(long universityId, long userId, int limit) {
        return reads.read(withResumeOfStudentRead(universityId, userId, limit));
    }

    /** What {@link #withResumeOfStudent} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<RunSummary>> withResumeOfStudentRead(long universityId, long userId, int limit) {
        return AiRunRepository.withResume(universityId, userId, limit);
    }

    public long countOfStudent(long universityId, long userId) {
        return reads.read(countOfStudentRead(universityId, userId));
    }

    /** What {@link #countOfStudent} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Long> countOfStudentRead(long universityId, long userId) {
        return AiRunRepository.counted(universityId, userId, RunFilter.NONE);
    }

    /**
     * Deletes one of the user's finished runs: its input, output, analysis and PDF go; the ledger
     * rows of its debit and refund stay (the wallet's history does not change). Someone else's
     * run is not found (404); a run still queued, running or awaiting its refund is refused (409).
     */
    public void delete(SignedInUser user, UUID runId) {
        transactions.executeWrite(status -> {
            AiRun run =
                    runs.lockOfUser(user.universityId(), user.userId(), runId).orElseThrow(RunNotFoundException::new);
            if (!run.status().isFinal()) {
                throw new RunInProgressException();
            }
            runs.delete(user.universityId(), user.userId(), runId);
            return null;
        });
        LOG.info("Run {} deleted by its owner", runId);
    }
}
