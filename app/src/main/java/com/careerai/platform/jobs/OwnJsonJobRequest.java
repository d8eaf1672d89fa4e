package com.careerai.platform.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * A job request that writes its own JSON, character for character what JobRunr's Jackson mapper writes
 * for it: a run start enqueues one job, and the mapper's walk of a two-field record was ~2 % of its
 * request-thread samples (session 19). {@link NewJobJson} compares the two on the first job of each
 * type and keeps the mapper for the type if they differ.
 */
public interface OwnJsonJobRequest extends JobRequest {
    /** This request as JobRunr's mapper writes it. */
    String json();
}
