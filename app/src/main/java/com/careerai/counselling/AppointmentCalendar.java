package com.careerai.counselling;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar (.ics) of an appointment, written with ical4j: the UID is the appointment id (stable
 * across reschedules), SEQUENCE is the appointment's (bumped on every move and on cancellation),
 * times are UTC, the meeting link is LOCATION and URL, and a cancelled appointment is METHOD:CANCEL.
 */
final class AppointmentCalendar {
    static final String CONTENT_TYPE = "text/calendar";

    private AppointmentCalendar() {}

    /** The people on the invitation. */
    record People(String counsellorName, String counsellorEmail, String studentName, String studentEmail) {}

    static String ics(Appointment appointment, People people, String domain) {
        boolean cancelled = appointment.status() == AppointmentStatus.CANCELLED;
        Instant start = appointment.startsAt().truncatedTo(ChronoUnit.SECONDS);
        Instant end = appointment.endsAt().truncatedTo(ChronoUnit.SECONDS);
        VEvent event = new VEvent(start, end, appointment.sessionName() + " with " + people.counsellorName());
        event.replace(new DtStamp(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Uid(appointment.id() + "@" + domain));
        event.add(new Sequence(appointment.sequence()));
        event.add(new Location(appointment.meetingUrl()));
        event.add(new Url(URI.create(appointment.meetingUrl())));
        event.add(new Description("Join: " + appointment.meetingUrl()));
        event.add(new Organizer(URI.create("mailto:" + people.counsellorEmail())));
        event.add(new Attendee(URI.create("mailto:" + people.studentEmail())));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CareerAI//Counselling//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The MIME type of an emailed invitation, naming its method as calendar clients expect. */
    static String mailContentType(Appointment appointment) {
        return CONTENT_TYPE + "; charset=UTF-8; method="
                + (appointment.status() == AppointmentStatus.CANCELLED ? "CANCEL" : "REQUEST");
    }
}
