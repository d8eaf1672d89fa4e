package com.careerai.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Http;
import com.careerai.credits.LedgerAudit;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A student's own data (issue 18): the export zip, deletion with code and grace, and the erasure. */
@MicronautTest(transactional = false)
class PrivacyTest extends IntegrationTest {
    private static final String NAME = "Zephyrine Quillfeather";
    private static final String PHONE = "+447700900555";

    private final TestMailServer mail = TestMailServer.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    UserAccounts users;

    @Inject
    DataExports exports;

    @Inject
    AccountDeletions deletions;

    @Inject
    LedgerAudit ledgerAudit;

    University uni;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("micronaut.http.client.follow-redirects", "false");
        properties.put("careerai.roles", "web,worker");
        return properties;
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
    }

    @AfterAll
    void stop() {
        mail.close();
    }

    private HttpResponse<String> api(String method, String path, SignedIn as, String body) {
        MutableHttpRequest<?> request =
                switch (method) {
                    case "POST" -> HttpRequest.POST(path, body).contentType("application/json");
                    case "DELETE" -> HttpRequest.DELETE(path);
                    default -> HttpRequest.GET(path);
                };
        return Http.exchange(
                client,
                request.accept("application/json")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Authorization", as.bearer()));
    }

    private byte[] download(String path, SignedIn as) {
        return client.toBlocking()
                .exchange(
                        HttpRequest.GET(path)
                                .header("Host", hostOf(uni.subdomain()))
                                .header("Authorization", as.bearer()),
                        byte[].class)
                .body();
    }

    /** A student with something in every feature that can name them. */
    private User studentWithData() {
        User student = fixtures.verifiedStudent(uni);
        fixtures.in(uni, () -> users.rename(uni.id(), student.id(), NAME));
        long u = uni.id();
        execute(
                "INSERT INTO career_profiles (university_id, user_id, programme) VALUES (?, ?, 'BSc Maths')",
                u,
                student.id());
        execute(
                "INSERT INTO saved_resumes (university_id, user_id, name, body) VALUES (?, ?, 'Main', ?)",
                u,
                student.id(),
                NAME + "\n" + student.email() + "\n" + PHONE + "\nExperience: data pipelines");
        UUID run = UUID.randomUUID();
        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input, output, title)"
                        + " VALUES (?, ?, ?, 'cv-analysis', 'SUCCEEDED', 'SILVER', 1, ?::jsonb, ?::jsonb, ?)",
                u,
                run,
                student.id(),
                "{\"resume\": \"" + NAME + " " + student.email() + "\"}",
                "{\"summary\": \"Strong CV of " + NAME + "\"}",
                "CV of " + NAME);
        execute(
                "INSERT INTO ai_run_documents (university_id, run_id, content_type, content) VALUES (?, ?, 'application/pdf', ?)",
                u,
                run,
                "%PDF-1.4 pretend".getBytes(StandardCharsets.UTF_8));
        execute(
                "INSERT INTO credit_wallets (university_id, user_id, silver_credits) VALUES (?, ?, 5)",
                u,
                student.id());
        execute(
                "INSERT INTO credit_transactions (university_id, user_id, currency, amount, type, idempotency_key)"
                        + " VALUES (?, ?, 'SILVER', 5, 'GRANT', ?)",
                u,
                student.id(),
                "privacy-test:" + student.id());
        execute(
                "INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description, amount_cents,"
                        + " currency, status, credits_currency, credits) VALUES (?, ?, ?, ?, 'PACK', 'gold-10', '10 gold credits',"
                        + " 500, 'usd', 'PAID', 'GOLD', 10)",
                u,
                UUID.randomUUID(),
                student.id(),
                "cs_" + UUID.randomUUID());
        execute(
                "INSERT INTO notifications (university_id, user_id, kind, title, body, event_id) VALUES (?, ?, 'RUN', 'Run done', ?, gen_random_uuid())",
                u,
                student.id(),
                "Well done " + NAME);
        execute(
                "INSERT INTO leads (university_id, name, email, phone, message, consent_at) VALUES (?, ?, ?, ?, ?, now())",
                u,
                NAME,
                student.email(),
                PHONE,
                "Call me on " + PHONE);
        execute(
                "INSERT INTO tickets (university_id, requester_id, requester_email, requester_name, subject, category)"
                        + " VALUES (?, ?, ?, ?, 'Help please', 'general')",
                u,
                student.id(),
                student.email(),
                NAME);
        long ticket = count("SELECT max(id) FROM tickets WHERE university_id = ?", u);
        execute(
                "INSERT INTO ticket_messages (university_id, ticket_id, author_id, author_name, kind, body)"
                        + " VALUES (?, ?, ?, ?, 'REQUESTER', ?), (?, ?, NULL, 'Staff', 'REPLY', ?)",
                u,
                ticket,
                student.id(),
                NAME,
                "I am " + NAME + ", reach me at " + PHONE,
                u,
                ticket,
                "Hello " + NAME + ", we wrote to " + student.email());
        execute(
                "INSERT INTO mail_deliveries (university_id, recipient, template, status) VALUES (?, ?, 'run-done', 'SENT')",
                u,
                student.email());
        execute(
                "INSERT INTO audit_log (university_id, actor, action, details) VALUES (?, 'user:1', 'invitation.sent', ?::jsonb)",
                u,
                "{\"email\": \"" + student.email() + "\", \"name\": \"" + NAME + "\"}");
        execute(
                "INSERT INTO outbox_events (university_id, id, type, payload) VALUES (?, ?, 'LeadReceived', ?::jsonb)",
                u,
                UUID.randomUUID(),
                "{\"email\": \"" + student.email() + "\", \"phone\": \"" + PHONE + "\"}");
        return student;
    }

    @Test
    void afterErasureNoTableOfTheTenantHoldsTheNameEmailOrPhoneWhileLedgerAndPaymentsStay() throws Exception {
        User student = studentWithData();
        User staff = fixtures.staff(uni);
        List<String> identifiers = List.of(student.email(), NAME, PHONE);
        assertThat(tablesMentioning(identifiers))
                .as("the arrangement names the student")
                .isNotEmpty();

        fixtures.run(uni, () -> deletions.eraseByStaff(uni.id(), staff.id(), student.id()));
        fixtures.run(uni, () -> deletions.eraseDue(uni.id(), Instant.now().plusSeconds(1)));

        assertThat(tablesMentioning(identifiers))
                .as("tables still naming the student")
                .isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ?",
                        uni.id(),
                        student.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM payments WHERE university_id = ? AND user_id = ?",
                        uni.id(),
                        student.id()))
                .isEqualTo(1);
        assertThat(fixtures.in(uni, () -> ledgerAudit.audit(uni.id())).clean()).isTrue();
        assertThat(count(
                        "SELECT count(*) FROM account_deletions WHERE university_id = ? AND user_id = ? AND status = 'ERASED'",
                        uni.id(),
                        student.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM users WHERE university_id = ? AND id = ? AND erasure_scheduled_at IS NULL",
                        uni.id(),
                        student.id()))
                .as("erased: no longer scheduled on the user row (V96)")
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'privacy.erasure.requested'",
                        uni.id()))
                .isEqualTo(1);
        // a second run (a retried job) changes nothing and does not fail
        fixtures.run(uni, () -> deletions.eraseDue(uni.id(), Instant.now().plusSeconds(1)));
    }

    @Test
    void theExportZipHoldsEveryPartAndExpiresAfterAWeek() throws Exception {
        User student = studentWithData();
        SignedIn session = sessions.signIn(student);
        HttpResponse<String> started = api("POST", "/api/v1/me/data-exports", session, "{}");
        assertThat(started.code()).isEqualTo(202);
        assertThat(started.body()).contains("\"status\":\"PENDING\"");
        DataExport export =
                fixtures.in(uni, () -> exports.recent(uni.id(), student.id()).get(0));
        fixtures.run(uni, () -> exports.build(uni.id(), export.id()));

        HttpResponse<String> ready = api("GET", "/api/v1/me/data-exports/" + export.id(), session, null);
        assertThat(ready.body())
                .contains("\"status\":\"READY\"")
                .contains("\"downloadUrl\":\"/api/v1/me/data-exports/");
        Map<String, String> entries = unzip(download("/api/v1/me/data-exports/" + export.id() + "/download", session));
        assertThat(entries.keySet())
                .contains(
                        "README.txt",
                        "account.json",
                        "profile.json",
                        "runs.json",
                        "credits.json",
                        "payments.json",
                        "support.json",
                        "notifications.json",
                        "leads.json",
                        "counselling.json");
        assertThat(entries.keySet()).anyMatch(name -> name.startsWith("runs/") && name.endsWith(".pdf"));
        assertThat(entries.get("profile.json")).contains("Experience: data pipelines");
        assertThat(entries.get("runs.json")).contains("Strong CV of " + NAME);
        assertThat(entries.get("support.json")).contains("Help please");
        assertThat(entries.get("leads.json")).contains(PHONE);

        User other = fixtures.verifiedStudent(uni);
        assertThat(api("GET", "/api/v1/me/data-exports/" + export.id(), sessions.signIn(other), null)
                        .code())
                .as("another student's export")
                .isEqualTo(404);

        fixtures.run(uni, () -> exports.expireDue(uni.id(), Instant.now().plus(Duration.ofDays(8))));
        assertThat(api("GET", "/api/v1/me/data-exports/" + export.id(), session, null)
                        .body())
                .contains("\"status\":\"EXPIRED\"");
        assertThat(api("GET", "/api/v1/me/data-exports/" + export.id() + "/download", session, null)
                        .code())
                .isEqualTo(404);
    }

    @Test
    void deletionNeedsTheEmailedCodeAndIsCancelledDuringTheGrace() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);
        assertThat(api("POST", "/api/v1/me/deletion/confirm", session, "{\"code\":\"123456\"}")
                        .code())
                .as("nothing to confirm yet")
                .isEqualTo(409);
        assertThat(api("POST", "/api/v1/me/deletion", session, "{}").code()).isEqualTo(202);
        String code = mail.awaitCode(student.email());
        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse<String> refused =
                api("POST", "/api/v1/me/deletion/confirm", session, "{\"code\":\"" + wrong + "\"}");
        assertThat(refused.code()).as("auth's answer to a wrong code").isIn(401, 422);
        HttpResponse<String> confirmed =
                api("POST", "/api/v1/me/deletion/confirm", session, "{\"code\":\"" + code + "\"}");
        assertThat(confirmed.code()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"status\":\"SCHEDULED\"").contains("\"eraseAt\"");
        Instant eraseAt = fixtures.in(uni, () -> deletions.of(uni.id(), student.id()))
                .filter(deletion -> deletion.status() == AccountDeletion.Status.SCHEDULED)
                .map(AccountDeletion::eraseAt)
                .orElseThrow();
        assertThat(eraseAt).isAfter(Instant.now().plus(Duration.ofDays(29)));
        assertThat(fixtures.in(uni, () -> users.find(uni.id(), student.id()))
                        .orElseThrow()
                        .erasureScheduled())
                .as("the user row carries the date for the banner (V96)")
                .contains(eraseAt);

        HttpResponse<String> page = privacyPage(session);
        assertThat(page.body()).contains("data-deletion-banner").contains("data-cancel-deletion");

        fixtures.run(uni, () -> deletions.eraseDue(uni.id(), Instant.now().plus(Duration.ofDays(1))));
        assertThat(fixtures.in(uni, () -> users.find(uni.id(), student.id()))
                        .orElseThrow()
                        .email())
                .as("not erased during the grace")
                .isEqualTo(student.email());

        assertThat(api("DELETE", "/api/v1/me/deletion", session, null).code()).isEqualTo(200);
        HttpResponse<String> afterCancel = privacyPage(session);
        assertThat(afterCancel.body())
                .as("the banner goes with the cancelled deletion (the user row's date, V96)")
                .doesNotContain("data-deletion-banner");
        assertThat(fixtures.in(uni, () -> users.find(uni.id(), student.id()))
                        .orElseThrow()
                        .erasureScheduled())
                .isEmpty();
        fixtures.run(uni, () -> deletions.eraseDue(uni.id(), Instant.now().plus(Duration.ofDays(31))));
        assertThat(fixtures.in(uni, () -> users.find(uni.id(), student.id()))
                        .orElseThrow()
                        .email())
                .as("cancelled: never erased")
                .isEqualTo(student.email());
    }

    private HttpResponse<String> privacyPage(SignedIn session) {
        return Http.exchange(
                client,
                HttpRequest.GET("/profile/privacy")
                        .accept("text/html")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Cookie", session.cookie()));
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** Every table with a university_id, searched as whole rows of text for any identifier. */
    private List<String> tablesMentioning(List<String> identifiers) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection =
                DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "")) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t"
                                    + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                                    + " WHERE c.table_schema = 'public' AND c.column_name = 'university_id'"
                                    + " AND t.table_type = 'BASE TABLE'");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("users", "leads", "tickets", "audit_log", "outbox_events");
            for (String table : tables) {
                for (String identifier : identifiers) {
                    try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM \"" + table
                            + "\" x WHERE university_id = ? AND strpos(lower(x::text), lower(?)) > 0")) {
                        statement.setLong(1, uni.id());
                        statement.setString(2, identifier);
                        try (ResultSet rows = statement.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(table + " (" + identifier + ")");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
