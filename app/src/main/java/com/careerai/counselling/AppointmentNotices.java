package com.careerai.counselling;

import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * In-app notices to both participants when an appointment is booked, moved or cancelled,
 * published inside the transaction of that change. The emails with the calendar file go already
 * ({@link AppointmentMails}), so the notices are not important: they never cause a second email.
 */
@Singleton
class AppointmentNotices {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Notifications notifications;

    AppointmentNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void booked(Appointment appointment) {
        both(appointment, "Booked: ", "Your appointment is confirmed for ");
    }

    void rescheduled(Appointment appointment) {
        both(appointment, "Moved: ", "Your appointment now starts ");
    }

    void cancelled(Appointment appointment) {
        both(appointment, "Cancelled: ", "This appointment was cancelled; it was due ");
    }

    private void both(Appointment appointment, String titlePrefix, String bodyPrefix) {
        Notice notice = new Notice(
                NoticeKind.BOOKING,
                titlePrefix + appointment.sessionName(),
                bodyPrefix + WHEN.format(appointment.startsAt()) + ". The email has the details and calendar file.",
                "/appointments/" + appointment.id(),
                false);
        notifications.publish(appointment.universityId(), appointment.studentId(), notice);
        notifications.publish(appointment.universityId(), appointment.counsellorId(), notice);
    }
}
