package com.careerai.counselling;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailAttachment;
import com.careerai.notifications.MailTemplate;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Emails about appointments, each to both participants and each with the appointment's .ics. */
@Singleton
class AppointmentMails {
    static final String UID_DOMAIN = "careerai";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Mail mail;
    private final UserAccounts users;
    private final CounsellorStore counsellors;
    private final AppointmentStore appointments;
    private final TransactionOperations<Connection> transactions;

    AppointmentMails(
            Mail mail,
            UserAccounts users,
            CounsellorStore counsellors,
            AppointmentStore appointments,
            TransactionOperations<Connection> transactions) {
        this.mail = mail;
        this.users = users;
        this.counsellors = counsellors;
        this.appointments = appointments;
        this.transactions = transactions;
    }

    void booked(Appointment appointment) {
        both(appointment, "Booked: ", "Your appointment is booked.", "The calendar invitation is attached.");
    }

    /**
     * As {@link #booked(Appointment)} for a booking whose counsellor and student the caller has read
     * already: queued in the caller's transaction with no read of its own.
     */
    void booked(Appointment appointment, Counsellor counsellor, User student) {
        both(
                appointment,
                counsellor,
                student,
                "Booked: ",
                "Your appointment is booked.",
                "The calendar invitation is attached.");
    }

    void rescheduled(Appointment appointment) {
        both(
                appointment,
                "Moved: ",
                "Your appointment has moved to a new time.",
                "The attached invitation updates your calendar.");
    }

    void cancelled(Appointment appointment, boolean refunded) {
        both(
                appointment,
                "Cancelled: ",
                "This appointment was cancelled.",
                (appointment.cancelReason() == null ? "" : "Reason: " + appointment.cancelReason() + ". ")
                        + (refunded ? "The payment was given back in full." : "")
                        + " The attached file removes it from your calendar.");
    }

    void reassigned(Appointment appointment) {
        both(
                appointment,
                "New counsellor: ",
                "Your appointment is now with another counsellor.",
                "The invitation is attached.");
    }

    /** Sends a reminder unless the appointment was cancelled or moved since the reminder was scheduled. */
    void remind(long universityId, UUID appointmentId, int sequence, int hoursBefore) {
        transactions
                .executeRead(status -> appointments.find(universityId, appointmentId))
                .filter(a -> a.status() == AppointmentStatus.CONFIRMED && a.sequence() == sequence)
                .ifPresent(a -> both(
                        a,
                        "Reminder: ",
                        "Your appointment starts in " + (hoursBefore == 1 ? "1 hour" : hoursBefore + " hours") + ".",
                        "Join from the appointment page up to 10 minutes before the start."));
    }

    /** A one-off message to one person about counselling (approval, waitlist offers). */
    void notify(
            long universityId, long userId, String subject, String heading, String body, String link, String label) {
        users.find(universityId, userId)
                .ifPresent(user -> mail.send(
                        universityId,
                        user.email(),
                        MailTemplate.COUNSELLING,
                        Map.of(
                                "subject", subject,
                                "name", user.displayName(),
                                "heading", heading,
                                "body", body,
                                "when", "",
                                "link", link,
                                "linkLabel", label),
                        Map.of()));
    }

    private void both(Appointment appointment, String subjectPrefix, String heading, String body) {
        long universityId = appointment.universityId();
        Counsellor counsellor = transactions
                .executeRead(status -> counsellors.find(universityId, appointment.counsellorId()))
                .orElseThrow();
        User student = users.find(universityId, appointment.studentId()).orElseThrow();
        both(appointment, counsellor, student, subjectPrefix, heading, body);
    }

    private void both(
            Appointment appointment,
            Counsellor counsellor,
            User student,
            String subjectPrefix,
            String heading,
            String body) {
        long universityId = appointment.universityId();
        AppointmentCalendar.People people = new AppointmentCalendar.People(
                counsellor.name(), counsellor.email(), student.displayName(), student.email());
        MailAttachment invite = new MailAttachment(
                "appointment.ics",
                AppointmentCalendar.mailContentType(appointment),
                AppointmentCalendar.ics(appointment, people, UID_DOMAIN));
        ZoneId zone = counsellor.timeZone();
        String when = WHEN.format(appointment.startsAt().atZone(zone)) + " (" + zone.getId() + ")";
        String subject = subjectPrefix + appointment.sessionName() + " on "
                + WHEN.format(appointment.startsAt().atZone(zone));
        String link = "/appointments/" + appointment.id();
        // the video link travels in the mail too, not only inside the invitation
        String join = appointment.isActive() ? " Video link: " + appointment.meetingUrl() : "";
        send(
                universityId,
                student.email(),
                student.displayName(),
                subject,
                heading,
                body + " With " + counsellor.name() + "." + join,
                when,
                link,
                invite);
        send(
                universityId,
                counsellor.email(),
                counsellor.name(),
                subject,
                heading,
                body + " With " + student.displayName() + "." + join,
                when,
                link,
                invite);
    }

    private void send(
            long universityId,
            String to,
            String name,
            String subject,
            String heading,
            String body,
            String when,
            String link,
            MailAttachment invite) {
        mail.send(
                universityId,
                to,
                MailTemplate.COUNSELLING,
                Map.of(
                        "subject", subject,
                        "name", name,
                        "heading", heading,
                        "body", body,
                        "when", when,
                        "link", link,
                        "linkLabel", "Open the appointment"),
                Map.of(),
                List.of(invite));
    }
}
