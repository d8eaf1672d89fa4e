package com.careerai.counselling;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.billing.ExpertPayouts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoStudent;
import com.careerai.demo.DemoUniversity;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Demo paid expert (ADR 0034): {@code coach@demo.edu} is a paid expert onboarded to Stripe Connect
 * (the account id seeded as if onboarding had finished) offering a 45-dollar "Expert hour" by card,
 * and the demo student's one paid session with them last week (completed, so it shows as paid out
 * on {@code /counsellor/earnings} and {@code /staff/experts}). Runs after {@link CounsellingDemo}.
 */
@Singleton
class PaidExpertDemo implements DemoSeedStep {
    static final String TYPE = "expert-hour";
    static final long PRICE_CENTS = 4500;

    private final UserAccounts users;
    private final Counsellors counsellors;
    private final CounsellorStore store;
    private final AppointmentStore appointments;
    private final CardHoldStore holds;
    private final ExpertPayouts payouts;
    private final CounsellingClock clock;
    private final TransactionOperations<Connection> transactions;

    PaidExpertDemo(
            UserAccounts users,
            Counsellors counsellors,
            CounsellorStore store,
            AppointmentStore appointments,
            CardHoldStore holds,
            ExpertPayouts payouts,
            CounsellingClock clock,
            TransactionOperations<Connection> transactions) {
        this.users = users;
        this.counsellors = counsellors;
        this.store = store;
        this.appointments = appointments;
        this.holds = holds;
        this.payouts = payouts;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public int getOrder() {
        return CONTENT + 10;
    }

    @Override
    public void seed(DemoUniversity demo) {
        long universityId = demo.id();
        User coach = users.ensure(universityId, demo.address("coach"), "Casey Coach", Role.COUNSELLOR);
        User staff = users.ensure(universityId, demo.address("staff"), "Dana Staff", Role.STAFF);
        User student = users.ensure(universityId, demo.address(DemoStudent.LOCAL_PART), DemoStudent.NAME, Role.STUDENT);
        Counsellor counsellor = counsellors.find(universityId, coach.id()).orElse(null);
        if (counsellor == null) {
            return; // CounsellingDemo did not run
        }
        transactions.executeWrite(tx -> {
            payouts.seedDemoExpert(universityId, coach.id(), staff.id(), "acct_demo" + universityId + "coach");
            if (store.sessionType(universityId, coach.id(), TYPE).isEmpty()) {
                store.saveSessionType(universityId, coach.id(), TYPE, "Expert hour", 60, null, false);
                store.setMoneyPrice(universityId, coach.id(), TYPE, PRICE_CENTS, ExpertPayouts.CURRENCY);
            }
            UUID appointmentId =
                    UUID.nameUUIDFromBytes(("demo-paid-session:" + universityId).getBytes(StandardCharsets.UTF_8));
            if (appointments.find(universityId, appointmentId).isPresent()) {
                return null;
            }
            SessionType type = store.sessionType(universityId, coach.id(), TYPE).orElseThrow();
            // 03:00 UTC, outside the demo hours, so no other demo booking overlaps it
            Instant start = clock.now()
                    .minus(Duration.ofDays(7))
                    .truncatedTo(ChronoUnit.DAYS)
                    .plus(Duration.ofHours(3));
            UUID paymentId = UUID.nameUUIDFromBytes(
                    ("demo-paid-session-payment:" + universityId).getBytes(StandardCharsets.UTF_8));
            Appointment appointment = new Appointment(
                    universityId,
                    appointmentId,
                    coach.id(),
                    student.id(),
                    type.id(),
                    type.slug(),
                    type.name(),
                    start,
                    start.plus(Duration.ofMinutes(type.minutes())),
                    AppointmentStatus.COMPLETED,
                    Payment.CARD,
                    0,
                    false,
                    "Feedback on my consulting applications, please.",
                    null,
                    "https://meet.example/careerai-demo-expert-hour",
                    0,
                    null,
                    student.id(),
                    null,
                    null,
                    null,
                    start.minus(Duration.ofDays(2)));
            appointments.insert(appointment, appointment.startsAt(), appointment.endsAt());
            holds.insert(universityId, appointmentId, paymentId, PRICE_CENTS, ExpertPayouts.CURRENCY, start);
            holds.setStatus(universityId, appointmentId, "PAID");
            payouts.seedDemoCharge(universityId, paymentId, student.id(), coach.id(), type.name(), PRICE_CENTS, start);
            appointments.record(universityId, appointmentId, "BOOKED", student.id(), "{\"payment\":\"CARD\"}");
            return null;
        });
    }
}
