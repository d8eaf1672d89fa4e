package com.careerai.billing;

import com.careerai.platform.jobs.UniversityRecurringJob;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jobrunr.scheduling.JobRequestScheduler;

/** The hourly reconciliation job of each university whose students started a checkout, registered with the first. */
@Singleton
class ReconcileSchedule extends UniversityRecurringJob {
    ReconcileSchedule(JobRequestScheduler scheduler) {
        super(scheduler, "payments-reconcile-", Duration.ofHours(1), ReconcilePaymentsJobRequest::new);
    }
}
