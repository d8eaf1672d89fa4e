package com.careerai.counselling;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Demo history of the demo counsellors: each has six completed drop-ins with students of the
 * analytics history ({@code history01..12@demo.edu}) over the last two months, rated and mostly
 * commented, so the students' list and booking page show stars, the counsellor's panel its rating
 * by month with the comments, and staff's feedback list has rows. Free sessions, so no credit moves and the ledger is untouched. Runs
 * after {@link CounsellingDemo}; running it again adds nothing.
 */
@Singleton
class CounsellingHistoryDemo implements DemoSeedStep {
    /** A past session: how many days ago, its stars and the student's comment (null for none). */
    record Rated(int daysAgo, int rating, String comment) {}

    static final List<Rated> COACH = List.of(
            new Rated(3, 5, "Casey rewrote my CV's opening in ten minutes. Two interviews since."),
            new Rated(10, 5, "Clear, kind and very practical about assessment centres."),
            new Rated(17, 4, null),
            new Rated(24, 5, "Finally understand what graduate recruiters skim for."),
            new Rated(38, 4, "Good mock questions; would have liked more time."),
            new Rated(52, 5, "Best half hour of my job search."));
    static final List<Rated> MENTOR = List.of(
            new Rated(4, 5, "Morgan mapped a route from biology into data science that I can follow."),
            new Rated(11, 4, "Useful on startups versus big tech."),
            new Rated(18, 3, "Friendly, but I needed more on funding a master's."),
            new Rated(31, 5, null),
            new Rated(45, 4, "Honest about what a career change takes."),
            new Rated(59, 5, "Gave me three people to talk to, and they replied."));

    private final UserAccounts users;
    private final Counsellors counsellors;
    private final CounsellorStore store;
    private final AppointmentStore appointments;
    private final FeedbackStore feedback;
    private final CounsellingClock clock;
    private final TransactionOperations<Connection> transactions;

    CounsellingHistoryDemo(
            UserAccounts users,
            Counsellors counsellors,
            CounsellorStore store,
            AppointmentStore appointments,
            FeedbackStore feedback,
            CounsellingClock clock,
            TransactionOperations<Connection> transactions) {
        this.users = users;
        this.counsellors = counsellors;
        this.store = store;
        this.appointments = appointments;
        this.feedback = feedback;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public int getOrder() {
        return CONTENT + 20;
    }

    @Override
    public void seed(DemoUniversity demo) {
        seed(demo, "coach", COACH, 0);
        seed(demo, "mentor", MENTOR, COACH.size());
    }

    private void seed(DemoUniversity demo, String localPart, List<Rated> sessions, int firstStudent) {
        long universityId = demo.id();
        User counsellorUser =
                users.findByEmail(universityId, demo.address(localPart)).orElse(null);
        if (counsellorUser == null
                || counsellors.find(universityId, counsellorUser.id()).isEmpty()) {
            return; // CounsellingDemo did not run
        }
        transactions.executeWrite(tx -> {
            seedSessions(demo, localPart, counsellorUser, sessions, firstStudent);
            return null;
        });
    }

    private void seedSessions(
            DemoUniversity demo, String localPart, User counsellorUser, List<Rated> sessions, int firstStudent) {
        long universityId = demo.id();
        SessionType dropIn =
                store.sessionType(universityId, counsellorUser.id(), "drop-in").orElseThrow();
        Instant today = clock.now().truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < sessions.size(); i++) {
            Rated rated = sessions.get(i);
            int n = firstStudent + i + 1;
            User student = users.ensure(
                    universityId,
                    demo.address("history" + (n < 10 ? "0" : "") + n),
                    "History Student " + n,
                    Role.STUDENT);
            UUID id = UUID.nameUUIDFromBytes(("demo-history-session:" + universityId + ":" + localPart + ":" + i)
                    .getBytes(StandardCharsets.UTF_8));
            // 14:00 UTC: inside both counsellors' weekday hours, never beside the paid demo session (03:00)
            Instant start = today.minus(Duration.ofDays(rated.daysAgo())).plus(Duration.ofHours(14));
            Instant end = start.plus(Duration.ofMinutes(dropIn.minutes()));
            if (appointments.find(universityId, id).isPresent()) {
                continue;
            }
            Appointment appointment = new Appointment(
                    universityId,
                    id,
                    counsellorUser.id(),
                    student.id(),
                    dropIn.id(),
                    dropIn.slug(),
                    dropIn.name(),
                    start,
                    end,
                    AppointmentStatus.COMPLETED,
                    Payment.FREE,
                    0,
                    false,
                    null,
                    null,
                    "https://meet.example/careerai-demo-" + localPart,
                    0,
                    null,
                    student.id(),
                    null,
                    null,
                    null,
                    start.minus(Duration.ofDays(3)));
            appointments.insert(appointment, start, end);
            appointments.record(universityId, id, "BOOKED", student.id(), "{\"payment\":\"FREE\"}");
            appointments.record(universityId, id, "COMPLETED", counsellorUser.id(), "{}");
            feedback.give(
                    universityId,
                    id,
                    counsellorUser.id(),
                    student.id(),
                    rated.rating(),
                    rated.comment(),
                    end.plus(Duration.ofHours(2)));
        }
    }
}
