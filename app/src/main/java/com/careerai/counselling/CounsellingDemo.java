package com.careerai.counselling;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.counselling.SlotGenerator.WeeklyHours;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Demo counselling data for the demo seeder: two approved counsellors ({@code coach@demo.edu} and
 * {@code mentor@demo.edu}) available every weekday, each offering a free 15-minute drop-in and two
 * sessions priced within a new student's gold allowance. Running it again changes nothing new.
 */
@Singleton
public class CounsellingDemo implements DemoSeedStep {
    private final UserAccounts users;
    private final Counsellors counsellors;
    private final CounsellorStore store;
    private final CounsellingClock clock;
    private final TransactionOperations<Connection> transactions;

    CounsellingDemo(
            UserAccounts users,
            Counsellors counsellors,
            CounsellorStore store,
            CounsellingClock clock,
            TransactionOperations<Connection> transactions) {
        this.users = users;
        this.counsellors = counsellors;
        this.store = store;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public int getOrder() {
        return CONTENT;
    }

    /** Part of the demo ({@code CAREERAI_DEMO=true}): the demo university's counsellors. */
    @Override
    public void seed(DemoUniversity demo) {
        seed(demo.id());
    }

    /** Seeds the university's demo counsellors (idempotent). */
    public void seed(long universityId) {
        seed(
                universityId,
                "coach@demo.edu",
                "Casey Coach",
                "Europe/London",
                "Former graduate recruiter; CVs, applications and interviews.",
                List.of("cv", "interviews", "graduate-jobs", "Consulting", "Finance"));
        seed(
                universityId,
                "mentor@demo.edu",
                "Morgan Mentor",
                "America/New_York",
                "Career changer turned coach; careers in tech, startups and further study.",
                List.of("tech", "startups", "further-study", "Software", "Research"));
    }

    private void seed(long universityId, String email, String name, String zone, String bio, List<String> expertise) {
        User user = users.ensure(universityId, email, name, Role.COUNSELLOR);
        counsellors.ensureApproved(
                universityId,
                user.id(),
                new CounsellorStore.Profile(name, bio, expertise, List.of("English"), ZoneId.of(zone), null));
        counsellors.offer(universityId, user.id(), "drop-in", "Drop-in question", 15, null, false);
        counsellors.offer(universityId, user.id(), "career-guidance", "Career guidance", 30, 1, true);
        counsellors.offer(universityId, user.id(), "mock-interview", "Mock interview", 60, 2, true);
        List<WeeklyHours> weekdays = Stream.of(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .map(day -> new WeeklyHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .toList();
        transactions.executeWrite(status -> {
            if (store.weeklyHours(universityId, user.id()).isEmpty()) {
                store.replaceAvailability(
                        universityId,
                        user.id(),
                        weekdays,
                        List.of(),
                        clock.now().atZone(ZoneId.of(zone)).toLocalDate());
            }
            return null;
        });
    }
}
