package com.careerai.platform.jobs;

import java.time.Duration;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * A job every worker node registers under {@code id} when its job server first starts (registering
 * again replaces it): a feature declares one as a bean, {@link WorkerRecurringJobs} registers them all.
 *
 * @param every the interval between runs
 */
public record WorkerRecurringJob(String id, Duration every, JobRequest request) {}
