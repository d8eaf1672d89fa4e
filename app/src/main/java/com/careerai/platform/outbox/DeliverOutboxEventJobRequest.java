package com.careerai.platform.outbox;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Delivers one outbox event to the listeners that have not handled it yet. Its job id is derived
 * from the event id ({@link OutboxRelay#jobIdOf}), so enqueueing it again is a no-op. A listener
 * failure throws and JobRunr retries with back-off (about a day in all); listeners that succeeded
 * are not called again.
 *
 * @param universityId the event's university
 * @param eventId the event
 */
public record DeliverOutboxEventJobRequest(long universityId, UUID eventId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Override
    public String toString() {
        return "outbox event " + eventId + " of university " + universityId;
    }

    @Singleton
    @InUniversity
    // public: JobRunr invokes the handler reflectively
    public static class Handler implements JobRequestHandler<DeliverOutboxEventJobRequest> {
        private final OutboxRelay relay;

        Handler(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        @Job(name = "Deliver %0", retries = 10)
        public void run(DeliverOutboxEventJobRequest request) {
            relay.deliver(request.universityId(), request.eventId());
        }
    }
}
