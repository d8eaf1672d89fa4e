package com.careerai.privacy;

import com.careerai.platform.jobs.UniversityRecurringJob;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jobrunr.scheduling.JobRequestScheduler;

/** The hourly housekeeping job of each university that has used privacy requests, registered with its first. */
@Singleton
class PrivacySchedule extends UniversityRecurringJob {
    PrivacySchedule(JobRequestScheduler scheduler) {
        super(scheduler, "privacy-housekeeping-", Duration.ofHours(1), PrivacyHousekeepingJobRequest::new);
    }
}
