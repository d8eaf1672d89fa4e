package com.careerai.privacy;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * The hourly housekeeping job of each university that has used privacy requests, registered with
 * its first export or deletion (registering again replaces it, so every node may do it once).
 */
@Singleton
class PrivacySchedule {
    static final Duration EVERY = Duration.ofHours(1);

    private final JobRequestScheduler scheduler;
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();

    PrivacySchedule(JobRequestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    static String recurringJobId(long universityId) {
        return "privacy-housekeeping-" + universityId;
    }

    void ensure(long universityId) {
        if (registered.add(universityId)) {
            scheduler.scheduleRecurrently(
                    recurringJobId(universityId), EVERY, new PrivacyHousekeepingJobRequest(universityId));
        }
    }
}
