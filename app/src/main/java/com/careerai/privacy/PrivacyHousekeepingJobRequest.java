package com.careerai.privacy;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** A university's hourly privacy housekeeping: expired exports deleted, due erasures carried out. */
public record PrivacyHousekeepingJobRequest(long universityId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<PrivacyHousekeepingJobRequest> {
        private final DataExports exports;
        private final AccountDeletions deletions;

        Handler(DataExports exports, AccountDeletions deletions) {
            this.exports = exports;
            this.deletions = deletions;
        }

        @Override
        @Job(name = "Privacy housekeeping: %0", retries = 3)
        public void run(PrivacyHousekeepingJobRequest request) {
            Instant now = Instant.now();
            exports.expireDue(request.universityId(), now);
            deletions.eraseDue(request.universityId(), now);
        }
    }
}
