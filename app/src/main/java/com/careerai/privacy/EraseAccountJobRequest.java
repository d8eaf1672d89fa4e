package com.careerai.privacy;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Erases one person whose deletion is due (scheduled and past its grace). Idempotent: an erased
 * or cancelled deletion is left alone, and the erasure is one transaction.
 */
public record EraseAccountJobRequest(long universityId, long userId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<EraseAccountJobRequest> {
        private final AccountDeletions deletions;

        Handler(AccountDeletions deletions) {
            this.deletions = deletions;
        }

        @Override
        @Job(name = "Erase an account: %0", retries = 5)
        public void run(EraseAccountJobRequest request) {
            deletions.eraseIfDue(request.universityId(), request.userId(), java.time.Instant.now());
        }
    }
}
