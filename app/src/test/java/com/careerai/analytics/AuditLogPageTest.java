package com.careerai.analytics;

import static com.careerai.testing.IntegrationTest.hostOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /staff/audit}, its CSV and {@code /api/v1/staff/audit}: filters by actor, action and
 * days; pages; another university's entries never show; students are refused; and the table
 * itself refuses UPDATE and DELETE (V70) except for offboarding.
 */
@MicronautTest(transactional = false)
class AuditLogPageTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    @Client("/")
    HttpClient client;

    University university;
    University other;
    User staff;
    SignedIn staffSession;

    @BeforeAll
    void entries() {
        university = fixtures.university();
        other = fixtures.university();
        staff = fixtures.staff(university);
        staffSession = sessions.signIn(staff);
        fixtures.run(university, () -> {
            audit.record(university.id(), "user:" + staff.id(), "credits.adjusted", Map.of("reason", "typo, fixed"));
            audit.record(university.id(), "operator:ana", "university.suspended", Map.of("reason", "=unpaid"));
            for (int i = 0; i < 55; i++) {
                audit.record(university.id(), "user:" + staff.id(), "interest.added", Map.of("n", i));
            }
        });
        execute(
                "INSERT INTO audit_log (university_id, actor, action, created_at) VALUES (?, 'user:1', 'old.thing', '2025-03-04 10:00Z')",
                university.id());
        fixtures.run(other, () -> audit.record(other.id(), "operator:zed", "secret.other", Map.of()));
    }

    @Test
    void thePageFiltersByActorActionAndDaysAndPages() {
        String all = get("/staff/audit", staffSession).body();
        assertThat(all)
                .contains("<title>Audit log")
                .contains("credits.adjusted")
                .contains(staff.email());
        assertThat(all).contains("Page 1 of 2").contains("page=2").doesNotContain("secret.other");

        String byAction =
                get("/staff/audit?action=credits.adjusted", staffSession).body();
        assertThat(byAction)
                .contains("1 entry")
                .contains("reason: typo, fixed")
                .doesNotContain("interest.added</code>");

        String byFamily = get("/staff/audit?action=university.", staffSession).body();
        assertThat(byFamily).contains("university.suspended").contains("Platform operator ana");

        String byActorEmail =
                get("/staff/audit?actor=" + staff.email(), staffSession).body();
        long byStaff = count(
                "SELECT count(*) FROM audit_log WHERE university_id = ? AND actor = ?",
                university.id(),
                "user:" + staff.id());
        assertThat(byStaff).isGreaterThanOrEqualTo(56);
        assertThat(byActorEmail).contains(byStaff + " entries").doesNotContain("operator:ana");
        assertThat(get("/staff/audit?actor=nobody@nowhere.edu", staffSession).body())
                .contains("0 entries")
                .contains("Nothing in the log matches");

        String byDays =
                get("/staff/audit?from=2025-03-04&to=2025-03-04", staffSession).body();
        assertThat(byDays).contains("1 entry").contains("old.thing");
        assertThat(get("/staff/audit?from=2025-03-05&to=2025-03-05", staffSession)
                        .body())
                .contains("0 entries");
    }

    @Test
    void badDatesComeBackWithMessagesBesideTheFields() {
        HttpResponse<String> bad = get("/staff/audit?from=yesterday&to=2025-01-01&actor=x", staffSession);
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter a date as YYYY-MM-DD.").contains("value=\"x\"");
        HttpResponse<String> backwards = get("/api/v1/staff/audit?from=2025-02-01&to=2025-01-01", staffSession);
        assertThat(backwards.code()).isEqualTo(422);
        assertThat(backwards.body()).contains("\"error\":\"validation_failed\"").contains("\"to\"");
    }

    @Test
    void theCsvHoldsWhatTheFiltersSelectWithFormulasDefused() {
        HttpResponse<String> csv = get("/staff/audit.csv?action=university.suspended", staffSession);
        assertThat(csv.code()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("id,at_utc,actor,actor_name,action,details,client_address");
        assertThat(lines[1]).contains("operator:ana").contains("reason: =unpaid");
        assertThat(get("/staff/audit.csv", staffSession).body().split("\r\n"))
                .hasSize(1 + (int) count("SELECT count(*) FROM audit_log WHERE university_id = ?", university.id()));
    }

    @Test
    void theApiPagesAndFilters() {
        String json = get("/api/v1/staff/audit?action=interest.added&page=2", staffSession)
                .body();
        assertThat(json).contains("\"total\":55").contains("\"page\":2").contains("\"pages\":2");
        assertThat(json.split("\"action\":\"interest.added\"")).hasSize(6);
        assertThat(get("/api/v1/staff/audit?action=secret.other", staffSession).body())
                .contains("\"total\":0");
    }

    @Test
    void studentsAndVisitorsAreRefused() {
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(university));
        assertThat(get("/staff/audit", student).code()).isEqualTo(403);
        assertThat(get("/api/v1/staff/audit", student).code()).isEqualTo(403);
        assertThat(get("/api/v1/staff/audit", null).code()).isEqualTo(401);
    }

    @Test
    void theTableRefusesUpdateAndDeleteButLetsOffboardingDelete() throws Exception {
        String url = getProperties().get("datasources.default.url");
        try (Connection owner = DriverManager.getConnection(url, "postgres", "");
                Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                            "UPDATE audit_log SET action = 'rewritten' WHERE university_id = " + university.id()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() ->
                            statement.executeUpdate("DELETE FROM audit_log WHERE university_id = " + university.id()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_log"))
                    .hasMessageContaining("append-only");
            owner.setAutoCommit(false);
            statement.execute("SELECT set_config('careerai.offboarding_university', '" + other.id() + "', true)");
            assertThat(statement.executeUpdate("DELETE FROM audit_log WHERE university_id = " + other.id()))
                    .isPositive();
            owner.rollback();
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'rewritten'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE university_id = ?", other.id()))
                .isPositive();
    }

    private HttpResponse<String> get(String path, SignedIn session) {
        var request = HttpRequest.GET(path)
                .accept(
                        path.startsWith("/api/")
                                ? MediaType.APPLICATION_JSON
                                : path.contains(".csv") ? "text/csv" : MediaType.TEXT_HTML)
                .header("Host", hostOf(university.subdomain()));
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return Http.exchange(client, request);
    }
}
