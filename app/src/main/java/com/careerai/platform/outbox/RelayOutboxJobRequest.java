package com.careerai.platform.outbox;

import com.careerai.platform.jobs.JobServerStarting;
import com.careerai.platform.jobs.WorkerRole;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Every {@code careerai.outbox.relay-interval}, across universities: enqueues the delivery job of
 * every event still undelivered after {@code relay-after} whose job does not exist (the process
 * died between commit and enqueue), and deletes delivered events older than {@code retention}.
 */
public record RelayOutboxJobRequest() implements JobRequest {
    static final String RECURRING_ID = "outbox-relay";

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    // public: JobRunr invokes the handler reflectively
    public static class Handler implements JobRequestHandler<RelayOutboxJobRequest> {
        private final OutboxRelay relay;

        Handler(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        @Job(name = "Relay undelivered outbox events", retries = 0)
        public void run(RelayOutboxJobRequest request) {
            relay.relayLost();
            relay.purgeDelivered();
        }
    }

    /** Registers the recurring relay on worker nodes. */
    @Singleton
    @Requires(bean = WorkerRole.class)
    static class Schedule {
        private final JobRequestScheduler scheduler;
        private final OutboxConfiguration configuration;

        Schedule(JobRequestScheduler scheduler, OutboxConfiguration configuration) {
            this.scheduler = scheduler;
            this.configuration = configuration;
        }

        @EventListener
        void onJobServerStarting(JobServerStarting event) {
            scheduler.scheduleRecurrently(RECURRING_ID, configuration.getRelayInterval(), new RelayOutboxJobRequest());
        }
    }
}
