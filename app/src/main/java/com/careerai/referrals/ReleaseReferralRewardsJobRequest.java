package com.careerai.referrals;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Releases a university's referral rewards whose hold is over, as GRANT ledger rows for both
 * sides; recurring (see {@link ReleaseSchedule}). Running it twice grants nothing twice: each
 * referral is locked and re-checked, and the grants are keyed by referral and side.
 */
public record ReleaseReferralRewardsJobRequest(long universityId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<ReleaseReferralRewardsJobRequest> {
        private final Referrals referrals;

        Handler(Referrals referrals) {
            this.referrals = referrals;
        }

        @Override
        @Job(name = "Release referral rewards: %0", retries = 5)
        public void run(ReleaseReferralRewardsJobRequest request) {
            referrals.releaseDue(request.universityId(), Instant.now());
        }
    }
}
