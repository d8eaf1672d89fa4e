package com.careerai.counselling;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Reminds both participants of an appointment 24 hours or 1 hour before it. Scheduled with a
 * deterministic job id per appointment, its iCalendar sequence and the kind, so a reschedule or a
 * cancellation deletes exactly the jobs it replaces; the handler also sends nothing unless the
 * appointment is still confirmed at the same sequence.
 *
 * @param universityId the appointment's university
 * @param appointmentId the appointment
 * @param sequence the appointment's sequence when scheduled
 * @param hoursBefore 24 or 1
 */
public record AppointmentReminderJobRequest(long universityId, UUID appointmentId, int sequence, int hoursBefore)
        implements UniversityJobRequest {
    static final int[] HOURS = {24, 1};

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    /** The deterministic JobRunr id of one reminder. */
    static UUID jobId(UUID appointmentId, int sequence, int hoursBefore) {
        return UUID.nameUUIDFromBytes(("counselling-reminder:" + appointmentId + ":" + sequence + ":" + hoursBefore)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return hoursBefore + " h reminder of appointment " + appointmentId + " (university " + universityId + ")";
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<AppointmentReminderJobRequest> {
        private final AppointmentMails mails;

        Handler(AppointmentMails mails) {
            this.mails = mails;
        }

        @Override
        @Job(name = "%0", retries = 3)
        public void run(AppointmentReminderJobRequest request) {
            mails.remind(request.universityId(), request.appointmentId(), request.sequence(), request.hoursBefore());
        }
    }
}
