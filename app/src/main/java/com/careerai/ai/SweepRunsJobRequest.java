package com.careerai.ai;

import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.jobs.WorkerRecurringJob;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute, across universities: a QUEUED run with no job is enqueued again; a run whose job
 * FAILED or was DELETED, or that is RUNNING past {@code careerai.ai.run-timeout}, is failed and
 * refunded; a FAILED run whose refund did not complete is refunded. The refund is idempotent,
 * so racing the worker is safe.
 */
public record SweepRunsJobRequest() implements JobRequest {
    static final String RECURRING_ID = "ai-run-sweeper";

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    // public: JobRunr invokes the handler reflectively
    public static class Handler implements JobRequestHandler<SweepRunsJobRequest> {
        private static final Logger LOG = LoggerFactory.getLogger(Handler.class);
        static final String LOST =
                "Your run was interrupted on our side. Your credits have been refunded; please try again.";

        private final AiRunRepository runs;
        private final RunFailures failures;
        private final RunService service;
        private final StorageProvider jobs;
        private final AiConfiguration configuration;
        private final UnitOfWork units;

        Handler(
                AiRunRepository runs,
                RunFailures failures,
                RunService service,
                StorageProvider jobs,
                AiConfiguration configuration,
                UnitOfWork units) {
            this.units = units;
            this.runs = runs;
            this.failures = failures;
            this.service = service;
            this.jobs = jobs;
            this.configuration = configuration;
        }

        @Override
        @org.jobrunr.jobs.annotations.Job(name = "Sweep unfinished AI runs", retries = 0)
        public void run(SweepRunsJobRequest request) {
            sweep(Instant.now());
        }

        /** One pass; returns how many runs it acted on. */
        int sweep(Instant now) {
            int acted = 0;
            for (AiRunRepository.RunReference unfinished : runs.unfinishedBefore(now.minusSeconds(30), 500)) {
                boolean didAct = units.bound(
                        unfinished.universityId(), () -> runs.find(unfinished.universityId(), unfinished.id())
                                .map(run -> act(run, now))
                                .orElse(false));
                if (didAct) {
                    acted++;
                }
            }
            return acted;
        }

        private boolean act(AiRun run, Instant now) {
            if (run.status() == RunStatus.FAILED) {
                return failures.failAndRefund(run.universityId(), run.id(), run.error() == null ? LOST : run.error());
            }
            StateName job = jobState(run);
            if (job == StateName.FAILED || job == StateName.DELETED) {
                return failures.failAndRefund(run.universityId(), run.id(), LOST);
            }
            if (run.status() == RunStatus.RUNNING) {
                Instant started = run.startedAt() == null ? run.createdAt() : run.startedAt();
                if (started.plus(configuration.getRunTimeout()).isBefore(now)) {
                    return failures.failAndRefund(run.universityId(), run.id(), LOST);
                }
                return false;
            }
            if (job == null) {
                LOG.info("Run {} is queued without a job; enqueueing it again", run.id());
                service.enqueue(run.universityId(), run.id());
                return true;
            }
            return false;
        }

        private StateName jobState(AiRun run) {
            try {
                Job job = jobs.getJobById(run.id());
                return job.getState();
            } catch (JobNotFoundException e) {
                return null;
            }
        }
    }

    /** Every worker node registers the sweep, every minute ({@code platform.jobs.WorkerRecurringJobs}). */
    @Factory
    static class Schedule {
        @Singleton
        WorkerRecurringJob sweep() {
            return new WorkerRecurringJob(RECURRING_ID, Duration.ofMinutes(1), new SweepRunsJobRequest());
        }
    }
}
