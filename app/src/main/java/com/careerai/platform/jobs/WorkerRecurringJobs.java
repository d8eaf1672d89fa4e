package com.careerai.platform.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Registers every {@link WorkerRecurringJob} bean on a worker node as its job server first starts
 * ({@link JobServerStarting}: off the main thread, and called again if it throws).
 */
@Singleton
@Requires(bean = WorkerRole.class)
class WorkerRecurringJobs {
    private final JobRequestScheduler scheduler;
    private final List<WorkerRecurringJob> jobs;

    WorkerRecurringJobs(JobRequestScheduler scheduler, List<WorkerRecurringJob> jobs) {
        this.scheduler = scheduler;
        this.jobs = jobs;
    }

    @EventListener
    void onJobServerStarting(JobServerStarting event) {
        for (WorkerRecurringJob job : jobs) {
            scheduler.scheduleRecurrently(job.id(), job.every(), job.request());
        }
    }
}
