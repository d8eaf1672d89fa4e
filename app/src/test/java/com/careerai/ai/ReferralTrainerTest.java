package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.Wallets;
import com.careerai.platform.web.BreakableTemplateText;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Referral Trainer: messages from templates (no model), LinkedIn's 300-character limit for
 * connection notes, copy buttons, and — with a cost configured — the same debit and refund rules
 * as every tool (free by default: see {@link ToolsEndToEndTest}).
 */
@MicronautTest(transactional = false)
class ReferralTrainerTest extends IntegrationTest {
    private static final Pattern LENGTH_BADGE =
            Pattern.compile("<span class=\"badge (ok|bad)\">(\\d+) / (\\d+) characters</span>");

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    RunService runs;

    @Inject
    Wallets wallets;

    @Inject
    LedgerAudit audit;

    @Inject
    EmbeddedServer server;

    HttpClient http;
    University university;
    User student;
    SignedIn session;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "spec.name", "ReferralTrainerTest",
                "careerai.ai.mode", "mock",
                "careerai.credits.costs.referral-trainer.silver", "2");
    }

    @BeforeAll
    void student() {
        university = fixtures.university();
        student = fixtures.verifiedStudent(university);
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), student.id(), Currency.SILVER, 50, "rt:" + student.id(), "test", "setup"));
        session = sessions.signIn(student);
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        http = HttpClient.create(server.getURL(), configuration);
    }

    @AfterEach
    void ledgerMatchesBalances() {
        assertThat(fixtures.in(university, () -> audit.audit(university.id())).clean())
                .isTrue();
    }

    @AfterAll
    void close() {
        http.close();
    }

    private AiRun run(ObjectNode input) {
        return fixtures.in(university, () -> runs.start(SignedInUser.of(student), "referral-trainer", "silver", input));
    }

    private long silver() {
        return fixtures.in(university, () -> wallets.balances(university.id(), student.id()))
                .silver();
    }

    private String page(String path) {
        return http.toBlocking()
                .retrieve(HttpRequest.GET(path)
                        .header("Host", hostOf(university.subdomain()))
                        .header("Cookie", session.cookie())
                        .accept(MediaType.TEXT_HTML_TYPE));
    }

    private long ledgerRows(UUID runId, String type) {
        return count(
                "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND run_id = ? AND type = ?",
                university.id(),
                runId,
                type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alumni-cold-message", "recruiter-follow-up", "referral-ask", "thank-you"})
    void everySituationGivesANoteAMessageAndAnEmailWithinTheirLimits(String situation) {
        ObjectNode input = ToolSamples.input("referral-trainer").put("situation", situation);
        AiRun run = run(input);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.model()).isEqualTo("template");
        assertThat(run.demo()).as("templates are real output, not a demo").isFalse();
        List<String> channels = new ArrayList<>();
        for (JsonNode variant : run.output().path("variants")) {
            channels.add(variant.path("channel").asText());
            String text = variant.path("text").asText();
            assertThat(text).contains("Priya").contains("Arup").contains("Graduate Structural Engineer");
            assertThat(text).doesNotContain("{{").doesNotContain("&#x27;").doesNotContain("&amp;");
            assertThat(variant.path("length").asInt()).isEqualTo(text.length());
            assertThat(variant.path("withinLimit").asBoolean()).isTrue();
        }
        assertThat(channels).containsExactly("linkedin-note", "linkedin-message", "email");
        JsonNode note = run.output().path("variants").get(0);
        assertThat(note.path("limit").asInt()).isEqualTo(300);
        JsonNode email = run.output().path("variants").get(2);
        assertThat(email.path("subject").asText()).isNotBlank();
        assertThat(email.path("text").asText()).doesNotStartWith("Subject:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alumni-cold-message", "recruiter-follow-up", "referral-ask", "thank-you"})
    void theLongestValidCompanyAndRoleStillGiveAResultWithinTheToolsOwnSchema(String situation) {
        String company = "Consolidated International Infrastructure and Sustainable Engineering Partners Group";
        String role = "Graduate Structural Engineer for Long-Span Bridges, Tunnels and Low-Carbon Urban "
                + "Regeneration Programmes";
        ObjectNode input = ToolSamples.input("referral-trainer")
                .put("situation", situation)
                .put("name", "Maximiliana Alexandrovna Featherstonehaugh-Montgomery de la Cruz Oyelaran")
                .put("company", (company + " " + company).substring(0, 100))
                .put("role", (role + " " + role).substring(0, 120));
        AiRun run = run(input);

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
        for (JsonNode variant : run.output().path("variants")) {
            assertThat(variant.path("subject").asText("").length()).isLessThanOrEqualTo(200);
            assertThat(variant.path("text").asText().length()).isLessThanOrEqualTo(4000);
        }
        // SUCCEEDED means the executor checked the output against the tool's own output schema
    }

    @Test
    void commonGroundIsLeftOutWhenNotGiven() {
        ObjectNode input = ToolSamples.input("referral-trainer");
        input.remove("commonGround");
        JsonNode note = run(input).output().path("variants").get(0);
        assertThat(note.path("text").asText()).doesNotContain("()").doesNotContain("engineering society");
    }

    @Test
    void aLinkedInNoteOver300CharactersIsFlaggedInRedAndEveryVariantCanBeCopied() {
        ObjectNode input = ToolSamples.input("referral-trainer")
                .put("company", "The International Consortium for Sustainable Infrastructure Engineering Ltd")
                .put(
                        "commonGround",
                        "the same undergraduate civil engineering course, the bridge design society, the 2024 "
                                + "sustainable cities hackathon and the alumni mentoring evening where you spoke "
                                + "about timber structures and the future of low-carbon concrete in large projects");
        AiRun run = run(input);

        JsonNode note = run.output().path("variants").get(0);
        assertThat(note.path("length").asInt()).isGreaterThan(300);
        assertThat(note.path("withinLimit").asBoolean()).isFalse();
        assertThat(run.output().path("variants").get(1).path("withinLimit").asBoolean())
                .isTrue();

        String page = page("/runs/" + run.id());
        Matcher badges = LENGTH_BADGE.matcher(page);
        List<String> seen = new ArrayList<>();
        while (badges.find()) {
            seen.add(badges.group(1) + ":" + badges.group(3));
        }
        assertThat(seen).containsExactly("bad:300", "ok:1900", "ok:1500");
        assertThat(page).contains(note.path("length").asInt() + " / 300 characters");
        assertThat(page.split("data-copy=\"", -1)).hasSize(4);
        assertThat(page).contains("<script src=\"/static/copy.js\" defer></script>");
        assertThat(page).contains("data-copy=\"Subject: ");
    }

    @Test
    void whatTheStudentTypedIsEscapedOnThePage() {
        AiRun run = run(ToolSamples.input("referral-trainer").put("name", "<b>Ann</b>"));
        assertThat(run.output().path("variants").get(0).path("text").asText()).startsWith("Hi <b>Ann</b>,");
        String page = page("/runs/" + run.id());
        assertThat(page).contains("Hi &lt;b&gt;Ann&lt;/b&gt;,").doesNotContain("<b>Ann</b>");
    }

    @Test
    void aConfiguredCostIsShownDebitedAndRefundedWhenTheTemplatesFail() {
        assertThat(page("/tools/referral-trainer"))
                .contains("<strong>2 silver</strong>")
                .contains("no AI model")
                .doesNotContain("This tool costs no credits");

        long before = silver();
        AiRun done = run(ToolSamples.input("referral-trainer"));
        assertThat(silver()).isEqualTo(before - 2);
        assertThat(ledgerRows(done.id(), "DEBIT")).isEqualTo(1);

        Map<String, Object> body = Map.of(
                "currency",
                "silver",
                "input",
                ToolSchemas.JSON.convertValue(
                        ToolSamples.input("referral-trainer").put("name", BreakableTemplateText.BREAK), Map.class));
        HttpResponse<Map<String, Object>> answer = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/api/v1/tools/referral-trainer/runs", body)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Authorization", session.bearer()),
                        Argument.mapOf(String.class, Object.class));
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.body()).containsEntry("status", "REFUNDED").containsEntry("refunded", true);
        UUID failed = UUID.fromString((String) answer.body().get("id"));
        assertThat(ledgerRows(failed, "DEBIT")).isEqualTo(1);
        assertThat(ledgerRows(failed, "REFUND")).isEqualTo(1);
        assertThat(silver()).isEqualTo(before - 2);
        assertThat(page("/runs/" + failed))
                .contains("Failed · refunded")
                .contains("2 silver credits were returned to your wallet")
                .contains("our templates")
                .doesNotContain("AI service");
    }
}
