package com.careerai.ai;

import com.careerai.platform.jobs.WorkerRecurringJob;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Every hour, across universities: the days that are over are folded into staff analytics' AI run
 * counters ({@link RunCounterFolds}, ADR 0080). A university's mark moves once a day; the other
 * runs of the day find nothing behind (one scan of the marks). The figures are exact whenever it
 * runs, or if it does not: the days not folded are read live.
 */
public record FoldRunCountersJobRequest() implements JobRequest {
    static final String RECURRING_ID = "ai-run-counter-fold";

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    // public: JobRunr invokes the handler reflectively
    public static class Handler implements JobRequestHandler<FoldRunCountersJobRequest> {
        private final RunCounterFolds folds;

        Handler(RunCounterFolds folds) {
            this.folds = folds;
        }

        @Override
        @org.jobrunr.jobs.annotations.Job(name = "Fold AI run counters", retries = 2)
        public void run(FoldRunCountersJobRequest request) {
            folds.foldBehind();
        }
    }

    /** Every worker node registers the fold, hourly ({@code platform.jobs.WorkerRecurringJobs}). */
    @Factory
    static class Schedule {
        @Singleton
        WorkerRecurringJob fold() {
            return new WorkerRecurringJob(RECURRING_ID, Duration.ofHours(1), new FoldRunCountersJobRequest());
        }
    }
}
