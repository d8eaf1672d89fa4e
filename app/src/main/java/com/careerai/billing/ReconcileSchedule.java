package com.careerai.billing;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * The hourly reconciliation job of each university whose students started a checkout, registered
 * with the first checkout a node sees for it (registering again replaces it, so every node may).
 */
@Singleton
class ReconcileSchedule {
    static final Duration EVERY = Duration.ofHours(1);

    private final JobRequestScheduler scheduler;
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();

    ReconcileSchedule(JobRequestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    static String recurringJobId(long universityId) {
        return "payments-reconcile-" + universityId;
    }

    void ensure(long universityId) {
        if (registered.add(universityId)) {
            scheduler.scheduleRecurrently(
                    recurringJobId(universityId), EVERY, new ReconcilePaymentsJobRequest(universityId));
        }
    }
}
