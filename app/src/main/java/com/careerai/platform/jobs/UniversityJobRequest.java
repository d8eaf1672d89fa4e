package com.careerai.platform.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * A job that works on one university's data. Its handler is annotated {@link InUniversity}, so
 * the job runs bound to {@link #universityId()} — the database shows it no other university's rows.
 */
public interface UniversityJobRequest extends JobRequest {
    long universityId();
}
