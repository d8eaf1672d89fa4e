package com.careerai.credits;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Grants {@code amount} {@code currency} credits to every student of a university, in chunks,
 * each chunk one transaction that also advances the batch's progress. Safe to run twice or
 * concurrently: each grant is keyed {@code grant:<batchId>:<userId>}.
 *
 * @param batchId the batch row, the job id and the idempotency base key
 * @param actor who asked ({@code user:<id>})
 */
public record GrantToAllStudentsJobRequest(
        long universityId, UUID batchId, String actor, Currency currency, int amount, String reason)
        implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<GrantToAllStudentsJobRequest> {
        private final BulkGrants grants;

        Handler(BulkGrants grants) {
            this.grants = grants;
        }

        @Override
        @Job(name = "Grant credits to every student: %0", retries = 5)
        public void run(GrantToAllStudentsJobRequest request) {
            while (grants.grantNextChunk(request)) {
                // each chunk commits on its own, so progress shows while the job runs
            }
        }
    }
}
