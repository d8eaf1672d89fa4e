package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignInService;
import com.careerai.auth.SignedInUser;
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
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AppointmentLifecycleTest extends IntegrationTest {
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

    @Inject
    SignInService signIns;

    @Inject
    StorageProvider jobs;

    @Inject
    Waitlist waitlist;

    @Inject
    Counsellors counsellors;

    @Inject
    AfterSession afterSession;

    CounsellingApi api;
    University uni;
    University other;

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        uni = fixtures.university();
        other = fixtures.university();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private User student(University university, int gold) {
        User student = walletFixtures.studentWith(university, 0, gold);
        return CrossTenant.within(university, () -> signIns.completeEmailSignIn(university, student.email()));
    }

    private SignedIn as(User user) {
        return sessions.signIn(user);
    }

    private String book(User student, User counsellor, String type, Instant start) {
        HttpResponse<String> response = api.book(uni.subdomain(), as(student), counsellor.id(), type, start);
        assertThat(response.code()).as(response.body()).isEqualTo(201);
        return (String) api.map(response).get("id");
    }

    private VEvent event(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponents().get(0);
    }

    private String property(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    private String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void theCalendarFileKeepsItsUidBumpsItsSequenceAndCancels() throws Exception {
        User counsellor = counselling.counsellor(uni);
        User student = student(uni, 5);
        List<SlotGenerator.Slot> slots =
                counselling.slots(uni, counsellor, CounsellingFixtures.MOCK, Duration.ofDays(3));
        String id =
                book(student, counsellor, CounsellingFixtures.MOCK, slots.get(0).start());

        HttpResponse<String> first = api.get(uni.subdomain(), as(student), "/api/v1/appointments/" + id + "/ics");
        assertThat(first.code()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("text/calendar");
        Calendar booked = new CalendarBuilder().build(new StringReader(first.body()));
        VEvent bookedEvent = event(first.body());
        assertThat(property(booked, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(property(bookedEvent, Property.UID)).isEqualTo(id + "@careerai");
        assertThat(property(bookedEvent, Property.SEQUENCE)).isEqualTo("0");
        assertThat(property(bookedEvent, Property.DTSTART)).endsWith("Z");
        assertThat(property(bookedEvent, Property.LOCATION)).startsWith("https://meet.jit.si/careerai-");
        assertThat(property(bookedEvent, Property.URL)).isEqualTo(property(bookedEvent, Property.LOCATION));

        Instant later = slots.get(4).start();
        HttpResponse<String> moved = api.post(
                uni.subdomain(),
                as(student),
                "/api/v1/appointments/" + id + "/reschedule",
                Map.of("start", later.toString()));
        assertThat(moved.code()).as(moved.body()).isEqualTo(200);
        assertThat(api.map(moved))
                .containsEntry("rescheduledFrom", ApiViews.iso(slots.get(0).start()));
        VEvent movedEvent = event(api.get(uni.subdomain(), as(counsellor), "/api/v1/appointments/" + id + "/ics")
                .body());
        assertThat(property(movedEvent, Property.UID)).isEqualTo(id + "@careerai");
        assertThat(property(movedEvent, Property.SEQUENCE)).isEqualTo("1");
        assertThat(property(movedEvent, Property.DTSTART))
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(later));

        api.post(
                uni.subdomain(),
                as(student),
                "/api/v1/appointments/" + id + "/cancel",
                Map.of("reason", "found a job"));
        String cancelledIcs = api.get(uni.subdomain(), as(student), "/api/v1/appointments/" + id + "/ics")
                .body();
        Calendar cancelled = new CalendarBuilder().build(new StringReader(cancelledIcs));
        assertThat(property(cancelled, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(property(event(cancelledIcs), Property.SEQUENCE)).isEqualTo("2");
        assertThat(property(event(cancelledIcs), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(property(event(cancelledIcs), Property.UID)).isEqualTo(id + "@careerai");
    }

    @Test
    void remindersAreScheduledMovedWithTheAppointmentAndRemovedOnCancel() {
        User counsellor = counselling.counsellor(uni);
        User student = student(uni, 0);
        List<SlotGenerator.Slot> slots =
                counselling.slots(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(3));
        UUID id = UUID.fromString(book(
                student, counsellor, CounsellingFixtures.DROP_IN, slots.get(0).start()));

        assertThat(state(AppointmentReminderJobRequest.jobId(id, 0, 24))).isEqualTo(StateName.SCHEDULED);
        assertThat(state(AppointmentReminderJobRequest.jobId(id, 0, 1))).isEqualTo(StateName.SCHEDULED);
        assertThat(jobs.getJobById(AppointmentReminderJobRequest.jobId(id, 0, 1))
                        .<org.jobrunr.jobs.states.ScheduledState>getJobState()
                        .getScheduledAt())
                .isEqualTo(slots.get(0).start().minus(Duration.ofHours(1)));

        api.post(
                uni.subdomain(),
                as(student),
                "/api/v1/appointments/" + id + "/reschedule",
                Map.of("start", slots.get(8).start().toString()));
        assertThat(state(AppointmentReminderJobRequest.jobId(id, 0, 24))).isEqualTo(StateName.DELETED);
        assertThat(state(AppointmentReminderJobRequest.jobId(id, 0, 1))).isEqualTo(StateName.DELETED);
        assertThat(state(AppointmentReminderJobRequest.jobId(id, 1, 24))).isEqualTo(StateName.SCHEDULED);

        api.post(uni.subdomain(), as(student), "/api/v1/appointments/" + id + "/cancel", Map.of());
        assertThat(state(AppointmentReminderJobRequest.jobId(id, 1, 24))).isEqualTo(StateName.DELETED);
        assertThat(state(AppointmentReminderJobRequest.jobId(id, 1, 1))).isEqualTo(StateName.DELETED);
    }

    private StateName state(UUID jobId) {
        try {
            return jobs.getJobById(jobId).getState();
        } catch (JobNotFoundException e) {
            return null;
        }
    }

    @Test
    void aNoShowStrikesBlocksBookingUntilADisputeIsUpheld() {
        User counsellor = counselling.counsellor(uni);
        User student = student(uni, 5);
        User staff = fixtures.staff(uni);
        CrossTenant.within(uni, () -> {
            counsellors.changeRules(signedIn(staff), new BookingRules(24, 2, 1));
            return null;
        });
        try {
            Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.MOCK, Duration.ofHours(3));
            String id = book(student, counsellor, CounsellingFixtures.MOCK, start);
            assertThat(api.post(
                                    uni.subdomain(),
                                    as(counsellor),
                                    "/api/v1/counsellor/appointments/" + id + "/outcome",
                                    Map.of("status", "NO_SHOW"))
                            .code())
                    .as("not before the start")
                    .isEqualTo(409);

            // just past the start, wherever the first slot three hours out fell (late in the day it is tomorrow)
            clock.shift(Duration.between(clock.now(), start).plusMinutes(1));
            HttpResponse<String> marked = api.post(
                    uni.subdomain(),
                    as(counsellor),
                    "/api/v1/counsellor/appointments/" + id + "/outcome",
                    Map.of("status", "NO_SHOW"));
            assertThat(api.map(marked)).containsEntry("status", "NO_SHOW");
            assertThat(api.post(
                                    uni.subdomain(),
                                    as(student),
                                    "/api/v1/counsellor/appointments/" + id + "/outcome",
                                    Map.of("status", "COMPLETED"))
                            .code())
                    .isEqualTo(403);

            Instant next = counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofDays(1));
            HttpResponse<String> blocked =
                    api.book(uni.subdomain(), as(student), counsellor.id(), CounsellingFixtures.DROP_IN, next);
            assertThat(blocked.code()).isEqualTo(403);
            assertThat(blocked.body()).contains("\"error\":\"booking_blocked\"").contains("missed 1 appointments");

            assertThat(api.post(
                                    uni.subdomain(),
                                    as(student),
                                    "/api/v1/appointments/" + id + "/dispute",
                                    Map.of("reason", "The link did not work"))
                            .code())
                    .isEqualTo(204);
            assertThat(CrossTenant.within(uni, () -> afterSession.openDisputes(uni.id())))
                    .extracting(StandingStore.Dispute::appointmentId)
                    .contains(UUID.fromString(id));
            CrossTenant.within(uni, () -> {
                afterSession.resolve(signedIn(staff), UUID.fromString(id), true, true, "Jitsi outage");
                return null;
            });

            assertThat(CrossTenant.within(uni, () -> wallets.balances(uni.id(), student.id()))
                            .of(Currency.GOLD))
                    .isEqualTo(5);
            assertThat(api.book(uni.subdomain(), as(student), counsellor.id(), CounsellingFixtures.DROP_IN, next)
                            .code())
                    .isEqualTo(201);
        } finally {
            CrossTenant.within(uni, () -> {
                counsellors.changeRules(signedIn(staff), BookingRules.DEFAULTS);
                return null;
            });
        }
    }

    @Test
    void feedbackIsGivenOnceForACompletedAppointmentAndCounts() {
        User counsellor = counselling.counsellor(uni);
        User student = student(uni, 0);
        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.DROP_IN, Duration.ofHours(1));
        String id = book(student, counsellor, CounsellingFixtures.DROP_IN, start);
        assertThat(api.post(
                                uni.subdomain(),
                                as(student),
                                "/api/v1/appointments/" + id + "/feedback",
                                Map.of("rating", 5, "comment", "Great"))
                        .code())
                .isEqualTo(409);

        clock.shift(Duration.ofHours(2));
        api.post(
                uni.subdomain(),
                as(counsellor),
                "/api/v1/counsellor/appointments/" + id + "/outcome",
                Map.of("status", "COMPLETED"));
        assertThat(api.post(
                                uni.subdomain(),
                                as(student),
                                "/api/v1/appointments/" + id + "/feedback",
                                Map.of("rating", 6))
                        .code())
                .isEqualTo(422);
        assertThat(api.post(
                                uni.subdomain(),
                                as(student),
                                "/api/v1/appointments/" + id + "/feedback",
                                Map.of("rating", 4, "comment", "Helpful"))
                        .code())
                .isEqualTo(204);
        assertThat(api.post(
                                uni.subdomain(),
                                as(student),
                                "/api/v1/appointments/" + id + "/feedback",
                                Map.of("rating", 1))
                        .code())
                .isEqualTo(409);

        RatingSummary summary = CrossTenant.within(uni, () -> afterSession.ratingsOf(uni.id(), counsellor.id()));
        assertThat(summary.average()).isEqualTo(4.0);
        assertThat(summary.distribution()).containsExactly(0, 0, 0, 1, 0);
        Map<String, Object> listed =
                api.map(api.get(uni.subdomain(), as(student), "/api/v1/counsellors/" + counsellor.id()));
        assertThat(listed).containsEntry("rating", 4.0).containsEntry("ratings", 1);

        CounsellingPages pages = new CounsellingPages(client);
        assertThat(pages.get(uni, "/counsellor", sessions.signIn(counsellor)).body())
                .contains("data-rating-distribution")
                .contains("<th scope=\"row\">4★</th><td><span class=\"bar\" style=\"--share: 100%\">")
                .contains("data-rating-trend");
        assertThat(pages.get(uni, "/staff/counsellors", sessions.signIn(fixtures.staff(uni)))
                        .body())
                .contains("4.0★ from 1 rating");
    }

    @Test
    void aFreedSlotIsOfferedToTheFirstWaitingStudentAndPassesOnWhenTheHoldLapses() {
        java.time.LocalDate day = clock.now()
                .plus(Duration.ofDays(2))
                .atZone(java.time.ZoneId.of("Europe/London"))
                .toLocalDate();
        User counsellor = counselling.counsellor(
                uni,
                List.of(),
                List.of(new SlotGenerator.DateOverride(day, false, LocalTime.of(10, 0), LocalTime.of(10, 30))));
        User booker = student(uni, 5);
        User first = student(uni, 5);
        User second = student(uni, 5);
        User outsider = student(uni, 5);
        Instant only = counselling.slot(uni, counsellor, CounsellingFixtures.GUIDANCE, Duration.ofDays(1));
        String id = book(booker, counsellor, CounsellingFixtures.GUIDANCE, only);

        assertThat(api.post(
                                uni.subdomain(),
                                as(first),
                                "/api/v1/counsellors/" + counsellor.id() + "/waitlist",
                                Map.of("sessionType", CounsellingFixtures.GUIDANCE))
                        .code())
                .isEqualTo(204);
        api.post(
                uni.subdomain(),
                as(second),
                "/api/v1/counsellors/" + counsellor.id() + "/waitlist",
                Map.of("sessionType", CounsellingFixtures.GUIDANCE));

        api.post(uni.subdomain(), as(booker), "/api/v1/appointments/" + id + "/cancel", Map.of());

        WaitlistStore.Entry offer = CrossTenant.within(uni, () -> waitlist.ofStudent(signedIn(first)))
                .get(0);
        assertThat(offer.status()).isEqualTo("OFFERED");
        assertThat(offer.offeredStart()).isEqualTo(only);
        assertThat(state(WaitlistOfferExpiryJobRequest.jobId(uni.id(), offer.id())))
                .isEqualTo(StateName.SCHEDULED);
        HttpResponse<String> held =
                api.book(uni.subdomain(), as(outsider), counsellor.id(), CounsellingFixtures.GUIDANCE, only);
        assertThat(held.code()).isEqualTo(409);

        CrossTenant.within(uni, () -> {
            waitlist.expire(uni.id(), offer.id());
            return null;
        });

        assertThat(CrossTenant.within(uni, () -> waitlist.ofStudent(signedIn(first))))
                .isEmpty();
        WaitlistStore.Entry passedOn = CrossTenant.within(uni, () -> waitlist.ofStudent(signedIn(second)))
                .get(0);
        assertThat(passedOn.status()).isEqualTo("OFFERED");
        assertThat(api.book(uni.subdomain(), as(second), counsellor.id(), CounsellingFixtures.GUIDANCE, only)
                        .code())
                .isEqualTo(201);
        assertThat(CrossTenant.within(uni, () -> waitlist.ofStudent(signedIn(second))))
                .isEmpty();
    }

    @Test
    void joiningAWaitlistIsRefusedWhileSlotsAreOpen() {
        User counsellor = counselling.counsellor(uni);
        HttpResponse<String> refused = api.post(
                uni.subdomain(),
                as(student(uni, 0)),
                "/api/v1/counsellors/" + counsellor.id() + "/waitlist",
                Map.of("sessionType", CounsellingFixtures.DROP_IN));
        assertThat(refused.code()).isEqualTo(409);
        assertThat(refused.body()).contains("slots_available");
    }

    @Test
    void everyAppointmentEndpointAnswers404ToAnotherUniversity() {
        User counsellor = counselling.counsellor(uni);
        User student = student(uni, 5);
        Instant start = counselling.slot(uni, counsellor, CounsellingFixtures.MOCK, Duration.ofDays(2));
        String id = book(student, counsellor, CounsellingFixtures.MOCK, start);
        User foreignStudent = student(other, 5);
        User foreignCounsellor = counselling.counsellor(other);
        User foreignStaff = fixtures.staff(other);
        String base = "/api/v1/appointments/" + id;

        for (User foreigner : List.of(foreignStudent, foreignCounsellor, foreignStaff)) {
            SignedIn session = as(foreigner);
            assertThat(api.get(other.subdomain(), session, base).code()).isEqualTo(404);
            assertThat(api.get(other.subdomain(), session, base + "/ics").code())
                    .isEqualTo(404);
            assertThat(api.post(other.subdomain(), session, base + "/cancel", Map.of())
                            .code())
                    .isEqualTo(404);
            assertThat(api.post(other.subdomain(), session, base + "/reschedule", Map.of("start", start.toString()))
                            .code())
                    .isEqualTo(404);
            assertThat(api.post(other.subdomain(), session, base + "/feedback", Map.of("rating", 1))
                            .code())
                    .isEqualTo(404);
            assertThat(api.post(other.subdomain(), session, base + "/dispute", Map.of("reason", "x"))
                            .code())
                    .isEqualTo(404);
            assertThat(api.get(other.subdomain(), session, "/api/v1/appointments")
                            .body())
                    .doesNotContain(id);
        }
        assertThat(api.post(
                                other.subdomain(),
                                as(foreignCounsellor),
                                "/api/v1/counsellor/appointments/" + id + "/outcome",
                                Map.of("status", "COMPLETED"))
                        .code())
                .isEqualTo(404);
        assertThat(api.get(
                                other.subdomain(),
                                as(foreignStudent),
                                "/api/v1/counsellors/" + counsellor.id() + "/slots?type=mock-interview")
                        .code())
                .isEqualTo(404);
        assertThat(api.book(other.subdomain(), as(foreignStudent), counsellor.id(), CounsellingFixtures.MOCK, start)
                        .code())
                .isEqualTo(404);
        // a session of university A is not accepted on B's host at all
        assertThat(api.get(other.subdomain(), as(student), base).code()).isEqualTo(401);
        // and another student of the same university sees nothing either
        assertThat(api.get(uni.subdomain(), as(student(uni, 0)), base).code()).isEqualTo(404);
        assertThat(api.get(uni.subdomain(), as(student), base).code()).isEqualTo(200);
    }

    private SignedInUser signedIn(User user) {
        return SignedInUser.of(user);
    }
}
