package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignInService;
import com.careerai.auth.User;
import com.careerai.credits.WalletFixtures;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plan session quotas from billing.Plans: Basic 1, Premium 3, Ultimate unlimited (a negative number). */
@MicronautTest(transactional = false)
class PlanSessionQuotaTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    CounsellingFixtures counselling;

    @Inject
    TestSessions sessions;

    @Inject
    SignInService signIns;

    CounsellingApi api;
    University uni;

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        uni = fixtures.university();
        // room for several bookings at once, so only the plan decides how each is paid
        execute("INSERT INTO counselling_rules (university_id, max_active_bookings) VALUES (?, 10)", uni.id());
    }

    private User subscribedStudent(String plan) {
        User student = walletFixtures.studentWith(uni, 0, 20);
        execute(
                "INSERT INTO subscriptions (university_id, id, user_id, external_id, product, status, state_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'active', now())",
                uni.id(),
                UUID.randomUUID(),
                student.id(),
                "sub_" + student.id(),
                plan);
        fixtures.markPro(uni, student);
        return CrossTenant.within(uni, () -> signIns.completeEmailSignIn(uni, student.email()));
    }

    /** Five non-overlapping guidance slots in one UTC month (the quota is per month). */
    private List<Instant> fiveSlotsInOneMonth(User counsellor) {
        Collection<List<Instant>> byMonth =
                counselling.slots(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofDays(2)).stream()
                        .map(SlotGenerator.Slot::start)
                        .collect(Collectors.groupingBy(start -> YearMonth.from(start.atOffset(ZoneOffset.UTC))))
                        .values();
        List<Instant> month = byMonth.stream()
                .max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElseThrow();
        assertThat(month).hasSizeGreaterThanOrEqualTo(5);
        return month.stream().sorted().limit(5).toList();
    }

    private List<Object> paymentsOfFiveBookings(String plan) {
        User counsellor = counselling.counsellor(uni);
        User student = subscribedStudent(plan);
        return fiveSlotsInOneMonth(counsellor).stream()
                .map(start -> api.map(api.book(
                                uni.subdomain(),
                                sessions.signIn(student),
                                counsellor.id(),
                                CounsellingFixtures.GUIDANCE,
                                start))
                        .get("payment"))
                .toList();
    }

    @Test
    void basicCoversOneSessionAMonthAndPremiumThree() {
        assertThat(paymentsOfFiveBookings("basic")).containsExactly("PLAN", "GOLD", "GOLD", "GOLD", "GOLD");
        assertThat(paymentsOfFiveBookings("premium")).containsExactly("PLAN", "PLAN", "PLAN", "GOLD", "GOLD");
    }

    @Test
    void ultimateHasNoMonthlyLimitAndItsPagesSaySo() {
        assertThat(paymentsOfFiveBookings("ultimate")).containsOnly("PLAN");

        User counsellor = counselling.counsellor(uni);
        CounsellingPages pages = new CounsellingPages(client);
        String booking =
                "/counselling/book/" + counsellor.id() + "?type=" + CounsellingFixtures.GUIDANCE + "&tz=Europe/London";
        String page = pages.get(uni, booking, sessions.signIn(subscribedStudent("ultimate")))
                .body();
        assertThat(page).contains("Your plan includes unlimited sessions");
        String basicPage = pages.get(uni, booking, sessions.signIn(subscribedStudent("basic")))
                .body();
        assertThat(basicPage).contains("Your plan includes 1 session a month");
    }
}
