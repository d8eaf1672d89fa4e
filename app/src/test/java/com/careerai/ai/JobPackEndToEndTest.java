package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Job Pack through HTTP, the JobRunr worker and mock mode, to the PDF — as a student's client sees it. */
@MicronautTest(transactional = false)
class JobPackEndToEndTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    @Inject
    LedgerAudit audit;

    University university;
    User student;
    SignedIn session;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.roles", "web,worker", "careerai.ai.mode", "mock");
    }

    @BeforeAll
    void student() {
        university = fixtures.university();
        student = fixtures.verifiedStudent(university);
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), student.id(), Currency.SILVER, 12, "e2e:" + student.id(), "test", "setup"));
        session = sessions.signIn(student);
    }

    private <T> MutableHttpRequest<T> as(SignedIn who, University where, MutableHttpRequest<T> request) {
        return request.header("Host", hostOf(where.subdomain()))
                .header("Authorization", who.bearer())
                .accept(MediaType.APPLICATION_JSON_TYPE);
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void studentRunsJobPackAndDownloadsThePdf() {
        Map<String, Object> body =
                Map.of("currency", "silver", "input", ToolSchemas.JSON.convertValue(JobPackSamples.input(), Map.class));
        HttpResponse<Map<String, Object>> started = http.toBlocking()
                .exchange(
                        as(session, university, HttpRequest.POST("/api/v1/tools/job-pack/runs", body)),
                        Argument.mapOf(String.class, Object.class));
        assertThat(started.code()).isEqualTo(202);
        String id = (String) started.body().get("id");
        assertThat(fixtures.in(university, () -> wallets.balances(university.id(), student.id()))
                        .silver())
                .isEqualTo(12 - 5);

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "SUCCEEDED"
                        .equals(http.toBlocking()
                                .retrieve(
                                        as(session, university, HttpRequest.GET("/api/v1/runs/" + id)),
                                        Argument.mapOf(String.class, Object.class))
                                .get("status")));

        Map<String, Object> run = http.toBlocking()
                .retrieve(
                        as(session, university, HttpRequest.GET("/api/v1/runs/" + id)),
                        Argument.mapOf(String.class, Object.class));
        assertThat(run)
                .containsEntry("demo", true)
                .containsEntry("refunded", false)
                .containsEntry("cost", 5);
        assertThat(((Map<String, Object>) run.get("output")).get("coverLetter").toString())
                .contains("Dear Hiring Team at Acme Analytics");

        byte[] pdf = http.toBlocking()
                .retrieve(
                        as(session, university, HttpRequest.GET("/api/v1/runs/" + id + "/pdf"))
                                .accept(MediaType.of("application/pdf")),
                        byte[].class);
        assertThat(PdfText.of(pdf))
                .contains("Dear Hiring Team at Acme Analytics")
                .contains("Page 1 of");
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND run_id = ?::uuid AND type = 'DEBIT'",
                        university.id(),
                        id))
                .isEqualTo(1);
        assertThat(fixtures.in(university, () -> audit.audit(university.id())).clean())
                .isTrue();

        // someone else's run and PDF are not found, in the same university and from another one
        SignedIn classmate = sessions.signIn(fixtures.verifiedStudent(university));
        assertThat(status(as(classmate, university, HttpRequest.GET("/api/v1/runs/" + id))))
                .isEqualTo(404);
        assertThat(status(as(classmate, university, HttpRequest.GET("/api/v1/runs/" + id + "/pdf"))))
                .isEqualTo(404);
        University other = fixtures.university();
        SignedIn outsider = sessions.signIn(fixtures.verifiedStudent(other));
        assertThat(status(as(outsider, other, HttpRequest.GET("/api/v1/runs/" + id))))
                .isEqualTo(404);
        assertThat(status(as(outsider, other, HttpRequest.GET("/runs/" + id + "/pdf"))
                        .accept(MediaType.TEXT_HTML_TYPE)))
                .isEqualTo(404);
    }

    @Test
    void notEnoughCreditsIsA402WithTheErrorShape() {
        SignedIn broke = sessions.signIn(fixtures.verifiedStudent(university));
        Map<String, Object> body =
                Map.of("currency", "gold", "input", ToolSchemas.JSON.convertValue(JobPackSamples.input(), Map.class));
        try {
            http.toBlocking()
                    .exchange(
                            as(broke, university, HttpRequest.POST("/api/v1/tools/job-pack/runs", body)), String.class);
            throw new AssertionError("expected 402");
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(402);
            assertThat(e.getResponse().getBody(String.class).orElse("")).contains("\"error\":\"insufficient_credits\"");
        }
    }

    @Test
    void unverifiedStudentIsRefusedWithAReason() {
        SignedIn unverified = sessions.signIn(fixtures.student(university));
        Map<String, Object> body =
                Map.of("currency", "silver", "input", ToolSchemas.JSON.convertValue(JobPackSamples.input(), Map.class));
        try {
            http.toBlocking()
                    .exchange(
                            as(unverified, university, HttpRequest.POST("/api/v1/tools/job-pack/runs", body)),
                            String.class);
            throw new AssertionError("expected 403");
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(403);
            assertThat(e.getResponse().getBody(String.class).orElse("")).contains("\"error\":\"email_not_verified\"");
        }
    }

    @Test
    void invalidInputIsA422WithFieldMessages() {
        Map<String, Object> body = Map.of("currency", "silver", "input", Map.of("jobTitle", "X"));
        try {
            http.toBlocking()
                    .exchange(
                            as(session, university, HttpRequest.POST("/api/v1/tools/job-pack/runs", body)),
                            String.class);
            throw new AssertionError("expected 422");
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(422);
            assertThat(e.getResponse().getBody(String.class).orElse(""))
                    .contains("\"jobTitle\":\"Please write at least 2 characters.\"")
                    .contains("\"resume\":\"This is required.\"");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolsListPublishesEveryToolWithCostsAndSchemas() {
        List<Map<String, Object>> tools = http.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/tools").header("Host", hostOf(university.subdomain())),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(tools)
                .extracting(tool -> tool.get("slug"))
                .containsExactly(
                        "job-pack",
                        "skill-mapper",
                        "cv-analysis",
                        "internship-finder",
                        "personal-statement",
                        "referral-trainer");
        Map<String, Object> jobPack = tools.get(0);
        assertThat((Map<String, Object>) jobPack.get("costs"))
                .containsEntry("silver", 5)
                .containsEntry("gold", 1);
        assertThat(((Map<String, Object>) jobPack.get("inputSchema"))
                        .get("required")
                        .toString())
                .contains("jobDescription");
    }

    @Test
    void formPagesStartARunAndShowFieldErrors() {
        HttpResponse<String> form = http.toBlocking()
                .exchange(
                        HttpRequest.GET("/tools/job-pack")
                                .header("Host", hostOf(university.subdomain()))
                                .header("Cookie", session.cookie()),
                        String.class);
        assertThat(form.body()).contains("Create my Job Pack").contains("5 silver");

        try {
            http.toBlocking()
                    .exchange(
                            HttpRequest.POST("/tools/job-pack", "csrf=" + session.csrf() + "&jobTitle=&currency=silver")
                                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                                    .header("Host", hostOf(university.subdomain()))
                                    .header("Cookie", session.cookie()),
                            String.class);
            throw new AssertionError("expected 422");
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(422);
            assertThat(e.getResponse().getBody(String.class).orElse(""))
                    .contains("This is required.")
                    .contains("has-error");
        }
    }
}
