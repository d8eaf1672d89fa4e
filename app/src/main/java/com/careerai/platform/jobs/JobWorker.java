package com.careerai.platform.jobs;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts this node's background job server once the application is up (worker role only). */
@Context
@Requires(bean = WorkerRole.class)
class JobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final BackgroundJobServer server;

    JobWorker(BackgroundJobServer server) {
        this.server = server;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        server.start();
        LOG.info("Background job server started (worker role)");
    }
}
