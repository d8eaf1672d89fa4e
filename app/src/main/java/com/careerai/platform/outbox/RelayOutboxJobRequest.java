package com.careerai.platform.outbox;

import com.careerai.platform.jobs.WorkerRecurringJob;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

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

    /** Every worker node registers the relay, every {@code careerai.outbox.relay-interval} ({@link WorkerRecurringJob}). */
    @Factory
    static class Schedule {
        @Singleton
        WorkerRecurringJob relay(OutboxConfiguration configuration) {
            return new WorkerRecurringJob(RECURRING_ID, configuration.getRelayInterval(), new RelayOutboxJobRequest());
        }
    }
}
