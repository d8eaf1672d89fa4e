package com.careerai.referrals;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * The recurring release job of each university with referrals, registered when its first reward
 * is held (hourly; registering again replaces it, so every node may do it once).
 */
@Singleton
class ReleaseSchedule {
    static final Duration EVERY = Duration.ofHours(1);

    private final JobRequestScheduler scheduler;
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();

    ReleaseSchedule(JobRequestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    static String recurringJobId(long universityId) {
        return "referral-release-" + universityId;
    }

    void ensure(long universityId) {
        if (registered.add(universityId)) {
            scheduler.scheduleRecurrently(
                    recurringJobId(universityId), EVERY, new ReleaseReferralRewardsJobRequest(universityId));
        }
    }
}
