package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.careerai.auth.User;
import com.careerai.credits.Balances;
import com.careerai.credits.Currency;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * All six tools as a demo student uses them: through HTTP, the JobRunr worker and mock mode, with
 * the default costs — results valid for their schemas, result pages and PDFs, the tools page and
 * the tools API.
 */
@MicronautTest(transactional = false)
class ToolsEndToEndTest extends IntegrationTest {
    /** What each tool's mock result page must show. */
    private static final Map<String, String> MOCK_MARKERS = Map.of(
            "job-pack", "Dear Hiring Team at Acme Analytics",
            "skill-mapper", "Week 4: Presenting your results",
            "cv-analysis", "Open with your strongest, quantified achievement",
            "internship-finder", "CareerAI does not invent openings",
            "personal-statement", "/ 300 words",
            "referral-trainer", "LinkedIn connection note");

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

    @Inject
    ToolCatalog catalog;

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
                        university.id(), student.id(), Currency.SILVER, 20, "e2e:s:" + student.id(), "test", "setup"));
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), student.id(), Currency.GOLD, 5, "e2e:g:" + student.id(), "test", "setup"));
        session = sessions.signIn(student);
    }

    private <T> MutableHttpRequest<T> api(MutableHttpRequest<T> request) {
        return request.header("Host", hostOf(university.subdomain()))
                .header("Authorization", session.bearer())
                .accept(MediaType.APPLICATION_JSON_TYPE);
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

    private Map<String, Object> getRun(String id) {
        return http.toBlocking()
                .retrieve(api(HttpRequest.GET("/api/v1/runs/" + id)), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void everyToolWorksEndToEndInMockModeWithItsDefaultCost() {
        Balances before = fixtures.in(university, () -> wallets.balances(university.id(), student.id()));
        Map<String, String> ids = new LinkedHashMap<>();
        for (String tool : ToolSamples.ALL_TOOLS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("input", ToolSchemas.JSON.convertValue(ToolSamples.input(tool), Map.class));
            if (tool.equals("job-pack")) {
                body.put("currency", "silver"); // the only tool that takes both; the others default to theirs
            }
            HttpResponse<Map<String, Object>> started = http.toBlocking()
                    .exchange(
                            api(HttpRequest.POST("/api/v1/tools/" + tool + "/runs", body)),
                            Argument.mapOf(String.class, Object.class));
            boolean synchronous = catalog.require(tool).synchronous();
            assertThat(started.code()).as(tool).isEqualTo(synchronous ? 200 : 202);
            if (synchronous) {
                assertThat(started.body()).as(tool).containsEntry("status", "SUCCEEDED");
            }
            ids.put(tool, (String) started.body().get("id"));
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> ids.values().stream()
                        .allMatch(id -> "SUCCEEDED".equals(getRun(id).get("status"))));

        for (Map.Entry<String, String> entry : ids.entrySet()) {
            String tool = entry.getKey();
            AiTool definition = catalog.require(tool);
            Map<String, Object> run = getRun(entry.getValue());
            JsonNode output = ToolSchemas.JSON.valueToTree(run.get("output"));
            assertThat(ToolSchemas.problems(definition.outputSchema(), output))
                    .as(tool + " output is valid for its schema")
                    .isEmpty();
            assertThat(definition.checkOutput(ToolSamples.input(tool), output))
                    .as(tool)
                    .isEmpty();
            assertThat(run).as(tool).containsEntry("demo", definition.usesModel());
            if (definition.usesModel()) {
                // made from the analysis the run stored (read back from jsonb), not a second analysis
                JsonNode input = ToolSamples.input(tool);
                ResumeAnalysis analysis = definition.analyse(input);
                assertThat(output)
                        .as(tool + ": the same output as from the resume analysed afresh")
                        .isEqualTo(definition.settle(
                                input,
                                analysis,
                                ToolSamples.parse(
                                        definition.mockOutput(input, analysis).toString())));
            }

            HttpResponse<String> result = page("/runs/" + entry.getValue());
            assertThat(result.code()).as(tool).isEqualTo(200);
            assertThat(result.body())
                    .as(tool + " result page")
                    .contains(MOCK_MARKERS.get(tool))
                    .contains("<h1>" + definition.name())
                    .doesNotContain("{{");
            if (definition.makesPdf()) {
                assertThat(run.get("pdf")).as(tool).isEqualTo("/api/v1/runs/" + entry.getValue() + "/pdf");
                byte[] pdf = http.toBlocking()
                        .retrieve(
                                api(HttpRequest.GET("/api/v1/runs/" + entry.getValue() + "/pdf"))
                                        .accept(MediaType.of("application/pdf")),
                                byte[].class);
                assertThat(PdfText.of(pdf)).as(tool).contains("Page 1 of").contains("demo output");
            } else {
                assertThat(run.get("pdf")).as(tool).isNull();
            }
        }

        // job-pack 5 + cv-analysis 2 + internship-finder 1 silver; skill-mapper 1 + personal-statement 1 gold
        assertThat(fixtures.in(university, () -> wallets.balances(university.id(), student.id())))
                .isEqualTo(new Balances(before.silver() - 8, before.gold() - 2));
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND run_id = ?::uuid",
                        university.id(),
                        ids.get("referral-trainer")))
                .as("a free run writes no ledger row")
                .isZero();
        assertThat(fixtures.in(university, () -> audit.audit(university.id())).clean())
                .isTrue();

        String runsPage = page("/runs").body();
        assertThat(runsPage)
                .contains("Referral Trainer")
                .contains("Skill Mapper")
                .contains("free");
        assertThat(page("/wallet").body())
                .contains("<td>Referral Trainer</td><td>Free</td>")
                .contains("<td>Skill Mapper</td><td><span class=\"muted\">—</span></td><td>1</td>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolsApiPublishesCostsAndTheSchemasTheServerValidatesWith() {
        List<Map<String, Object>> tools = http.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/tools").header("Host", hostOf(university.subdomain())),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Map<String, Object>> bySlug = new LinkedHashMap<>();
        tools.forEach(tool -> bySlug.put((String) tool.get("slug"), tool));

        assertThat(bySlug.keySet()).containsExactlyInAnyOrderElementsOf(ToolSamples.ALL_TOOLS);
        assertThat((Map<String, Object>) bySlug.get("job-pack").get("costs"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("silver", 5, "gold", 1));
        assertThat((Map<String, Object>) bySlug.get("skill-mapper").get("costs"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("gold", 1));
        assertThat((Map<String, Object>) bySlug.get("personal-statement").get("costs"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("gold", 1));
        assertThat((Map<String, Object>) bySlug.get("cv-analysis").get("costs"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("silver", 2));
        assertThat((Map<String, Object>) bySlug.get("internship-finder").get("costs"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("silver", 1));
        assertThat((Map<String, Object>) bySlug.get("referral-trainer").get("costs"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("silver", 0));
        for (String slug : ToolSamples.ALL_TOOLS) {
            Map<String, Object> tool = bySlug.get(slug);
            assertThat((String) tool.get("name"))
                    .isEqualTo(catalog.require(slug).name());
            assertThat((String) tool.get("description")).isNotBlank();
            JsonNode published = ToolSchemas.JSON.valueToTree(tool.get("inputSchema"));
            assertThat(published).as(slug).isEqualTo(catalog.require(slug).inputSchema());
            assertThat(ToolSchemas.JSON.<JsonNode>valueToTree(tool.get("outputSchema")))
                    .as(slug)
                    .isEqualTo(catalog.require(slug).outputSchema());
            assertThat(ToolSchemas.problems(published, ToolSamples.input(slug)))
                    .as(slug)
                    .isEmpty();
            assertThat(tool.get("pdf"))
                    .isEqualTo(List.of("job-pack", "skill-mapper", "cv-analysis", "personal-statement")
                            .contains(slug));
        }
    }

    @Test
    void toolsPageListsEveryToolWithCostsAndTheBalances() {
        String body = page("/tools").body();
        for (String slug : ToolSamples.ALL_TOOLS) {
            assertThat(body)
                    .contains("href=\"/tools/" + slug + "\"")
                    .contains(catalog.require(slug).name());
        }
        Balances balances = fixtures.in(university, () -> wallets.balances(university.id(), student.id()));
        assertThat(body)
                .contains("<strong>" + balances.silver() + " silver</strong>")
                .contains("<strong>" + balances.gold() + " gold</strong>")
                .contains("<span class=\"badge\">Free</span>")
                .contains("<span class=\"badge\">5 silver</span>")
                .contains("<span class=\"badge\">1 gold</span>");
    }

    @Test
    void everyFormShowsItsCostBeforeRunning() {
        assertThat(page("/tools/job-pack").body())
                .contains("<strong>5 silver</strong>")
                .contains("<strong>1 gold</strong>")
                .contains("value=\"silver\" checked");
        assertThat(page("/tools/skill-mapper").body())
                .contains("<strong>1 gold</strong>")
                .contains("value=\"gold\" checked")
                .doesNotContain("value=\"silver\"");
        assertThat(page("/tools/personal-statement").body())
                .contains("<strong>1 gold</strong>")
                .contains("value=\"1000\"");
        assertThat(page("/tools/cv-analysis").body()).contains("<strong>2 silver</strong>");
        assertThat(page("/tools/internship-finder").body())
                .contains("<strong>1 silver</strong>")
                .contains("does not invent live postings");
        assertThat(page("/tools/referral-trainer").body())
                .contains("This tool costs no credits")
                .contains("<input type=\"hidden\" name=\"currency\" value=\"silver\">");
    }

    @Test
    void theCurrencyInTheAddressIsPreselected() {
        assertThat(page("/tools/job-pack?currency=gold").body())
                .contains("value=\"gold\" checked")
                .doesNotContain("value=\"silver\" checked");
        // a currency the tool does not take falls back to the one it does
        assertThat(page("/tools/skill-mapper?currency=silver").body()).contains("value=\"gold\" checked");
    }

    @Test
    void aFormWithMistakesKeepsTheChoicesAndShowsMessagesBesideTheFields() {
        HttpClientResponseException refused = postForm(
                "/tools/internship-finder",
                "field=&location=Leeds&workMode=remote&season=autumn&skills=Python&currency=silver");
        assertThat(refused.code()).isEqualTo(422);
        String body = refused.getResponse().getBody(String.class).orElseThrow();
        assertThat(body)
                .contains("value=\"remote\" selected")
                .contains("value=\"autumn\" selected")
                .doesNotContain("value=\"either\" selected")
                .contains("value=\"Leeds\"")
                .contains("This is required.");

        HttpClientResponseException roles = postForm(
                "/tools/skill-mapper",
                "targetRoles=Analyst%0AX%0AEngineer%0AScientist&resume=" + "x".repeat(120) + "&currency=gold");
        assertThat(roles.code()).isEqualTo(422);
        assertThat(roles.getResponse().getBody(String.class).orElseThrow())
                .contains("Please give at most 3.")
                .contains("has-error");

        HttpClientResponseException tooShort =
                postForm("/tools/skill-mapper", "targetRoles=Analyst%0AX&resume=" + "x".repeat(120) + "&currency=gold");
        assertThat(tooShort.getResponse().getBody(String.class).orElseThrow())
                .as("a message about one role is shown beside the roles box")
                .contains("Please write at least 2 characters.");

        HttpClientResponseException wrongCurrency =
                postForm("/tools/cv-analysis", "targetRole=Analyst&resume=" + "x".repeat(120) + "&currency=gold");
        assertThat(wrongCurrency.code()).isEqualTo(422);
        assertThat(wrongCurrency.getResponse().getBody(String.class).orElseThrow())
                .contains("CV Analysis cannot be paid for with gold credits.");
    }

    private HttpClientResponseException postForm(String path, String form) {
        try {
            http.toBlocking()
                    .exchange(
                            HttpRequest.POST(path, "csrf=" + session.csrf() + "&" + form)
                                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                                    .header("Host", hostOf(university.subdomain()))
                                    .header("Cookie", session.cookie()),
                            String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected the form to be refused: " + path);
    }

    @Test
    void aRunOfAnotherStudentIsNotFound() {
        Map<String, Object> body =
                Map.of("input", ToolSchemas.JSON.convertValue(ToolSamples.input("referral-trainer"), Map.class));
        String id = (String) http.toBlocking()
                .retrieve(
                        api(HttpRequest.POST("/api/v1/tools/referral-trainer/runs", body)),
                        Argument.mapOf(String.class, Object.class))
                .get("id");
        SignedIn classmate = sessions.signIn(fixtures.verifiedStudent(university));
        try {
            http.toBlocking()
                    .exchange(
                            HttpRequest.GET("/runs/" + id)
                                    .header("Host", hostOf(university.subdomain()))
                                    .header("Cookie", classmate.cookie())
                                    .accept(MediaType.TEXT_HTML_TYPE),
                            String.class);
            throw new AssertionError("expected 404");
        } catch (HttpClientResponseException e) {
            assertThat(e.code()).isEqualTo(404);
        }
        assertThat(UUID.fromString(id)).isNotNull();
    }
}
