package com.careerai.counselling;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.counselling.SlotGenerator.DateOverride;
import com.careerai.counselling.SlotGenerator.Slot;
import com.careerai.counselling.SlotGenerator.WeeklyHours;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Approved counsellors with hours and session types, and their next open slots, for tests. */
@Singleton
class CounsellingFixtures {
    static final String GUIDANCE = "career-guidance"; // 30 min, 2 gold, included in plans
    static final String DROP_IN = "drop-in"; // 15 min, free
    static final String MOCK = "mock-interview"; // 60 min, 3 gold
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserAccounts users;
    private final Counsellors counsellors;
    private final CounsellorStore store;
    private final TestClock clock;
    private final TransactionOperations<Connection> transactions;

    CounsellingFixtures(
            UserAccounts users,
            Counsellors counsellors,
            CounsellorStore store,
            TestClock clock,
            TransactionOperations<Connection> transactions) {
        this.users = users;
        this.counsellors = counsellors;
        this.store = store;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** An approved counsellor in London, open every day 00:00–23:30, no notice, no buffers. */
    User counsellor(University university) {
        return counsellor(university, allWeek(), List.of());
    }

    User counsellor(University university, List<WeeklyHours> weekly, List<DateOverride> overrides) {
        return counsellor(university, null, List.of("careers", "cv"), weekly, overrides);
    }

    /** An approved counsellor as {@link #counsellor(University)}, with this name and these areas, kept as given. */
    User counsellor(University university, String name, List<String> expertise) {
        return counsellor(university, name, expertise, allWeek(), List.of());
    }

    private User counsellor(
            University university,
            String name,
            List<String> expertise,
            List<WeeklyHours> weekly,
            List<DateOverride> overrides) {
        // Bound to the university, as a request on its host would be (row-level security).
        return CrossTenant.within(university, () -> newCounsellor(university, name, expertise, weekly, overrides));
    }

    /** Moves the counsellor to {@code status} as staff would (no email). */
    void changeStatus(University university, User counsellor, CounsellorStatus status) {
        CrossTenant.within(
                university,
                () -> transactions.executeWrite(tx -> {
                    store.changeStatus(university.id(), counsellor.id(), status, "test", counsellor.id());
                    return null;
                }));
    }

    private User newCounsellor(
            University university,
            String name,
            List<String> expertise,
            List<WeeklyHours> weekly,
            List<DateOverride> overrides) {
        int n = SEQUENCE.incrementAndGet();
        String shown = name == null ? "Counsellor " + n : name;
        User user = users.ensure(
                university.id(),
                "counsellor" + n + "@" + university.allowedDomains().get(0),
                shown,
                Role.COUNSELLOR);
        counsellors.ensureApproved(
                university.id(),
                user.id(),
                new CounsellorStore.Profile(
                        shown, "Helps with careers.", expertise, List.of("English"), ZoneId.of("Europe/London"), null));
        counsellors.offer(university.id(), user.id(), GUIDANCE, "Career guidance", 30, 2, true);
        counsellors.offer(university.id(), user.id(), DROP_IN, "Drop-in", 15, null, false);
        counsellors.offer(university.id(), user.id(), MOCK, "Mock interview", 60, 3, false);
        transactions.executeWrite(status -> {
            store.changeSettings(university.id(), user.id(), 0, 0, 0, 30, 30);
            store.replaceAvailability(
                    university.id(),
                    user.id(),
                    weekly,
                    overrides,
                    java.time.LocalDate.now().minusDays(1));
            return null;
        });
        return user;
    }

    static List<WeeklyHours> allWeek() {
        return Arrays.stream(DayOfWeek.values())
                .map(day -> new WeeklyHours(day, LocalTime.MIDNIGHT, LocalTime.of(23, 30)))
                .toList();
    }

    /** The counsellor's first open slot of {@code type} at least {@code ahead} from now. */
    Instant slot(University university, User counsellor, String type, Duration ahead) {
        return slots(university, counsellor, type, ahead).get(0).start();
    }

    List<Slot> slots(University university, User counsellor, String type, Duration ahead) {
        Instant from = clock.now().plus(ahead);
        return CrossTenant.within(
                university,
                () -> counsellors.slots(university.id(), counsellor.id(), type, from, from.plus(Duration.ofDays(2))));
    }
}
