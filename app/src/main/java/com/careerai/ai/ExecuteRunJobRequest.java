package com.careerai.ai;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.OwnJsonJobRequest;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs one AI run on a worker. The JobRunr job id is the run id. Model failures are handled
 * inside (retries, repair, fallback, refund); an exception here means infrastructure trouble and
 * lets JobRunr retry; if every retry fails the sweeper refunds.
 */
public record ExecuteRunJobRequest(long universityId, UUID runId) implements UniversityJobRequest, OwnJsonJobRequest {

    /** As JobRunr's Jackson mapper writes the record: its components in order, the id as a string, no null. */
    @Override
    public String json() {
        return runId == null
                ? "{\"universityId\":" + universityId + "}"
                : "{\"universityId\":" + universityId + ",\"runId\":\"" + runId + "\"}";
    }

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    // public: JobRunr invokes the handler reflectively
    public static class Handler implements JobRequestHandler<ExecuteRunJobRequest> {
        private final RunExecutor executor;

        Handler(RunExecutor executor) {
            this.executor = executor;
        }

        @Override
        @Job(name = "AI run %0", retries = 3)
        public void run(ExecuteRunJobRequest request) {
            executor.execute(request.universityId(), request.runId());
        }
    }
}
