package com.careerai.platform.jobs;

/**
 * Published once on a worker node, on the job watchdog's thread, just before its background job
 * server first starts: the moment to register the node's recurring jobs. Not {@code StartupEvent}:
 * registering there made JobRunr's storage, JSON mapper and scheduler and wrote the recurring rows
 * on the main thread before the HTTP server listened (issue 19, ADR 0052). A listener that throws
 * (the database unreachable) is called again before the watchdog's next start attempt.
 */
public final class JobServerStarting {
    JobServerStarting() {}
}
