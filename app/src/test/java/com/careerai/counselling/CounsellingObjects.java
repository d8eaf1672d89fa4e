package com.careerai.counselling;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;

/** Counselling objects of one university for tests outside this package (the isolation scan). */
@Singleton
public class CounsellingObjects {
    /**
     * An approved counsellor and one booked appointment.
     *
     * @param counsellor the counsellor's user
     * @param appointmentId the free drop-in appointment {@code student} booked with them
     */
    public record Booked(User counsellor, UUID appointmentId) {}

    private final CounsellingFixtures fixtures;
    private final Appointments appointments;

    CounsellingObjects(CounsellingFixtures fixtures, Appointments appointments) {
        this.fixtures = fixtures;
        this.appointments = appointments;
    }

    /** A counsellor of {@code university} and a free appointment {@code student} booked with them. */
    public Booked booked(University university, User student, String note) {
        User counsellor = fixtures.counsellor(university);
        var start = fixtures.slot(university, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(1));
        Appointment appointment = CrossTenant.within(
                university,
                () -> appointments.book(
                        SignedInUser.of(student),
                        student.id(),
                        new Appointments.BookingRequest(
                                counsellor.id(), CounsellingFixtures.DROP_IN, start, note, null)));
        return new Booked(counsellor, appointment.id());
    }
}
