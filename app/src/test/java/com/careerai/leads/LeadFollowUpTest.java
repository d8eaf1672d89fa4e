package com.careerai.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeTwilioServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inquiries and their follow-up against the real twilio-java SDK pointed at {@link FakeTwilioServer}
 * and real SMTP (GreenMail): one email, one WhatsApp message and one call per new lead, even when
 * the delivery is retried after the request went out; validation, bot trap, merge, signed status
 * callbacks, and another university's leads answered 404.
 */
@MicronautTest(transactional = false)
class LeadFollowUpTest extends IntegrationTest {
    private static final AtomicInteger PHONES = new AtomicInteger(100);

    final FakeTwilioServer twilio = new FakeTwilioServer();
    final TestMailServer mail = TestMailServer.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    WhatsAppFollowUpListener whatsApp;

    @Inject
    CallFollowUpListener calls;

    @Inject
    EmailFollowUpListener emails;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    Leads leads;

    University a;
    University b;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.putAll(twilio.properties());
        properties.put("careerai.leads.inquiries-per-address", "40");
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    @BeforeAll
    void universities() {
        a = fixtures.university();
        b = fixtures.university();
    }

    @AfterAll
    void stop() {
        twilio.close();
        mail.close();
    }

    /** A fresh valid UK mobile number, so each test's requests can be told apart. */
    static String newPhone() {
        return "+447911100" + String.format("%03d", PHONES.incrementAndGet());
    }

