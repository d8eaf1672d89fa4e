package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.WalletFixtures;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BookingApiTest extends IntegrationTest {
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
    Wallets wallets;

    @Inject
    TestClock clock;

    CounsellingApi api;
    University uni;

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        uni = fixtures.university();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private User studentWithGold(int gold) {
        User student = walletFixtures.studentWith(uni, 0, gold);
        // verified, as booking requires
        return CrossTenant.within(uni, () -> signIns.completeEmailSignIn(uni, student.email()));
    }

    @Inject
    com.careerai.auth.SignInService signIns;

    private SignedIn as(User user) {
        return sessions.signIn(user);
    }

    private long gold(User user) {
        return CrossTenant.within(uni, () -> wallets.balances(uni.id(), user.id()))
                .of(Currency.GOLD);
    }

    @Test
    void approvedCounsellorsAreListedWithSessionTypesAndPrices() {
        User counsellor = counselling.counsellor(uni);
        HttpResponse<String> response = api.get(uni.subdomain(), as(studentWithGold(0)), "/api/v1/counsellors");

        assertThat(response.code()).isEqualTo(200);
        Map<String, Object> listed = api.list(response).stream()
                .filter(c -> ((Number) c.get("id")).longValue() == counsellor.id())
                .findFirst()
                .orElseThrow();
        assertThat(listed).containsEntry("timeZone", "Europe/London").containsKey("rating");
        assertThat(response.body())
                .contains(
                        "{\"slug\":\"career-guidance\",\"name\":\"Career guidance\",\"minutes\":30,\"price\":{\"gold\":2},\"included\":true,\"cardPrice\":null}")
                .contains("\"slug\":\"drop-in\"")
                .contains("\"price\":null");
    }

    @Test
    void slotsAreGivenWithOffsetsOfTheAskedTimeZone() {
        User counsellor = counselling.counsellor(uni);
        String from = clock.now()
                .plus(Duration.ofDays(1))
                .atZone(ZoneId.of("America/New_York"))
                .toLocalDate()
                .toString();
        HttpResponse<String> response = api.get(
                uni.subdomain(),
                as(studentWithGold(0)),
                "/api/v1/counsellors/" + counsellor.id() + "/slots?type=drop-in&from=" + from + "&to=" + from
                        + "&tz=America/New_York");

        assertThat(response.code()).isEqualTo(200);
        Map<String, Object> body = api.map(response);
        assertThat(body).containsEntry("timeZone", "America/New_York");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> slots = (List<Map<String, String>>) body.get("slots");
        assertThat(slots).isNotEmpty();
        for (Map<String, String> slot : slots) {
            OffsetDateTime start = OffsetDateTime.parse(slot.get("start"));
            assertThat(start.getOffset())
                    .isEqualTo(ZoneId.of("America/New_York").getRules().getOffset(start.toInstant()));
            assertThat(start.toLocalDate().toString()).isEqualTo(from);
            assertThat(Duration.between(start, OffsetDateTime.parse(slot.get("end"))))
                    .isEqualTo(Duration.ofMinutes(15));
        }
        assertThat(api.get(
                                uni.subdomain(),
                                as(studentWithGold(0)),
                                "/api/v1/counsellors/" + counsellor.id() + "/slots?type=drop-in&tz=Mars/Olympus")
                        .code())
                .isEqualTo(422);
    }

    @Test
    void bookingChargesTheGoldPriceAndGivesAMeetingRoom() {
        User counsellor = counselling.counsellor(uni);
        User student = studentWithGold(5);
        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.MOCK, Duration.ofDays(3));

        HttpResponse<String> response =
                api.book(uni.subdomain(), as(student), counsellor.id(), CounsellingFixtures.MOCK, start);

        assertThat(response.code()).isEqualTo(201);
        Map<String, Object> booked = api.map(response);
        assertThat(booked)
                .containsEntry("status", "CONFIRMED")
                .containsEntry("charged", Map.of("currency", "GOLD", "amount", 3));
        assertThat(Instant.parse((String) booked.get("start"))).isEqualTo(start);
        assertThat(Instant.parse((String) booked.get("end"))).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat((String) booked.get("meetingUrl")).matches("https://meet\\.jit\\.si/careerai-[0-9a-f]{32}");
        assertThat(gold(student)).isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND idempotency_key = ?",
                        uni.id(),
                        "appointment:" + booked.get("id")))
                .isEqualTo(1);
    }

    @Test
    void twentyConcurrentBookingsOfOneSlotGiveOneAppointmentAndOneCharge() throws Exception {
        User counsellor = counselling.counsellor(uni);
        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofDays(4));
        List<User> students = new ArrayList<>();
        List<SignedIn> signedIn = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            User student = studentWithGold(5);
            students.add(student);
            signedIn.add(as(student));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (SignedIn session : signedIn) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.book(uni.subdomain(), session, counsellor.id(), CounsellingFixtures.GUIDANCE, start);
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                codes.add(response.code());
                if (response.code() == 409) {
                    assertThat(response.body()).contains("\"error\":\"slot_taken\"");
                }
            }
            assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
            assertThat(codes).filteredOn(code -> code == 409).hasSize(19);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND feature = 'counselling'"
                                + " AND type = 'DEBIT' AND user_id IN ("
                                + String.join(
                                        ",",
                                        students.stream()
                                                .map(s -> String.valueOf(s.id()))
                                                .toList()) + ")",
                        uni.id()))
                .isEqualTo(1);
        assertThat(students.stream().mapToLong(this::gold).sum()).isEqualTo(20 * 5 - 2);
        assertThat(count(
                        "SELECT count(*) FROM appointments WHERE university_id = ? AND counsellor_id = ?",
                        uni.id(),
                        counsellor.id()))
                .isEqualTo(1);
    }

    @Test
    void aTimeThatIsNotASlotIsRefusedWith422AndMissingCreditsWith402() {
        User counsellor = counselling.counsellor(uni);
        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.MOCK, Duration.ofDays(3));

        HttpResponse<String> odd = api.book(
                uni.subdomain(),
                as(studentWithGold(5)),
                counsellor.id(),
                CounsellingFixtures.MOCK,
                start.plus(Duration.ofMinutes(7)));
        assertThat(odd.code()).isEqualTo(422);
        assertThat(odd.body()).contains("\"error\":\"not_a_slot\"");

        User broke = studentWithGold(1);
        HttpResponse<String> poor =
                api.book(uni.subdomain(), as(broke), counsellor.id(), CounsellingFixtures.MOCK, start);
        assertThat(poor.code()).isEqualTo(402);
        assertThat(gold(broke)).isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM appointments WHERE university_id = ? AND student_id = ?",
                        uni.id(),
                        broke.id()))
                .isZero();

        HttpResponse<String> garbled = api.post(
                uni.subdomain(),
                as(broke),
                "/api/v1/appointments",
                Map.of("counsellorId", counsellor.id(), "sessionType", "mock-interview", "start", "tomorrow"));
        assertThat(garbled.code()).isEqualTo(422);
        assertThat(garbled.body()).contains("\"fields\":{\"start\"");
    }

    @Test
    void aStudentHoldsAtMostTheUniversitysNumberOfUpcomingBookings() {
        User counsellor = counselling.counsellor(uni);
        SignedIn student = as(studentWithGold(0));
        List<SlotGenerator.Slot> slots =
                counselling.slots(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(5));

        assertThat(api.book(
                                uni.subdomain(),
                                student,
                                counsellor.id(),
                                CounsellingFixtures.DROP_IN,
                                slots.get(0).start())
                        .code())
                .isEqualTo(201);
        assertThat(api.book(
                                uni.subdomain(),
                                student,
                                counsellor.id(),
                                CounsellingFixtures.DROP_IN,
                                slots.get(2).start())
                        .code())
                .isEqualTo(201);
        HttpResponse<String> third = api.book(
                uni.subdomain(),
                student,
                counsellor.id(),
                CounsellingFixtures.DROP_IN,
                slots.get(4).start());
        assertThat(third.code()).isEqualTo(409);
        assertThat(third.body()).contains("\"error\":\"too_many_bookings\"");
    }

    @Test
    void cancellingInsideTheWindowRefundsAndLaterDoesNot() {
        User counsellor = counselling.counsellor(uni);
        User early = studentWithGold(3);
        User late = studentWithGold(3);
        Instant farStart = counselling.slot(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofDays(3));
        Instant nearStart = counselling.slot(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofHours(3));
        String far = (String)
                api.map(api.book(uni.subdomain(), as(early), counsellor.id(), CounsellingFixtures.GUIDANCE, farStart))
                        .get("id");
        String near = (String)
                api.map(api.book(uni.subdomain(), as(late), counsellor.id(), CounsellingFixtures.GUIDANCE, nearStart))
                        .get("id");
        assertThat(gold(early)).isEqualTo(1);
        assertThat(gold(late)).isEqualTo(1);

        HttpResponse<String> refunded = api.post(
                uni.subdomain(), as(early), "/api/v1/appointments/" + far + "/cancel", Map.of("reason", "exam"));
        HttpResponse<String> kept = api.post(
                uni.subdomain(), as(late), "/api/v1/appointments/" + near + "/cancel", Map.of("reason", "busy"));

        assertThat(refunded.code()).isEqualTo(200);
        assertThat(api.map(refunded)).containsEntry("status", "CANCELLED").containsEntry("refunded", true);
        assertThat(gold(early)).isEqualTo(3);
        assertThat(api.map(kept)).containsEntry("status", "CANCELLED").containsEntry("refunded", false);
        assertThat(gold(late)).isEqualTo(1);
        // a second cancel changes nothing and refunds nothing twice
        assertThat(api.post(uni.subdomain(), as(early), "/api/v1/appointments/" + far + "/cancel", Map.of())
                        .code())
                .isEqualTo(409);
        assertThat(gold(early)).isEqualTo(3);
    }

    @Test
    void aCounsellorsCancellationAlwaysRefunds() {
        User counsellor = counselling.counsellor(uni);
        User student = studentWithGold(3);
        Instant nearStart = counselling.slot(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofHours(2));
        String id = (String) api.map(api.book(
                        uni.subdomain(), as(student), counsellor.id(), CounsellingFixtures.GUIDANCE, nearStart))
                .get("id");

        HttpResponse<String> cancelled = api.post(
                uni.subdomain(), as(counsellor), "/api/v1/appointments/" + id + "/cancel", Map.of("reason", "ill"));

        assertThat(api.map(cancelled)).containsEntry("refunded", true);
        assertThat(gold(student)).isEqualTo(3);
    }

    @Test
    void aPlanSessionIsUsedInsteadOfGoldAndGivenBackOnTimelyCancellation() {
        User counsellor = counselling.counsellor(uni);
        User student = studentWithGold(5);
        subscribe(student, "basic"); // 1 counselling session a month
        List<SlotGenerator.Slot> slots =
                counselling.slots(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofDays(2));
        Instant first = slots.get(0).start();

        Map<String, Object> planned =
                api.map(api.book(uni.subdomain(), as(student), counsellor.id(), CounsellingFixtures.GUIDANCE, first));
        assertThat(planned).containsEntry("payment", "PLAN").containsEntry("charged", null);
        assertThat(gold(student)).isEqualTo(5);

        api.post(uni.subdomain(), as(student), "/api/v1/appointments/" + planned.get("id") + "/cancel", Map.of());
        Map<String, Object> again =
                api.map(api.book(uni.subdomain(), as(student), counsellor.id(), CounsellingFixtures.GUIDANCE, first));
        assertThat(again).containsEntry("payment", "PLAN");

        Instant sameMonthLater = slots.stream()
                .map(SlotGenerator.Slot::start)
                .filter(s -> s.isAfter(first.plus(Duration.ofHours(1))))
                .filter(s -> s.atOffset(java.time.ZoneOffset.UTC).getMonth()
                        == first.atOffset(java.time.ZoneOffset.UTC).getMonth())
                .findFirst()
                .orElse(null);
        if (sameMonthLater != null) {
            Map<String, Object> paid = api.map(api.book(
                    uni.subdomain(), as(student), counsellor.id(), CounsellingFixtures.GUIDANCE, sameMonthLater));
            assertThat(paid).containsEntry("payment", "GOLD");
            assertThat(gold(student)).isEqualTo(3);
        }
    }

    private void subscribe(User student, String product) {
        execute(
                "INSERT INTO subscriptions (university_id, id, user_id, external_id, product, status, state_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'active', now())",
                uni.id(),
                java.util.UUID.randomUUID(),
                student.id(),
                "sub_" + student.id(),
                product);
        fixtures.markPro(uni, student);
    }

    @Test
    void anonymousCallersGet401AndOnlyStudentsBook() {
        User counsellor = counselling.counsellor(uni);
        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(2));
        assertThat(api.get(uni.subdomain(), null, "/api/v1/counsellors").code()).isEqualTo(401);
        assertThat(api.book(uni.subdomain(), null, counsellor.id(), CounsellingFixtures.DROP_IN, start)
                        .code())
                .isEqualTo(401);
        assertThat(api.book(uni.subdomain(), as(counsellor), counsellor.id(), CounsellingFixtures.DROP_IN, start)
                        .code())
                .isEqualTo(403);
        assertThat(api.book(
                                uni.subdomain(),
                                as(fixtures.staff(uni)),
                                counsellor.id(),
                                CounsellingFixtures.DROP_IN,
                                start)
                        .code())
                .isEqualTo(403);
        assertThat(api.get(uni.subdomain(), as(studentWithGold(0)), "/api/v1/counsellor/availability")
                        .code())
                .isEqualTo(403);
    }
}
