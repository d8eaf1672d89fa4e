package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.ai.analysis.CvScore;
import com.careerai.ai.analysis.ResumeAnalysis;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Balances;
import com.careerai.credits.Currency;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeOpenAiServer;
import com.careerai.testing.FakeOpenAiServer.Hang;
import com.careerai.testing.FakeOpenAiServer.Reply;
import com.careerai.testing.FakeOpenAiServer.Status;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model tool against the real SDK and the local fake OpenAI server: a valid answer ends
 * SUCCEEDED and its result page shows it; a failing model ends REFUNDED with exactly one refund.
 * Queued tools are executed by calling the worker's logic directly; synchronous ones run inside
 * {@link RunService#start} as in a request.
 */
@MicronautTest(transactional = false)
class ModelToolsTest extends IntegrationTest {
    static final FakeOpenAiServer OPEN_AI = new FakeOpenAiServer();

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    RunService runs;

    @Inject
    RunExecutor executor;

    @Inject
    SweepRunsJobRequest.Handler sweeper;

    @Inject
    AiRunRepository repository;

    @Inject
    RunDocuments documents;

    @Inject
    ToolCatalog catalog;

    @Inject
    Wallets wallets;

    @Inject
    LedgerAudit audit;

    @Inject
    EmbeddedServer server;

    HttpClient http;
    University university;
    User student;
    SignedInUser signedIn;
    SignedIn session;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.ai.mode", "openai",
                "careerai.ai.api-key", "test-key",
                "careerai.ai.base-url", OPEN_AI.baseUrl(),
                "careerai.ai.backoff", "10ms",
                "careerai.ai.call-timeout", "5s",
                "careerai.ai.sync-timeout", "2s",
                "careerai.ai.standard-model", "std-model",
                "careerai.ai.premium-model", "premium-model");
    }

    @BeforeEach
    void student() {
        OPEN_AI.reset();
        university = fixtures.university();
        student = fixtures.verifiedStudent(university);
        fixtures.run(university, () -> {
            for (Currency currency : Currency.values()) {
                wallets.grant(
                        university.id(),
                        student.id(),
                        currency,
                        10,
                        "setup:" + student.id() + currency,
                        "test",
                        "setup");
            }
        });
        signedIn = SignedInUser.of(student);
        session = sessions.signIn(student);
        if (http == null) {
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setFollowRedirects(false);
            http = HttpClient.create(server.getURL(), configuration);
        }
    }

    @AfterEach
    void ledgerMatchesBalances() {
        assertThat(fixtures.in(university, () -> audit.audit(university.id())).clean())
                .as("ledger audit")
                .isTrue();
    }

    @AfterAll
    void stop() {
        OPEN_AI.close();
        http.close();
    }

    /**
     * Starts a run in the tool's only (or silver) currency and, for a queued tool, works it: bound to
     * the student's university, as the request and the job are.
     */
    private AiRun run(String tool, com.fasterxml.jackson.databind.JsonNode input) {
        return fixtures.in(university, () -> startAndWork(tool, input));
    }

    private AiRun startAndWork(String tool, com.fasterxml.jackson.databind.JsonNode input) {
        AiRun run = runs.start(signedIn, tool, tool.equals("job-pack") ? "silver" : "", input);
        if (run.status() == RunStatus.QUEUED) {
            executor.execute(university.id(), run.id());
        }
        return repository.find(university.id(), run.id()).orElseThrow();
    }

    private long ledgerRows(UUID runId, String type) {
        return count(
                "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND run_id = ? AND type = ?",
                university.id(),
                runId,
                type);
    }

    private HttpResponse<String> page(String path) {
        return http.toBlocking()
                .exchange(
                        HttpRequest.GET(path)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Cookie", session.cookie())
                                .accept(MediaType.TEXT_HTML_TYPE),
                        String.class);
    }

    private Balances balances() {
        return fixtures.in(university, () -> wallets.balances(university.id(), student.id()));
    }

    @ParameterizedTest
    @MethodSource("com.careerai.ai.ToolSamples#modelTools")
    void validAnswerSucceedsAndItsResultPageShowsIt(String tool) {
        OPEN_AI.then(new Reply(ToolSamples.answer(tool)));
        AiRun done = run(tool, ToolSamples.input(tool));

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.demo()).isFalse();
        // CV Analysis' measurable factors are replaced by the ones code measured (see CvAnalysisTool.settle)
        assertThat(done.output())
                .isEqualTo(catalog.require(tool)
                        .settle(
                                ToolSamples.input(tool),
                                catalog.require(tool).analyse(ToolSamples.input(tool)),
                                ToolSamples.parse(ToolSamples.answer(tool))));
        assertThat(ledgerRows(done.id(), "DEBIT")).isEqualTo(1);
        HttpResponse<String> result = page("/runs/" + done.id());
        assertThat(result.code()).isEqualTo(200);
        assertThat(result.body()).contains(ToolSamples.marker(tool)).doesNotContain("Demo output");
    }

    @ParameterizedTest
    @MethodSource("com.careerai.ai.ToolSamples#modelTools")
    void modelFailureRefundsExactlyOnceAndThePageSaysSo(String tool) {
        OPEN_AI.otherwise(body -> new Status(500));
        Balances before = balances();
        AiRun failed = run(tool, ToolSamples.input(tool));

        assertThat(failed.status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(failed.error()).isEqualTo(RunExecutor.BUSY);
        assertThat(ledgerRows(failed.id(), "DEBIT")).isEqualTo(1);
        assertThat(ledgerRows(failed.id(), "REFUND")).isEqualTo(1);
        assertThat(balances()).isEqualTo(before);
        // a late job retry and two sweeper passes change nothing
        fixtures.run(university, () -> executor.execute(university.id(), failed.id()));
        // the sweeper runs unbound, as JobRunr runs it: it binds each run's university itself
        sweeper.sweep(Instant.now().plus(Duration.ofMinutes(10)));
        sweeper.sweep(Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(ledgerRows(failed.id(), "REFUND")).isEqualTo(1);
        assertThat(balances()).isEqualTo(before);

        HttpResponse<String> page = page("/runs/" + failed.id());
        assertThat(page.body())
                .contains("Failed · refunded")
                .contains("returned to your wallet")
                .contains("The AI service is busy");
    }

    @Test
    void skillMapperPdfHasTheMapPageNumbersAndTheUniversityColour() {
        OPEN_AI.then(new Reply(ToolSamples.answer("skill-mapper")));
        AiRun done = run("skill-mapper", ToolSamples.input("skill-mapper"));
        assertThat(done.currency()).isEqualTo("GOLD");
        assertThat(done.model()).isEqualTo("premium-model");

        String xhtml =
                fixtures.in(university, () -> documents.xhtml(done, catalog.require("skill-mapper"), done.output()));
        assertThat(xhtml).contains("size: A4").contains(university.brandColor()).contains("counter(pages)");
        assertThat(fixtures.in(university, () -> PdfText.of(documents, done, signedIn)))
                .contains("Skill map: Data Analyst · Product Analyst")
                .contains("Tableau dashboards")
                .contains("Week 4: Dashboards part 4")
                .contains("https://public.tableau.com/?a=1&b=2")
                .contains("Page 1 of");
        assertThat(page("/runs/" + done.id()).body()).contains("href=\"/runs/" + done.id() + "/pdf\"");
    }

    @Test
    void personalStatementOverTheWordLimitIsRepairedOnce() {
        OPEN_AI.then(new Reply(ToolSamples.statement(301)), new Reply(ToolSamples.statement(290)));
        AiRun done = run("personal-statement", ToolSamples.input("personal-statement"));

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(OPEN_AI.models()).hasSize(2);
        assertThat(done.output().path("statement").asText().split(" ")).hasSize(290);
        assertThat(page("/runs/" + done.id()).body())
                .contains("290 / 300 words")
                .contains("badge ok");
    }

    @Test
    void personalStatementStillOverTheLimitAfterRepairIsRefunded() {
        OPEN_AI.otherwise(body -> new Reply(ToolSamples.statement(400)));
        Balances before = balances();
        AiRun failed = run("personal-statement", ToolSamples.input("personal-statement"));

        assertThat(failed.status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(failed.error()).isEqualTo(RunExecutor.UNUSABLE);
        // a gold run: answer and repair on the premium model, then the same on the standard one
        assertThat(OPEN_AI.models()).containsExactly("premium-model", "premium-model", "std-model", "std-model");
        assertThat(ledgerRows(failed.id(), "REFUND")).isEqualTo(1);
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void personalStatementWordLimitDefaultsToOneThousand() {
        var input = ToolSamples.input("personal-statement");
        input.remove("wordLimit");
        OPEN_AI.then(new Reply(ToolSamples.statement(1001)), new Reply(ToolSamples.statement(999)));
        AiRun done = run("personal-statement", input);

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(page("/runs/" + done.id()).body()).contains("999 / 1000 words");
    }

    /** The overall score a CV Analysis of {@link ToolSamples#RESUME} gets when the model scores keywords so. */
    private static int overallWithKeywords(int keywords) {
        int measured = CvScore.factors(ResumeAnalysis.of(ToolSamples.RESUME, null)).stream()
                .mapToInt(CvScore.Factor::score)
                .sum();
        return Math.round((measured + keywords) / 5f);
    }

    @Test
    void cvAnalysisTakesTheMeasurableFactorsFromCodeAndComputesTheOverall() {
        int[] scores = {70, 80, 75, 65, 60}; // keywords 65; the model's overall of 90 is wrong
        OPEN_AI.then(new Reply(ToolSamples.cvAnalysis(scores, 90)));
        AiRun done = run("cv-analysis", ToolSamples.input("cv-analysis"));

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(OPEN_AI.models())
                .as("no repair needed: code does the arithmetic")
                .hasSize(1);
        assertThat(done.output().path("overallScore").asInt()).isEqualTo(overallWithKeywords(65));
        assertThat(done.output().path("factors").get(3).path("score").asInt()).isEqualTo(65);
        assertThat(done.output().path("factors").get(0).path("why").asText())
                .isEqualTo("1 of 3 bullets include a number; say how many, how much or how fast in the others.");
    }

    @Test
    void cvAnalysisWithADuplicatedFactorIsRepairedThenRefunded() {
        String duplicated = ToolSamples.cvAnalysis(new int[] {70, 80, 75, 65, 60})
                .replace("\"name\":\"length\"", "\"name\":\"impact\"");
        OPEN_AI.then(new Reply(duplicated), new Reply(duplicated));
        AiRun failed = run("cv-analysis", ToolSamples.input("cv-analysis"));

        assertThat(failed.status()).isEqualTo(RunStatus.REFUNDED);
        assertThat(OPEN_AI.models()).hasSize(2);
        assertThat(ledgerRows(failed.id(), "REFUND")).isEqualTo(1);
    }

    @Test
    void secondCvAnalysisShowsTheScoreChangeAndTheFactorThatMoved() {
        OPEN_AI.then(new Reply(ToolSamples.cvAnalysis(new int[] {50, 70, 70, 60, 60})));
        AiRun first = run("cv-analysis", ToolSamples.input("cv-analysis"));
        assertThat(page("/runs/" + first.id()).body())
                .contains("This is your first analysis")
                .doesNotContain("Biggest change");

        // the same resume: only the model's keywords factor can move (60 → 75)
        OPEN_AI.then(new Reply(ToolSamples.cvAnalysis(new int[] {80, 72, 70, 75, 58})));
        AiRun second = run("cv-analysis", ToolSamples.input("cv-analysis"));
        String page = page("/runs/" + second.id()).body();

        int delta = overallWithKeywords(75) - overallWithKeywords(60);
        assertThat(page)
                .contains("<span class=\"score-number\">" + overallWithKeywords(75) + "</span>")
                .contains("+" + delta + " since")
                .contains("Biggest change since last time: <strong>keywords (+15)</strong>")
                .contains("<span class=\"badge ok\">+15</span>")
                .contains("<polyline");
        // the first result page still shows no comparison with the later run
        assertThat(page("/runs/" + first.id()).body()).contains("This is your first analysis");
    }

    @Test
    void internshipFinderAnswersInTheRequestThroughTheApi() {
        OPEN_AI.then(new Reply(ToolSamples.answer("internship-finder")));
        Map<String, Object> body = Map.of(
                "currency",
                "silver",
                "input",
                ToolSchemas.JSON.convertValue(ToolSamples.input("internship-finder"), Map.class));
        HttpResponse<Map<String, Object>> answer = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/api/v1/tools/internship-finder/runs", body)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Authorization", session.bearer()),
                        Argument.mapOf(String.class, Object.class));

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.body()).containsEntry("status", "SUCCEEDED").containsEntry("refunded", false);
        assertThat(answer.body().get("output").toString())
                .contains("Graduate scheme scout 1")
                .contains("not live postings");
        assertThat(balances().silver()).isEqualTo(10 - 1);
    }

    @Test
    void internshipFinderFailureIsRefundedBeforeTheApiAnswers() {
        OPEN_AI.otherwise(body -> new Status(503));
        Map<String, Object> body =
                Map.of("input", ToolSchemas.JSON.convertValue(ToolSamples.input("internship-finder"), Map.class));
        HttpResponse<Map<String, Object>> answer = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/api/v1/tools/internship-finder/runs", body)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Authorization", session.bearer()),
                        Argument.mapOf(String.class, Object.class));

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.body())
                .containsEntry("status", "REFUNDED")
                .containsEntry("refunded", true)
                .containsEntry("error", RunExecutor.BUSY);
        assertThat(balances().silver()).isEqualTo(10);
        UUID runId = UUID.fromString((String) answer.body().get("id"));
        assertThat(ledgerRows(runId, "REFUND")).isEqualTo(1);
    }

    @Test
    void internshipFinderThatHangsIsRefundedWithinTheSyncTimeoutAndTheFormShowsTheRefund() {
        OPEN_AI.otherwise(body -> new Hang(Duration.ofSeconds(20)));
        long started = System.nanoTime();
        HttpResponse<String> submitted = http.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                        "/tools/internship-finder",
                                        "csrf=" + session.csrf()
                                                + "&field=Data+science&location=Leeds&workMode=remote&season=summer"
                                                + "&skills=Python&currency=silver")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Cookie", session.cookie()),
                        String.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(5)); // sync-timeout 2 s, not 3 × call-timeout 5 s
        assertThat(submitted.code()).isEqualTo(303);
        String location = submitted.getHeaders().get("Location");
        assertThat(location).startsWith("/runs/");
        assertThat(balances().silver()).isEqualTo(10);
        String page = page(location).body();
        assertThat(page)
                .contains("Failed · refunded")
                .contains("1 silver credits were returned to your wallet")
                .contains("The AI service is busy");
    }

    @Test
    void internshipFinderFormRedirectsToTheResult() {
        OPEN_AI.then(new Reply(ToolSamples.answer("internship-finder")));
        HttpResponse<String> submitted = http.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                        "/tools/internship-finder",
                                        "csrf=" + session.csrf()
                                                + "&field=Data+science&location=Leeds&workMode=remote&season=summer"
                                                + "&skills=Python&currency=silver")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Cookie", session.cookie()),
                        String.class);
        assertThat(submitted.code()).isEqualTo(303);
        assertThat(page(submitted.getHeaders().get("Location")).body())
                .contains("Graduate scheme scout 5")
                .contains("Directions, not live postings.");
    }
}
