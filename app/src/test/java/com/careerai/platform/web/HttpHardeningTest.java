package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The HTTP edge (ADR 0014): security headers on every answer, control characters refused at one
 * place, one Host header, bounded page numbers, and error bodies and an OpenAPI document that tell
 * the truth without naming internals.
 */
@MicronautTest(transactional = false)
class HttpHardeningTest extends IntegrationTest {
    private static final Pattern INTERNALS =
            Pattern.compile("com\\.careerai|java\\.|io\\.micronaut|micronaut\\.|Exception|Failed to convert|\\tat ");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    University university;
    SignedIn student;

    @BeforeAll
    void student() {
        university = fixtures.university();
        student = sessions.signIn(fixtures.verifiedStudent(university));
    }

    record Answer(int status, HttpHeaders headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private Answer send(MutableHttpRequest<?> request) {
        if (request.getHeaders().get(HttpHeaders.HOST) == null) {
            request.header(HttpHeaders.HOST, hostOf(university.subdomain()));
        }
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), response.getHeaders(), response.body() == null ? "" : response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(
                    e.code(),
                    e.getResponse().getHeaders(),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private Answer asStudent(MutableHttpRequest<?> request) {
        return send(request.header(HttpHeaders.AUTHORIZATION, student.bearer()));
    }

    private static void assertRefusedCharacters(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("invalid_characters");
    }

    @Test
    void micronautSecuritysTokenAndResourceMetadataEndpointsAreNotServed() {
        for (MutableHttpRequest<?> request : List.<MutableHttpRequest<?>>of(
                HttpRequest.GET("/token_info"),
                HttpRequest.POST("/token_info", "token=x").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE),
                HttpRequest.GET("/.well-known/oauth-protected-resource"),
                HttpRequest.GET("/.well-known/oauth-protected-resource/api/v1/me"))) {
            String what = request.getMethodName() + " " + request.getPath();
            assertThat(asStudent(request.accept(MediaType.APPLICATION_JSON_TYPE))
                            .status())
                    .as(what)
                    .isEqualTo(404);
        }
        // Without a session a POST stops at the CSRF check (403) before routing; reads are simply unknown.
        assertThat(send(HttpRequest.GET("/token_info")).status()).isEqualTo(404);
        assertThat(send(HttpRequest.GET("/.well-known/oauth-protected-resource"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndTheCspAllowsNoInlineScript() {
        for (Answer answer : List.of(
                send(HttpRequest.GET("/").accept(MediaType.TEXT_HTML)),
                send(HttpRequest.GET("/no-such-page").accept(MediaType.TEXT_HTML)),
                send(HttpRequest.GET("/api/v1/university")),
                send(HttpRequest.GET("/").header(HttpHeaders.HOST, "nowhere." + BASE_DOMAIN)))) {
            String csp = answer.header("Content-Security-Policy");
            assertThat(csp).as("CSP of a %s answer", answer.status()).isNotNull();
            String scripts = Stream.of(csp.split(";"))
                    .map(String::trim)
                    .filter(directive -> directive.startsWith("script-src"))
                    .findFirst()
                    .orElseThrow();
            assertThat(scripts).isEqualTo("script-src 'self'");
            assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Strict-Transport-Security"))
                    .as("HSTS is off outside prod")
                    .isNull();
        }
    }

    @Test
    void everyAnswerCarriesOneDateHeaderOfThisSecond() {
        // Micronaut's own date header is off: SecurityHeadersFilter writes it, kept for each second (ADR 0074)
        for (Answer answer : List.of(
                send(HttpRequest.GET("/").accept(MediaType.TEXT_HTML)),
                asStudent(HttpRequest.GET("/").accept(MediaType.TEXT_HTML)),
                send(HttpRequest.GET("/no-such-page").accept(MediaType.TEXT_HTML)),
                send(HttpRequest.GET("/static/app.css")),
                send(HttpRequest.GET("/").header(HttpHeaders.HOST, "nowhere." + BASE_DOMAIN)))) {
            List<String> dates = answer.headers().getAll(HttpHeaders.DATE);
            assertThat(dates).as("date headers of a %s answer", answer.status()).hasSize(1);
            Instant date = DateTimeFormatter.RFC_1123_DATE_TIME.parse(dates.get(0), Instant::from);
            assertThat(Duration.between(date, Instant.now()).abs()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void signedInPagesAndApiAnswersAreNotStoredAnonymousPagesMayBe() {
        Answer wallet =
                send(HttpRequest.GET("/wallet").accept(MediaType.TEXT_HTML).header("Cookie", student.cookie()));
        assertThat(wallet.status()).isEqualTo(200);
        assertThat(wallet.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(asStudent(HttpRequest.GET("/api/v1/me")).header(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("no-store");
        assertThat(send(HttpRequest.GET("/").accept(MediaType.TEXT_HTML)).header(HttpHeaders.CACHE_CONTROL))
                .isNull();
    }

    @Test
    void hstsIsSentWhenConfiguredAsInProd() {
        HttpHardeningConfiguration configuration = new HttpHardeningConfiguration();
        configuration.setHsts(true);
        MutableHttpResponse<Object> response = HttpResponse.ok();
        new SecurityHeadersFilter(configuration).secure(HttpRequest.GET("/"), response);
        assertThat(response.getHeaders().get("Strict-Transport-Security"))
                .isEqualTo("max-age=" + Duration.ofDays(365).toSeconds() + "; includeSubDomains");
    }

    /** Keeps the rule for templates written later: scripts only from files, no handler attributes. */
    @Test
    void noTemplateHasAnInlineScriptOrAnEventHandlerAttribute() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/views"))) {
            List<Path> templates =
                    files.filter(file -> file.toString().endsWith(".hbs")).toList();
            assertThat(templates).isNotEmpty();
            for (Path template : templates) {
                if (template.toString().contains("/mail/")
                        || template.toString().contains("/pdf/")) {
                    continue; // not served to browsers
                }
                String text = Files.readString(template);
                assertThat(inlineScript.matcher(text).find())
                        .as("%s has an inline <script>: move it to static/<feature>.js", template)
                        .isFalse();
                assertThat(handler.matcher(text).find())
                        .as("%s has an on*= handler attribute: bind it in static/<feature>.js", template)
                        .isFalse();
            }
        }
    }

    @Test
    void controlCharactersAreRefusedInPathsQueriesJsonAndFormsWithTheErrorShape() {
        assertRefusedCharacters(asStudent(HttpRequest.GET("/api/v1/billing/checkouts/cs_%00")));
        Answer query = asStudent(HttpRequest.GET("/api/v1/runs?page=1&tool=job%01pack"));
        assertRefusedCharacters(query);
        assertThat(query.body()).contains("\"fields\":{\"tool\":");

        String json = "{\"currency\":\"silver\",\"input\":{\"situation\":\"thank-you\",\"name\":\"Ann\\u0000\","
                + "\"company\":\"Arup\",\"role\":\"Engineer\"}}";
        assertRefusedCharacters(asStudent(HttpRequest.POST("/api/v1/tools/referral-trainer/runs", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE)));
        assertRefusedCharacters(
                asStudent(HttpRequest.POST("/api/v1/tools/referral-trainer/runs", "{\"currency\":\"silver\u0007\"}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)));

        TestSessions.Anonymous visitor = sessions.anonymous();
        Answer form = send(
                HttpRequest.POST("/signin", "email=ann%00%40" + university.subdomain() + ".edu&csrf=" + visitor.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", visitor.cookie()));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("control characters").contains(university.name());
    }

    @Test
    void tabsAndLineBreaksAreOrdinaryText() {
        String json = "{\"currency\":\"silver\",\"input\":{\"situation\":\"thank-you\",\"name\":\"Ann\","
                + "\"company\":\"Arup\",\"role\":\"Engineer\",\"commonGround\":\"the bridge society,\\n\\tand"
                + " the\\r\\nhackathon\"}}";
        Answer answer = asStudent(HttpRequest.POST("/api/v1/tools/referral-trainer/runs", json)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"SUCCEEDED\"");
    }

    @Test
    void severalHostHeadersAreABadRequest() {
        RawHttp.Answer answer = RawHttp.get(
                server.getPort(),
                "/api/v1/university",
                "Host: " + hostOf(university.subdomain()) + "\r\nHost: other." + BASE_DOMAIN,
                "application/json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"bad_request\"").doesNotContain(university.name());
    }

    @Test
    void hugePageNumbersGiveAnEmptyPageNeverAServerError() {
        Answer api = asStudent(HttpRequest.GET("/api/v1/runs?page=107374184"));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"runs\":[]").contains("\"total\":");
        Answer page = send(HttpRequest.GET("/runs?page=107374184")
                .accept(MediaType.TEXT_HTML)
                .header("Cookie", student.cookie()));
        assertThat(page.status()).isEqualTo(200);
        for (String path : List.of(
                "/api/v1/wallet/transactions?page=107374184",
                "/api/v1/runs?page=99999999999",
                "/api/v1/runs?page=-2147483648",
                "/api/v1/wallet/transactions?page=abc")) {
            Answer answer = asStudent(HttpRequest.GET(path));
            assertThat(answer.status()).as(path).isBetween(200, 499);
            assertThat(answer.body()).as(path).doesNotContainPattern(INTERNALS);
        }
    }

    @Test
    void unreadableAndOversizedBodiesAreExplainedWithoutNamingInternals() {
        Answer malformed = asStudent(HttpRequest.POST("/api/v1/tools/referral-trainer/runs", "{\"currency\": [")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"error\":\"bad_request\"").doesNotContainPattern(INTERNALS);

        Answer wrongType = asStudent(HttpRequest.POST("/api/v1/tools/referral-trainer/runs", "{\"input\": 5}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).doesNotContainPattern(INTERNALS);

        String huge = "{\"currency\":\"" + "x".repeat(13 * 1024 * 1024) + "\"}";
        Answer tooLarge = asStudent(HttpRequest.POST("/api/v1/tools/referral-trainer/runs", huge)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body())
                .contains("\"error\":\"payload_too_large\"")
                .doesNotContainPattern(INTERNALS)
                .doesNotContain("max-request-size");
    }

    @Test
    void aMultipartBodyWhoseBoundaryIsWrongOrMissingIsABadRequestThatSaysSo() {
        String part = "Content-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        // the body's boundary is not the one its Content-Type names
        cases.put(
                "multipart/form-data; boundary=another",
                "--realBoundary\r\n" + part + "x".repeat(4000) + "\r\n--realBoundary--\r\n");
        // (a short body with the wrong boundary reaches the controller with no parts: it answers its own
        // 422 "Please choose a PDF file." — a clean refusal, not the misleading 413, so not listed here)
        // no boundary at all, or an empty one
        cases.put("multipart/form-data", "--realBoundary\r\n" + part + "x".repeat(4000) + "\r\n--realBoundary--\r\n");
        cases.put("multipart/form-data; boundary=", "--realBoundary\r\n" + part + "x\r\n--realBoundary--\r\n");
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        cases.forEach((contentType, body) -> {
            com.careerai.platform.fuzz.RawExchange.Answer answer = com.careerai.platform.fuzz.RawExchange.send(
                    server.getPort(),
                    "POST",
                    "/api/v1/tools/resume-text",
                    Map.of(
                            "Host",
                            hostOf(university.subdomain()),
                            "Authorization",
                            student.bearer(),
                            "Accept",
                            "application/json",
                            "Content-Type",
                            contentType),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            answers.put(contentType + " (" + body.length() + " bytes)", answer.status() + " " + answer.body());
        });
        assertThat(answers).allSatisfy((what, answer) -> assertThat(answer)
                .as(what)
                .startsWith("400 ")
                .contains("\"error\":\"bad_request\"")
                .containsIgnoringCase("boundary")
                .doesNotContain("too large")
                .doesNotContainPattern(INTERNALS));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesEmptyPagesNullableFieldsAndTheErrorShape() {
        Answer document = send(HttpRequest.GET("/openapi.yml"));
        assertThat(document.status()).isEqualTo(200);
        Map<String, Object> root = new Yaml().load(document.body());
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) root.get("components")).get("schemas");
        assertThat((Map<String, Object>) schemas.get("ApiError"))
                .containsEntry("required", List.of("error", "message"));
        Map<String, Object> paths = (Map<String, Object>) root.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation).get("responses");
            assertThat(responses).as("%s %s", method, path).containsKeys("4XX", "5XX");
        }));
        Map<String, Object> runPage = (Map<String, Object>) schemas.get("RunViews.RunPage");
        assertThat((List<String>) runPage.get("required")).contains("runs", "page", "total");
        Map<String, Object> tool = (Map<String, Object>) schemas.get("RunViews.ToolView");
        Map<String, Object> inputSchema =
                (Map<String, Object>) ((Map<String, Object>) tool.get("properties")).get("inputSchema");
        assertThat(inputSchema).containsEntry("type", "object").containsEntry("additionalProperties", true);

        // what the document promises, the answers keep
        SignedIn newcomer = sessions.signIn(fixtures.verifiedStudent(university));
        assertThat(send(HttpRequest.GET("/api/v1/runs").header(HttpHeaders.AUTHORIZATION, newcomer.bearer()))
                        .body())
                .contains("\"runs\":[]");
        assertThat(send(HttpRequest.GET("/api/v1/university")).body()).contains("\"logoUrl\":null");
    }
}
