package com.careerai.platform.jobs;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * A recurring job of each university that uses a feature, registered on this node with the feature's
 * first use there ({@link #ensure}; registering again replaces it, so every node may do it once). A
 * feature's bean extends it with its id prefix, interval and request.
 */
public abstract class UniversityRecurringJob {
    private final JobRequestScheduler scheduler;
    private final String idPrefix;
    private final Duration every;
    private final LongFunction<? extends JobRequest> request;
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();

    protected UniversityRecurringJob(
            JobRequestScheduler scheduler,
            String idPrefix,
            Duration every,
            LongFunction<? extends JobRequest> request) {
        this.scheduler = scheduler;
        this.idPrefix = idPrefix;
        this.every = every;
        this.request = request;
    }

    /** The JobRunr id of the university's recurring job. */
    public String recurringJobId(long universityId) {
        return idPrefix + universityId;
    }

    /** Registers the university's job unless this node already has; a failed registration is tried again next time. */
    public void ensure(long universityId) {
        if (registered.add(universityId)) {
            try {
                scheduler.scheduleRecurrently(recurringJobId(universityId), every, request.apply(universityId));
            } catch (RuntimeException e) {
                registered.remove(universityId);
                throw e;
            }
        }
    }
}
