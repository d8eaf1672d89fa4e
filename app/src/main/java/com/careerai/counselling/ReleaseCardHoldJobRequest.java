package com.careerai.counselling;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Ends a card-paid appointment's hold on its slot when the student has not paid within
 * {@link PaidSessions#HOLD}: the Stripe checkout is closed, then the slot released (unless the
 * payment came first). Scheduled when the slot is held, with an id derived from the appointment.
 *
 * @param universityId the university
 * @param appointmentId the PENDING appointment
 */
public record ReleaseCardHoldJobRequest(long universityId, UUID appointmentId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    static UUID jobId(long universityId, UUID appointmentId) {
        return UUID.nameUUIDFromBytes(
                ("card-hold:" + universityId + ":" + appointmentId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Card hold of appointment " + appointmentId + " of university " + universityId + " ends";
    }

    @Singleton
    @InUniversity
    static class Handler implements JobRequestHandler<ReleaseCardHoldJobRequest> {
        private final PaidSessions sessions;

        Handler(PaidSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        @Job(name = "%0", retries = 5)
        public void run(ReleaseCardHoldJobRequest request) {
            sessions.holdEnded(request.universityId(), request.appointmentId());
        }
    }
}
