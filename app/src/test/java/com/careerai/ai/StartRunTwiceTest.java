package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting a run twice: a double click on a tool form, an API client retrying with its
 * {@code Idempotency-Key} (one after the other, or ten at once) — one run, one debit; a key reused
 * for another request is refused. And the synchronous tools' own bounded executor: full → 429.
 */
@MicronautTest(transactional = false)
class StartRunTwiceTest extends IntegrationTest {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    @Inject
    LedgerAudit audit;

    @Inject
    SynchronousRuns synchronousRuns;

    @Inject
    EmbeddedServer server;

    HttpClient http;
    University university;
    User student;
    SignedIn session;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.ai.mode", "mock",
                "careerai.ai.sync-threads", "1",
                "careerai.ai.sync-queue-limit", "1",
                "careerai.ai.sync-retry-after", "7s",
                "datasources.default.maximum-pool-size", "16");
    }

    @BeforeEach
    void student() {
        university = fixtures.university();
        student = fixtures.verifiedStudent(university);
        fixtures.in(
                university,
                () -> wallets.grant(
                        university.id(),
                        student.id(),
                        Currency.SILVER,
                        20,
                        "twice:s:" + student.id(),
                        "test",
                        "setup"));
        fixtures.in(
                university,
                () -> wallets.grant(
                        university.id(), student.id(), Currency.GOLD, 5, "twice:g:" + student.id(), "test", "setup"));
        session = sessions.signIn(student);
        if (http == null) {
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setFollowRedirects(false);
            http = HttpClient.create(server.getURL(), configuration);
        }
    }

    @AfterEach
    void ledgerMatchesBalances() {
        assertThat(audit.audit(university.id()).clean()).as("ledger audit").isTrue();
    }

    @AfterAll
    void stop() {
        http.close();
    }

    @Test
    void doubleClickOnAToolFormStartsOneRunAndDebitsOnce() {
        String form = page("/tools/job-pack").body();
        Matcher token = FORM_TOKEN.matcher(form);
        assertThat(token.find()).as("the form carries a one-time token").isTrue();
        String body = jobPackForm(token.group(1), "Data Analyst");

        HttpResponse<String> first = postForm("/tools/job-pack", body);
        HttpResponse<String> second = postForm("/tools/job-pack", body);

        assertThat(first.code()).isEqualTo(303);
        assertThat(second.code()).isEqualTo(303);
        assertThat(second.header(HttpHeaders.LOCATION)).isEqualTo(first.header(HttpHeaders.LOCATION));
        assertThat(runsOfStudent()).isEqualTo(1);
        assertThat(debitsOfStudent()).isEqualTo(1);
        assertThat(fixtures.in(university, () -> wallets.balances(university.id(), student.id()))
                        .silver())
                .isEqualTo(15);

        Matcher fresh = FORM_TOKEN.matcher(page("/tools/job-pack").body());
        assertThat(fresh.find()).isTrue();
        assertThat(fresh.group(1)).as("every rendering has its own token").isNotEqualTo(token.group(1));
    }

    @Test
    void theSameFormTokenWithOtherAnswersIsRefusedBesideAFreshForm() {
        Matcher token = FORM_TOKEN.matcher(page("/tools/job-pack").body());
        assertThat(token.find()).isTrue();
        assertThat(postForm("/tools/job-pack", jobPackForm(token.group(1), "Data Analyst"))
                        .code())
                .isEqualTo(303);

        HttpResponse<String> changed = postForm("/tools/job-pack", jobPackForm(token.group(1), "Product Manager"));

        assertThat(changed.code()).isEqualTo(422);
        assertThat(changed.body()).contains("already used to start a run with different answers");
        Matcher fresh = FORM_TOKEN.matcher(changed.body());
        assertThat(fresh.find()).isTrue();
        assertThat(fresh.group(1)).isNotEqualTo(token.group(1));
        assertThat(debitsOfStudent()).isEqualTo(1);
    }

    @Test
    void apiRetryWithTheSameKeyGetsTheFirstRunAndNoSecondDebit() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = startApi("job-pack", jobPackInput("Data Analyst"), key);
        HttpResponse<String> again = startApi("job-pack", jobPackInput("Data Analyst"), key);

        assertThat(first.code()).isEqualTo(202);
        assertThat(again.code()).isEqualTo(202);
        assertThat(idOf(again.body())).isEqualTo(idOf(first.body()));
        assertThat(debitsOfStudent()).isEqualTo(1);

        HttpResponse<String> other = startApi("job-pack", jobPackInput("Product Manager"), key);
        assertThat(other.code()).isEqualTo(422);
        assertThat(other.body())
                .contains("\"error\":\"idempotency_key_reused\"")
                .contains("\"Idempotency-Key\"");
        assertThat(debitsOfStudent()).isEqualTo(1);

        HttpResponse<String> withoutKey = startApi("job-pack", jobPackInput("Data Analyst"), null);
        assertThat(withoutKey.code()).as("no key: an ordinary second run").isEqualTo(202);
        assertThat(debitsOfStudent()).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefusedWithoutARun() {
        HttpResponse<String> refused = startApi("job-pack", jobPackInput("Data Analyst"), "x".repeat(256));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("\"error\":\"invalid_idempotency_key\"");
        assertThat(runsOfStudent()).isZero();
    }

    @Test
    void tenConcurrentRetriesWithOneKeyMakeOneRunAndOneDebit() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Callable<HttpResponse<String>> retry = () -> {
                    go.await();
                    return startApi("job-pack", jobPackInput("Data Analyst"), key);
                };
                answers.add(pool.submit(retry));
            }
            go.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.code()).as(response.body()).isEqualTo(202);
                ids.add(idOf(response.body()));
            }
            assertThat(ids).hasSize(10).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(runsOfStudent()).isEqualTo(1);
        assertThat(debitsOfStudent()).isEqualTo(1);
        assertThat(fixtures.in(university, () -> wallets.balances(university.id(), student.id()))
                        .silver())
                .isEqualTo(15);
    }

    @Test
    void aSynchronousRunRepeatedWithItsKeyAnswers200WithTheSameRun() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = startApi("internship-finder", internshipInput(), key);
        HttpResponse<String> again = startApi("internship-finder", internshipInput(), key);
        assertThat(first.code()).isEqualTo(200);
        assertThat(again.code()).isEqualTo(200);
        assertThat(idOf(again.body())).isEqualTo(idOf(first.body()));
        assertThat(again.body()).contains("\"status\":\"SUCCEEDED\"");
        assertThat(debitsOfStudent()).isEqualTo(1);
    }

    @Test
    void aFullSynchronousExecutorAnswers429WithRetryAfterAndDebitsNothing() {
        List<SynchronousRuns.Place> taken = new ArrayList<>();
        try {
            while (synchronousRuns.available() > 0) {
                taken.add(synchronousRuns.reserve()); // as if two instant runs were in progress
            }
            assertThat(taken).hasSize(2); // one thread + one queue place

            HttpClientResponseException refused = null;
            try {
                http.toBlocking()
                        .exchange(
                                api(HttpRequest.POST("/api/v1/tools/internship-finder/runs", internshipInput())),
                                String.class);
            } catch (HttpClientResponseException e) {
                refused = e;
            }
            assertThat(refused).as("a full executor refuses").isNotNull();
            assertThat(refused.getStatus().getCode()).isEqualTo(429);
            assertThat(refused.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER))
                    .isEqualTo("7");
            assertThat(refused.getResponse().getBody(String.class).orElse("")).contains("\"error\":\"rate_limited\"");
            assertThat(runsOfStudent()).isZero();
            assertThat(debitsOfStudent()).isZero();
        } finally {
            taken.forEach(SynchronousRuns.Place::close);
        }
        assertThat(startApi("internship-finder", internshipInput(), null).code())
                .as("served again once a place is free")
                .isEqualTo(200);
        assertThat(synchronousRuns.available()).isEqualTo(2);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private <T> MutableHttpRequest<T> api(MutableHttpRequest<T> request) {
        return request.header("Host", hostOf(university.subdomain()))
                .header("Authorization", session.bearer())
                .accept(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpResponse<String> startApi(String tool, Map<String, Object> body, String key) {
        MutableHttpRequest<Map<String, Object>> request =
                api(HttpRequest.POST("/api/v1/tools/" + tool + "/runs", body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return exchange(request);
    }

    private HttpResponse<String> page(String path) {
        return exchange(HttpRequest.GET(path)
                .header("Host", hostOf(university.subdomain()))
                .header("Cookie", session.cookie())
                .accept(MediaType.TEXT_HTML_TYPE));
    }

    private HttpResponse<String> postForm(String path, String body) {
        return exchange(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE)
                .header("Host", hostOf(university.subdomain()))
                .header("Cookie", session.cookie()));
    }

    private HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus())
                    .body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private String jobPackForm(String token, String role) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", session.csrf());
        fields.put("formToken", token);
        fields.put("currency", "silver");
        ToolSamples.input("job-pack")
                .properties()
                .forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
        fields.put("jobTitle", role);
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jobPackInput(String role) {
        Map<String, Object> input = ToolSchemas.JSON.convertValue(ToolSamples.input("job-pack"), Map.class);
        input.put("jobTitle", role);
        return Map.of("currency", "silver", "input", input);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> internshipInput() {
        return Map.of("input", ToolSchemas.JSON.convertValue(ToolSamples.input("internship-finder"), Map.class));
    }

    private static String idOf(String json) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        assertThat(id.find()).as(json).isTrue();
        return id.group(1);
    }

    private long runsOfStudent() {
        return count(
                "SELECT count(*) FROM ai_runs WHERE university_id = ? AND user_id = ?", university.id(), student.id());
    }

    private long debitsOfStudent() {
        return count(
                "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ? AND type = 'DEBIT'",
                university.id(),
                student.id());
    }
}