    HttpResponse<String> postJson(University university, Map<String, Object> body) {
        return Http.exchange(
                client,
                HttpRequest.POST("/api/v1/public/leads", body)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", hostOf(university.subdomain())));
    }

    static Map<String, Object> inquiry(String name, String email, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("interest", "Data science");
        body.put("message", "When does the next intake start?");
        body.put("consent", true);
        return body;
    }

    long leadId(HttpResponse<String> response) {
        assertThat(response.code()).as(response.body()).isEqualTo(202);
        return Long.parseLong(response.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    String logStatus(long leadId, String channel) {
        Map<String, String> statuses = statuses(leadId);
        return statuses.get(channel);
    }

    Map<String, String> statuses(long leadId) {
        Map<String, String> statuses = new HashMap<>();
        for (String channel : new String[] {"EMAIL", "WHATSAPP", "VOICE"}) {
            long n =
                    count("SELECT count(*) FROM communication_logs WHERE lead_id = ? AND channel = ?", leadId, channel);
            if (n > 0) {
                for (String status : new String[] {
                    "ATTEMPTED",
                    "UNCONFIRMED",
                    "SENT",
                    "DELIVERED",
                    "READ",
                    "COMPLETED",
                    "NO_ANSWER",
                    "BUSY",
                    "FAILED",
                    "SKIPPED"
                }) {
                    if (count(
                                    "SELECT count(*) FROM communication_logs WHERE lead_id = ? AND channel = ? AND status = ?",
                                    leadId,
                                    channel,
                                    status)
                            > 0) {
                        statuses.put(channel, status);
                    }
                }
            }
        }
        return statuses;
    }

    void awaitFollowUp(long leadId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Map<String, String> s = statuses(leadId);
                    return s.size() == 3 && !s.containsValue("ATTEMPTED");
                });
    }

    /** Delivers the event again to each listener, as a retried job would. */
    void deliverAgain(University university, long leadId) {
        LeadReceived event = new LeadReceived(leadId, university.name(), university.subdomain());
        for (com.careerai.platform.outbox.OutboxListener<LeadReceived> listener :
                java.util.List.of(emails, whatsApp, calls)) {
            fixtures.run(
                    university,
                    () -> transactions.executeWrite(status -> {
                        listener.on(university.id(), UUID.randomUUID(), event);
                        return null;
                    }));
        }
    }

    @Test
    void anInquiryGetsExactlyOneEmailWhatsAppMessageAndCallEvenWhenRedelivered() throws Exception {
        String phone = newPhone();
        String email = "ada" + phone.substring(1) + "@example.com";
        long id = leadId(postJson(a, inquiry("Ada Lovelace", email, phone)));

        awaitFollowUp(id);
        assertThat(statuses(id))
                .containsEntry("EMAIL", "SENT")
                .containsEntry("WHATSAPP", "SENT")
                .containsEntry("VOICE", "SENT");
        assertThat(twilio.to(phone)).hasSize(2);
        FakeTwilioServer.Request message = twilio.to(phone).stream()
                .filter(r -> r.path().endsWith("/Messages.json"))
                .findFirst()
                .orElseThrow();
        assertThat(message.path()).isEqualTo("/2010-04-01/Accounts/" + FakeTwilioServer.ACCOUNT_SID + "/Messages.json");
        assertThat(message.parameter("From")).isEqualTo("whatsapp:+14155238886");
        assertThat(message.parameter("Body"))
                .contains("Hi Ada")
                .contains("Data science")
                .contains(a.name());
        assertThat(message.parameter("StatusCallback"))
                .startsWith("http://" + hostOf(a.subdomain()) + "/webhooks/twilio/status?ref=");
        assertThat(message.headers().get("authorization")).startsWith("Basic ");
        FakeTwilioServer.Request call = twilio.to(phone).stream()
                .filter(r -> r.path().endsWith("/Calls.json"))
                .findFirst()
                .orElseThrow();
        assertThat(call.parameter("Twiml")).contains("<Say>").contains("Hello Ada.");
        assertThat(call.parameter("From")).isEqualTo("+14155550100");
        assertThat(TestMailServer.text(mail.awaitNext(email))).contains("Data science");

        deliverAgain(a, id);

        assertThat(twilio.to(phone)).hasSize(2);
        assertThat(count("SELECT count(*) FROM communication_logs WHERE lead_id = ?", id))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM mail_deliveries WHERE recipient = ?", email))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM leads WHERE id = ? AND first_contacted_at IS NOT NULL", id))
                .isEqualTo(1);
    }

    @Test
    void aRetryAfterTheRequestWentOutDoesNotSendAgainAndTheSignedCallbackSettlesIt() {
        String phone = newPhone();
        twilio.failNextAfterReceiving("/Messages.json", phone, 500);
        long id = leadId(postJson(a, inquiry("Grace Hopper", "grace" + phone.substring(1) + "@example.com", phone)));

        awaitFollowUp(id);
        assertThat(logStatus(id, "WHATSAPP")).isEqualTo("UNCONFIRMED");
        assertThat(twilio.to(phone).stream().filter(r -> r.path().endsWith("/Messages.json")))
                .hasSize(1);

        deliverAgain(a, id);
        assertThat(twilio.to(phone).stream().filter(r -> r.path().endsWith("/Messages.json")))
                .hasSize(1);
        assertThat(logStatus(id, "WHATSAPP")).isEqualTo("UNCONFIRMED");

        // Twilio did send it: its status callback names the log row and settles it.
        String url = twilio.to(phone).stream()
                .filter(r -> r.path().endsWith("/Messages.json"))
                .findFirst()
                .orElseThrow()
                .parameter("StatusCallback");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("MessageSid", "SM_from_callback");
        parameters.put("MessageStatus", "delivered");
        parameters.put("AccountSid", FakeTwilioServer.ACCOUNT_SID);
        assertThat(callback(a, url, parameters, FakeTwilioServer.signature(url, parameters))
                        .code())
                .isEqualTo(204);
        assertThat(logStatus(id, "WHATSAPP")).isEqualTo("DELIVERED");
        assertThat(count(
                        "SELECT count(*) FROM communication_logs WHERE lead_id = ? AND provider_id = 'SM_from_callback'",
                        id))
                .isEqualTo(1);
    }

    @Test
    void callbacksWithABadOrMissingSignatureAreRefused() {
        String phone = newPhone();
        long id = leadId(postJson(a, inquiry("Alan Turing", "alan" + phone.substring(1) + "@example.com", phone)));
        awaitFollowUp(id);
        String url = twilio.to(phone).stream()
                .filter(r -> r.path().endsWith("/Calls.json"))
                .findFirst()
                .orElseThrow()
                .parameter("StatusCallback");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CallSid", "CA1");
        parameters.put("CallStatus", "no-answer");
        Map<String, String> tampered = new LinkedHashMap<>(parameters);
        tampered.put("CallStatus", "completed");

        assertThat(callback(a, url, tampered, FakeTwilioServer.signature(url, parameters))
                        .code())
                .isEqualTo(403);
        assertThat(callback(a, url, parameters, null).code()).isEqualTo(403);
        // signed for A's address, replayed on B's host
        assertThat(callback(b, url, parameters, FakeTwilioServer.signature(url, parameters))
                        .code())
                .isEqualTo(403);
        assertThat(logStatus(id, "VOICE")).isEqualTo("SENT");

        assertThat(callback(a, url, parameters, FakeTwilioServer.signature(url, parameters))
                        .code())
                .isEqualTo(204);
        assertThat(logStatus(id, "VOICE")).isEqualTo("NO_ANSWER");
    }

    HttpResponse<String> callback(University host, String url, Map<String, String> parameters, String signature) {
        URI uri = URI.create(url);
        String body = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.POST(uri.getPath() + "?" + uri.getRawQuery(), body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("Host", hostOf(host.subdomain()));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return Http.exchange(client, request);
    }

    @Test
    void aBadPhoneOrMissingConsentIsRefusedWithFieldMessages() {
        Map<String, Object> badPhone = inquiry("Bad Phone", "bad-phone@example.com", "12345");
        HttpResponse<String> refused = postJson(a, badPhone);
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("\"phone\"").contains("country code");

        Map<String, Object> noConsent = inquiry("No Consent", "no-consent@example.com", newPhone());
        noConsent.put("consent", false);
        HttpResponse<String> withoutConsent = postJson(a, noConsent);
        assertThat(withoutConsent.code()).isEqualTo(422);
        assertThat(withoutConsent.body()).contains("\"consent\"");
        assertThat(
                        count(
                                "SELECT count(*) FROM leads WHERE email IN ('bad-phone@example.com', 'no-consent@example.com')"))
                .isZero();
    }

    @Test
    void aNationalNumberIsReadInTheUniversitysCountryOnceStaffSetIt() {
        University c = fixtures.university();
        assertThat(postJson(c, inquiry("Nat One", "nat1@example.com", "07911 100777"))
                        .code())
                .isEqualTo(422);
        execute(
                "INSERT INTO lead_settings (university_id, default_region, whatsapp_template, call_script)"
                        + " VALUES (?, 'GB', 'Hi {{name}}', 'Hello {{name}}')",
                c.id());
        long id = leadId(postJson(c, inquiry("Nat Two", "nat2@example.com", "07911 100777")));
        assertThat(count("SELECT count(*) FROM leads WHERE id = ? AND phone = '+447911100777'", id))
                .isEqualTo(1);
    }

    @Test
    void aBotThatFillsTheHoneypotIsAcceptedAndDiscarded() {
        String phone = newPhone();
        Map<String, Object> bot = inquiry("Bot", "bot@example.com", phone);
        bot.put("website", "http://spam.example");
        HttpResponse<String> response = postJson(a, bot);
        assertThat(response.code()).isEqualTo(202);
        assertThat(response.body()).contains("\"id\"");
        assertThat(count("SELECT count(*) FROM leads WHERE email = 'bot@example.com'"))
                .isZero();
        assertThat(twilio.to(phone)).isEmpty();
    }

    @Test
    void tooManyInquiriesFromOneAddressAreRefused() {
        University c = fixtures.university();
        Map<String, Object> bot = inquiry("Bot", "bot@example.com", newPhone());
        bot.put("website", "x");
        for (int i = 0; i < 40; i++) {
            assertThat(postJson(c, bot).code()).isEqualTo(202);
        }
        assertThat(postJson(c, bot).code()).isEqualTo(429);
    }

    @Test
    void aSecondInquiryWithTheSameEmailOrPhoneIsMergedIntoTheFirstLead() {
        String phone = newPhone();
        long first =
                leadId(postJson(a, inquiry("Mary Somerville", "mary" + phone.substring(1) + "@example.com", phone)));
        awaitFollowUp(first);
        Map<String, Object> again = inquiry("Mary S.", "other" + phone.substring(1) + "@example.com", phone);
        again.put("message", "Also: do you offer evening classes?");
        long second = leadId(postJson(a, again));

        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT inquiries FROM leads WHERE id = ?", first)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM lead_notes WHERE lead_id = ? AND body LIKE '%evening classes%'", first))
                .isEqualTo(1);
        assertThat(twilio.to(phone)).hasSize(2);
    }

    @Test
    void twoSimultaneousFirstInquiriesFromOnePersonMakeOneLead() throws Exception {
        String phone = newPhone();
        Inquiry inquiry = new Inquiry(
                "Ada Twice", "twice" + phone.substring(1) + "@example.com", phone, "MBA", null, null, "Hi", true);
        java.util.concurrent.CountDownLatch firstInserted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commitFirst = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // the first inquiry has inserted its lead but not committed when the second arrives
            java.util.concurrent.Future<Leads.Received> first = threads.submit(() -> fixtures.in(
                    a,
                    () -> transactions.executeWrite(status -> {
                        Leads.Received received = leads.receive(a, inquiry);
                        firstInserted.countDown();
                        await().atMost(Duration.ofSeconds(30)).until(() -> commitFirst.getCount() == 0);
                        return received;
                    })));
            assertThat(firstInserted.await(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            java.util.concurrent.Future<Leads.Received> second =
                    threads.submit(() -> fixtures.in(a, () -> leads.receive(a, inquiry)));
            // without a unique constraint the second finishes at once; with it, it waits for the first
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> second.isDone()
                            || count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") > 0);
            commitFirst.countDown();
            Leads.Received one = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            Leads.Received other = second.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(one.merged()).isFalse();
            assertThat(other.merged()).isTrue();
            assertThat(other.leadId()).isEqualTo(one.leadId());
            assertThat(count("SELECT count(*) FROM leads WHERE phone = ?", phone))
                    .isEqualTo(1);
            assertThat(count("SELECT inquiries FROM leads WHERE phone = ?", phone))
                    .isEqualTo(2);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
    }

    @Inject
    LeadsPersonalData personalData;

    @Test
    void aPersonsLeadsNotesAndMessagesAreExportedAndErased() {
        com.careerai.auth.User student = fixtures.student(a);
        String phone = newPhone();
        long id = leadId(postJson(a, inquiry("Rosalind Franklin", student.email(), phone)));
        awaitFollowUp(id);
        fixtures.run(a, () -> leads.addNote(a.id(), id, "staff", "Prefers evening calls"));

        com.careerai.platform.privacy.PersonalData.Part part =
                fixtures.in(a, () -> personalData.export(a.id(), student.id()));
        assertThat(part.records().toString())
                .contains("Rosalind Franklin")
                .contains(phone)
                .contains("Prefers evening calls")
                .contains("WHATSAPP");

        fixtures.run(a, () -> personalData.erase(a.id(), student.id()));
        fixtures.run(a, () -> personalData.erase(a.id(), student.id()));
        assertThat(count("SELECT count(*) FROM leads WHERE id = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM communication_logs WHERE lead_id = ?", id))
                .isZero();
        assertThat(count("SELECT count(*) FROM lead_notes WHERE lead_id = ?", id))
                .isZero();
    }

    @Test
    void theContactFormRecordsALeadAndReRendersInvalidInputWith422() {
        TestSessions.Anonymous visitor = sessions.anonymous();
        String phone = newPhone();
        String form = "name=Form+Visitor&email=form" + phone.substring(1) + "%40example.com&phone="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                + "&interest=MBA&message=Hi&consent=yes&website=&csrf="
                + visitor.csrf();
        HttpResponse<String> sent = Http.exchange(
                client,
                HttpRequest.POST("/contact", form)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Cookie", visitor.cookie()));
        assertThat(sent.code()).as(sent.body()).isEqualTo(303);
        assertThat(sent.header("Location")).isEqualTo("/contact?sent=1");
        assertThat(count("SELECT count(*) FROM leads WHERE phone = ?", phone)).isEqualTo(1);

        HttpResponse<String> invalid = Http.exchange(
                client,
                HttpRequest.POST("/contact", "name=Kept+Name&email=nope&phone=1&consent=&csrf=" + visitor.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Cookie", visitor.cookie()));
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("value=\"Kept Name\"")
                .contains("Enter an email address")
                .contains("Tick the box")
                .contains("country code");

        HttpResponse<String> page =
                Http.exchange(client, HttpRequest.GET("/contact").header("Host", hostOf(a.subdomain())));
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("name=\"website\"")
                .contains("<link rel=\"canonical\" href=\"http://" + hostOf(a.subdomain()) + "/contact\">");
    }

    @Test
    void staffSeeTheBoardAndTheLogAndAnotherUniversitysLeadIsNotFound() {
        String phone = newPhone();
        long id = leadId(postJson(a, inquiry("Lise Meitner", "lise" + phone.substring(1) + "@example.com", phone)));
        awaitFollowUp(id);
        User staffA = fixtures.staff(a);
        User staffB = fixtures.staff(b);
        TestSessions.SignedIn asA = sessions.signIn(staffA);
        TestSessions.SignedIn asB = sessions.signIn(staffB);

        HttpResponse<String> detail = Http.exchange(
                client,
                HttpRequest.GET("/api/v1/staff/leads/" + id)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asA.bearer()));
        assertThat(detail.code()).isEqualTo(200);
        assertThat(detail.body())
                .contains("\"channel\":\"EMAIL\"")
                .contains("\"channel\":\"WHATSAPP\"")
                .contains("\"channel\":\"VOICE\"");

        HttpResponse<String> moved = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/staff/leads/" + id + "/status", Map.of("status", "QUALIFIED"))
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asA.bearer()));
        assertThat(moved.code()).isEqualTo(200);
        HttpResponse<String> qualified = Http.exchange(
                client,
                HttpRequest.GET("/api/v1/staff/leads?status=QUALIFIED")
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asA.bearer()));
        assertThat(qualified.body()).contains("\"id\":" + id);

        HttpResponse<String> board = Http.exchange(
                client,
                HttpRequest.GET("/staff/leads")
                        .header("Host", hostOf(a.subdomain()))
                        .header("Cookie", asA.cookie()));
        assertThat(board.code()).isEqualTo(200);
        assertThat(board.body()).contains("Lise Meitner").contains("median time to first message");
        HttpResponse<String> page = Http.exchange(
                client,
                HttpRequest.GET("/staff/leads/" + id)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Cookie", asA.cookie()));
        assertThat(page.body()).contains("WhatsApp").contains("Voice call").contains("Email");

        for (String path : new String[] {"/api/v1/staff/leads/" + id, "/staff/leads/" + id}) {
            HttpResponse<String> other = Http.exchange(
                    client,
                    HttpRequest.GET(path).header("Host", hostOf(b.subdomain())).header("Authorization", asB.bearer()));
            assertThat(other.code()).as(path).isEqualTo(404);
            assertThat(other.body()).doesNotContain("Lise");
        }
        HttpResponse<String> moveOther = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/staff/leads/" + id + "/status", Map.of("status", "LOST"))
                        .header("Host", hostOf(b.subdomain()))
                        .header("Authorization", asB.bearer()));
        assertThat(moveOther.code()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM leads WHERE id = ? AND status = 'QUALIFIED'", id))
                .isEqualTo(1);
    }

    @Test
    void convertingALeadInvitesThemToSignUpAsAStudent() {
        String phone = newPhone();
        String email = "conv" + phone.substring(1) + "@example.com";
        long id = leadId(postJson(a, inquiry("Con Vert", email, phone)));
        TestSessions.SignedIn asA = sessions.signIn(fixtures.staff(a));
        HttpResponse<String> converted = Http.exchange(
                client,
                HttpRequest.POST("/staff/leads/" + id + "/convert", "csrf=" + asA.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Cookie", asA.cookie()));
        assertThat(converted.code()).as(converted.body()).isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM leads WHERE id = ? AND status = 'ENROLLED' AND invitation_id IS NOT NULL",
                        id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM invitations WHERE lower(email) = ? AND role = 'STUDENT'", email))
                .isEqualTo(1);
    }
}
