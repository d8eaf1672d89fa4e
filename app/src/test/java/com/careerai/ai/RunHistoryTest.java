package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run history a student can use: titles in the API and on the pages, filter and search, delete
 * (never someone else's run, never the ledger), PDF names from the title and "Try again".
 */
@MicronautTest(transactional = false)
class RunHistoryTest extends IntegrationTest {
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
    RunService runs;

    @Inject
    RunExecutor executor;

    @Inject
    RunFailures failures;

    University university;
    User student;
    User other;
    SignedIn session;
    SignedIn otherSession;
    String jobPack;
    String cvAnalysis;
    String statement;
    String failed;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.ai.mode", "mock");
    }

    @BeforeAll
    void runs() {
        university = fixtures.university();
        student = fixtures.verifiedStudent(university);
        other = fixtures.verifiedStudent(university);
        for (User user : List.of(student, other)) {
            fixtures.run(university, () -> {
                wallets.grant(university.id(), user.id(), Currency.SILVER, 40, "h:s:" + user.id(), "test", "setup");
                wallets.grant(university.id(), user.id(), Currency.GOLD, 10, "h:g:" + user.id(), "test", "setup");
            });
        }
        session = sessions.signIn(student);
        otherSession = sessions.signIn(other);
        SignedInUser signedIn = SignedInUser.of(student);
        fixtures.run(university, () -> {
            jobPack = finished(signedIn, "job-pack", "silver");
            cvAnalysis = finished(signedIn, "cv-analysis", "");
            statement = finished(signedIn, "personal-statement", "");
            AiRun broken = runs.start(signedIn, "cv-analysis", "", ToolSamples.input("cv-analysis"));
            failures.failAndRefund(university.id(), broken.id(), "The AI service did not answer.");
            failed = broken.id().toString();
        });
    }

    private String finished(SignedInUser user, String tool, String currency) {
        AiRun run = runs.start(user, tool, currency, ToolSamples.input(tool));
        executor.execute(university.id(), run.id());
        return run.id().toString();
    }

    private <T> MutableHttpRequest<T> api(MutableHttpRequest<T> request, SignedIn who) {
        return request.header("Host", hostOf(university.subdomain()))
                .header("Authorization", who.bearer())
                .accept(MediaType.APPLICATION_JSON_TYPE);
    }

    private Map<String, Object> json(String path) {
        return http.toBlocking()
                .retrieve(api(HttpRequest.GET(path), session), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listed(String query) {
        // an empty list is left out of the JSON
        return (List<Map<String, Object>>) json("/api/v1/runs" + query).getOrDefault("runs", List.of());
    }

    private String page(String path, SignedIn who) {
        return http.toBlocking()
                .retrieve(HttpRequest.GET(path)
                        .header("Host", hostOf(university.subdomain()))
                        .header("Cookie", who.cookie())
                        .accept(MediaType.TEXT_HTML_TYPE));
    }

    @Test
    void theDashboardListsRecentRunsAndTheCvScoreTrendWithoutReadingTheirOutputs() {
        User scored = fixtures.verifiedStudent(university);
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), scored.id(), Currency.SILVER, 40, "h:s:" + scored.id(), "test", "setup"));
        SignedInUser signedIn = SignedInUser.of(scored);
        List<String> ids = new java.util.ArrayList<>();
        fixtures.run(university, () -> {
            for (int i = 0; i < 3; i++) {
                ids.add(finished(signedIn, "cv-analysis", ""));
            }
            ids.add(finished(signedIn, "job-pack", "silver"));
        });
        // scores set by hand, oldest first; the third is not a whole number and is left out
        execute(
                "UPDATE ai_runs SET output = jsonb_set(output, '{overallScore}', '58'), created_at = now() - interval '3 hours' WHERE id = ?::uuid",
                ids.get(0));
        execute(
                "UPDATE ai_runs SET output = jsonb_set(output, '{overallScore}', '71'), created_at = now() - interval '2 hours' WHERE id = ?::uuid",
                ids.get(1));
        execute(
                "UPDATE ai_runs SET output = jsonb_set(output, '{overallScore}', '64.5'), created_at = now() - interval '1 hours' WHERE id = ?::uuid",
                ids.get(2));

        String home = page("/", sessions.signIn(scored));

        assertThat(home).contains("CV score: 58 → 71").doesNotContain("64.5").contains("/runs/" + ids.get(3));
        List<RunSummary> summaries =
                fixtures.in(university, () -> runs.summariesOfStudent(university.id(), scored.id(), 10));
        assertThat(summaries).extracting(RunSummary::score).containsExactly(null, null, 71, 58);
        assertThat(summaries.get(0).tool()).isEqualTo("job-pack");

        // each analysis' page compares it with the one before it (not with the newest): the oldest with none
        SignedIn viewer = sessions.signIn(scored);
        assertThat(page("/runs/" + ids.get(0), viewer)).doesNotContainPattern("[+-]?\\d+ since ");
        assertThat(page("/runs/" + ids.get(1), viewer)).contains("+13 since ");
        assertThat(page("/runs/" + ids.get(2), viewer)).contains("-7 since ");
        // twenty newer analyses: the page still finds the one before (it read the tool's 20 newest runs and
        // filtered them, so an older run lost its comparison)
        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, title, status, currency, cost, model, demo,"
                        + " input, output, created_at) SELECT university_id, gen_random_uuid(), user_id, tool, title,"
                        + " status, currency, cost, model, demo, input, output, now() FROM ai_runs,"
                        + " generate_series(1, 20) WHERE id = ?::uuid",
                ids.get(2));
        assertThat(page("/runs/" + ids.get(1), viewer)).contains("+13 since ");
    }

    @Test
    void runsHaveTitlesFromTheirInputInTheApiAndOnThePages() {
        assertThat(json("/api/v1/runs/" + jobPack))
                .containsEntry("title", "Job Pack — Graduate Data Analyst at Acme Analytics");
        assertThat(json("/api/v1/runs/" + cvAnalysis)).containsEntry("title", "CV Analysis — Data Analyst");
        assertThat(listed(""))
                .extracting(run -> run.get("title"))
                .contains("Personal Statement — Machine learning for healthcare (visa)", "CV Analysis — Data Analyst");
        assertThat(page("/runs", session)).contains("Job Pack — Graduate Data Analyst at Acme Analytics");
        assertThat(page("/runs/" + jobPack, session))
                .contains("<h1>Job Pack — Graduate Data Analyst at Acme Analytics</h1>");
        assertThat(page("/tools/cv-analysis", session)).contains("CV Analysis — Data Analyst");
        assertThat(page("/runs/" + jobPack, session))
                .contains("Checked by code")
                .contains("Keywords of the advert")
                .contains("Demo output");
    }

    @Test
    void runsAreFilteredByToolAndStatusAndSearchedByTitle() {
        assertThat(listed("?tool=cv-analysis"))
                .extracting(run -> run.get("id"))
                .containsExactlyInAnyOrder(cvAnalysis, failed);
        assertThat(listed("?tool=cv-analysis&status=succeeded"))
                .extracting(run -> run.get("id"))
                .containsExactly(cvAnalysis);
        assertThat(listed("?status=FAILED"))
                .extracting(run -> run.get("status"))
                .containsExactly("REFUNDED");
        assertThat(listed("?q=acme")).extracting(run -> run.get("id")).containsExactly(jobPack);
        assertThat(listed("?q=100%25")).isEmpty();
        assertThat(json("/api/v1/runs?q=analyst").get("total")).isEqualTo(3);

        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> json("/api/v1/runs?status=DONE&tool=nope"));
        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        assertThat(refused.getResponse().getBody(String.class).orElse(""))
                .contains("\"status\"")
                .contains("\"tool\"");

        String filtered = page("/runs?tool=job-pack&q=Acme", session);
        assertThat(filtered).contains("Job Pack — Graduate Data Analyst").doesNotContain("CV Analysis — Data Analyst");
        assertThat(page("/runs?q=nothing-like-this", session)).contains("No runs match these filters.");
    }

    @Test
    void pdfsAreNamedFromTheTitleAndCvAnalysisAndStatementsHaveThem() {
        for (Map.Entry<String, String> expected : Map.of(
                        jobPack, "job-pack-graduate-data-analyst-acme-analytics.pdf",
                        cvAnalysis, "cv-analysis-data-analyst.pdf",
                        statement, "personal-statement-machine-learning-healthcare-visa.pdf")
                .entrySet()) {
            HttpResponse<byte[]> pdf = http.toBlocking()
                    .exchange(
                            api(HttpRequest.GET("/api/v1/runs/" + expected.getKey() + "/pdf"), session)
                                    .accept(MediaType.of("application/pdf")),
                            byte[].class);
            assertThat(pdf.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"" + expected.getValue() + "\"");
            assertThat(PdfText.of(pdf.body())).contains("demo output");
        }
        assertThat(PdfText.of(http.toBlocking()
                        .retrieve(
                                api(HttpRequest.GET("/api/v1/runs/" + cvAnalysis + "/pdf"), session)
                                        .accept(MediaType.of("application/pdf")),
                                byte[].class)))
                .contains("Checked by code")
                .contains("Line-by-line suggestions");
    }

    @Test
    void tryAgainFillsTheFormWithTheRunsInputOnlyForItsOwner() {
        String form = page("/tools/cv-analysis?from=" + cvAnalysis, session);
        assertThat(form).contains("value=\"Data Analyst\"").contains("Tutored first-year statistics to 30 students");
        assertThat(page("/runs/" + failed, session)).contains("/tools/cv-analysis?from=" + failed);

        String strangers = page("/tools/cv-analysis?from=" + cvAnalysis, otherSession);
        assertThat(strangers).doesNotContain("value=\"Data Analyst\"").doesNotContain("Tutored first-year");
        assertThat(page("/tools/job-pack?from=" + cvAnalysis, session)).doesNotContain("Tutored first-year");
        assertThat(page("/tools/cv-analysis?from=not-a-run", session)).contains("<h1>CV Analysis");
    }

    /** A student of their own, so the runs made here do not change what the other tests list. */
    private User studentWithSilver() {
        User owner = fixtures.verifiedStudent(university);
        fixtures.run(
                university,
                () -> wallets.grant(
                        university.id(), owner.id(), Currency.SILVER, 20, "h:o:" + owner.id(), "test", "setup"));
        return owner;
    }

    @Test
    void deletingARunRemovesItButNotItsLedgerRows() {
        User owner = studentWithSilver();
        SignedIn session = sessions.signIn(owner);
        SignedInUser signedIn = SignedInUser.of(owner);
        String doomed = fixtures.in(university, () -> finished(signedIn, "job-pack", "silver"));
        http.toBlocking()
                .exchange(
                        api(HttpRequest.GET("/api/v1/runs/" + doomed + "/pdf"), session)
                                .accept(MediaType.of("application/pdf")),
                        byte[].class);
        long ledgerRows = count(
                "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND run_id = ?::uuid",
                university.id(),
                doomed);
        assertThat(ledgerRows).isEqualTo(1);

        // someone else's run: 404 in the API and on the page, and it stays
        HttpClientResponseException notTheirs =
                org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                        .exchange(api(HttpRequest.DELETE("/api/v1/runs/" + doomed), otherSession)));
        assertThat(notTheirs.getStatus().getCode()).isEqualTo(404);
        HttpClientResponseException notTheirPage =
                org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                        .exchange(HttpRequest.POST("/runs/" + doomed + "/delete", "csrf=" + otherSession.csrf())
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                                .header("Host", hostOf(university.subdomain()))
                                .header("Cookie", otherSession.cookie())
                                .accept(MediaType.TEXT_HTML_TYPE)));
        assertThat(notTheirPage.getStatus().getCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM ai_runs WHERE id = ?::uuid", doomed))
                .isEqualTo(1);

        HttpResponse<?> deleted =
                http.toBlocking().exchange(api(HttpRequest.DELETE("/api/v1/runs/" + doomed), session));
        assertThat(deleted.code()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM ai_runs WHERE id = ?::uuid", doomed))
                .isZero();
        assertThat(count("SELECT count(*) FROM ai_run_documents WHERE run_id = ?::uuid", doomed))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND run_id = ?::uuid",
                        university.id(),
                        doomed))
                .as("the ledger keeps the debit")
                .isEqualTo(ledgerRows);
        HttpClientResponseException gone =
                org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                        .exchange(api(HttpRequest.GET("/api/v1/runs/" + doomed), session)));
        assertThat(gone.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void aRunStillInProgressCannotBeDeleted() {
        User owner = studentWithSilver();
        SignedIn session = sessions.signIn(owner);
        SignedInUser signedIn = SignedInUser.of(owner);
        UUID queued =
                fixtures.in(university, () -> runs.start(signedIn, "cv-analysis", "", ToolSamples.input("cv-analysis"))
                        .id());
        HttpClientResponseException refused =
                org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                        .exchange(api(HttpRequest.DELETE("/api/v1/runs/" + queued), session)));
        assertThat(refused.getStatus().getCode()).isEqualTo(409);
        assertThat(refused.getResponse().getBody(String.class).orElse("")).contains("run_in_progress");
        assertThat(count("SELECT count(*) FROM ai_runs WHERE id = ?::uuid", queued.toString()))
                .isEqualTo(1);
        fixtures.run(university, () -> executor.execute(university.id(), queued));
    }

    @Test
    void aStudentOfAnotherUniversityFindsNoneOfTheseRuns() {
        University elsewhere = fixtures.university();
        SignedIn stranger = sessions.signIn(fixtures.verifiedStudent(elsewhere));
        for (MutableHttpRequest<?> request :
                List.of(HttpRequest.GET("/api/v1/runs/" + jobPack), HttpRequest.DELETE("/api/v1/runs/" + jobPack))) {
            HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                    HttpClientResponseException.class, () -> http.toBlocking()
                            .exchange(request.header("Host", hostOf(elsewhere.subdomain()))
                                    .header("Authorization", stranger.bearer())
                                    .accept(MediaType.APPLICATION_JSON_TYPE)));
            assertThat(e.getStatus().getCode()).isEqualTo(404);
        }
        assertThat(count("SELECT count(*) FROM ai_runs WHERE id = ?::uuid", jobPack))
                .isEqualTo(1);
    }

    @Test
    void theHistoryNeedsASignedInStudent() {
        assertThatThrownBy(() -> http.toBlocking()
                        .exchange(HttpRequest.DELETE("/api/v1/runs/" + jobPack)
                                .header("Host", hostOf(university.subdomain()))
                                .accept(MediaType.APPLICATION_JSON_TYPE)))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
        assertThatThrownBy(() -> http.toBlocking()
                        .exchange(HttpRequest.GET("/api/v1/runs?tool=job-pack")
                                .header("Host", hostOf(university.subdomain()))
                                .accept(MediaType.APPLICATION_JSON_TYPE)))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
    }
}
