package com.careerai.referrals;

import com.careerai.platform.jobs.UniversityRecurringJob;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jobrunr.scheduling.JobRequestScheduler;

/** The hourly release job of each university with referrals, registered when its first reward is held. */
@Singleton
class ReleaseSchedule extends UniversityRecurringJob {
    ReleaseSchedule(JobRequestScheduler scheduler) {
        super(scheduler, "referral-release-", Duration.ofHours(1), ReleaseReferralRewardsJobRequest::new);
    }
}
