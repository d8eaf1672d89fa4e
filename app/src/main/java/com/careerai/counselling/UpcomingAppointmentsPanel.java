package com.careerai.counselling;

import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.DashboardPanel;
import com.careerai.platform.web.Dates;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard panel 40: the student's next appointments; with none booked, counsellors whose
 * expertise names one of the student's interests (as the old home page recommended them).
 */
@Singleton
class UpcomingAppointmentsPanel implements DashboardPanel {
    static final int SHOWN = 3;

    private final Appointments appointments;
    private final Counsellors counsellors;
    private final Interests interests;

    UpcomingAppointmentsPanel(Appointments appointments, Counsellors counsellors, Interests interests) {
        this.appointments = appointments;
        this.counsellors = counsellors;
        this.interests = interests;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, long userId, ZoneId zone) {
        List<PageRead<?>> reads = new ArrayList<>();
        reads.add(appointments.upcomingOfStudentRead(universityId, userId, SHOWN));
        // Most students have nothing booked: the counsellors who know their field come in the same round
        // trip, read for nothing when an appointment is booked (a statement, not a round trip).
        counsellors
                .withExpertiseInRead(universityId, fields(universityId, userId), SHOWN)
                .ifPresent(reads::add);
        return reads;
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        List<StudentAppointment> upcoming = appointments.upcomingOfStudent(universityId, userId, SHOWN);
        if (!upcoming.isEmpty()) {
            return Optional.of(new Panel(
                    "appointments",
                    "Upcoming appointments",
                    upcoming.stream()
                            .map(a -> new Item(
                                    a.session() + " with " + a.counsellor(),
                                    Dates.moment(a.startsAt(), zone),
                                    "/appointments/" + a.id(),
                                    a.status().equals("PENDING") ? "Waiting" : "Confirmed"))
                            .toList(),
                    null,
                    "/appointments",
                    "All appointments"));
        }
        List<String> names = fields(universityId, userId);
        List<Item> suggested = names.isEmpty()
                ? List.of()
                : counsellors.withExpertiseIn(universityId, names, SHOWN).stream()
                        .map(c -> new Item(
                                c.name(),
                                "Knows " + String.join(", ", c.expertise()),
                                "/counselling/book/" + c.id(),
                                null))
                        .toList();
        return Optional.of(new Panel(
                "appointments",
                suggested.isEmpty() ? "Upcoming appointments" : "Counsellors who know your field",
                suggested,
                "No appointments booked. A counsellor can review your CV or plan your applications with you.",
                "/counselling",
                "Book a counsellor"));
    }

    /** The names of the student's interests still offered. */
    private List<String> fields(long universityId, long userId) {
        return interests.ofUser(universityId, userId).stream()
                .filter(interest -> !interest.retired())
                .map(Interest::name)
                .toList();
    }
}
