package com.careerai.counselling;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.jobrunr.scheduling.JobRequestScheduler;

/** Schedules and removes an appointment's 24 h and 1 h reminders (JobRunr scheduled jobs). */
@Singleton
class Reminders {
    private final JobRequestScheduler scheduler;
    private final CounsellingClock clock;

    Reminders(JobRequestScheduler scheduler, CounsellingClock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void schedule(Appointment appointment) {
        Instant now = clock.now();
        for (int hours : AppointmentReminderJobRequest.HOURS) {
            Instant at = appointment.startsAt().minus(Duration.ofHours(hours));
            if (at.isAfter(now)) {
                scheduler.schedule(
                        AppointmentReminderJobRequest.jobId(appointment.id(), appointment.sequence(), hours),
                        at,
                        new AppointmentReminderJobRequest(
                                appointment.universityId(), appointment.id(), appointment.sequence(), hours));
            }
        }
    }

    /** Deletes the reminders scheduled for the appointment at {@code sequence} (absent ones are ignored). */
    void remove(Appointment appointment, int sequence) {
        for (int hours : AppointmentReminderJobRequest.HOURS) {
            try {
                scheduler.delete(AppointmentReminderJobRequest.jobId(appointment.id(), sequence, hours));
            } catch (RuntimeException e) {
                // never scheduled (less than that long ahead when booked): nothing to remove
            }
        }
    }
}
