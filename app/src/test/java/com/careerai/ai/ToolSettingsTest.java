package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.type.Argument;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff switch tools on and off for their own university: a switched-off tool disappears from the
 * tools page and API and cannot be run; other universities are not affected; only staff may switch.
 */
@MicronautTest(transactional = false)
class ToolSettingsTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    ToolSettings settings;

    @Inject
    RunService runs;

    @Inject
    AiRunRepository repository;

    @Inject
    Wallets wallets;

    @Inject
    EmbeddedServer server;

    HttpClient http;

    @Override
    protected Map<String, String> extraProperties() {
        // an hour: what a node keeps is kept for the whole test (ADR 0041)
        return Map.of("careerai.ai.mode", "mock", "careerai.ai.tool-settings-ttl", "1h");
    }

    @BeforeAll
    void client() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        http = HttpClient.create(server.getURL(), configuration);
    }

    @AfterAll
    void close() {
        http.close();
    }

    @Test
    void aFormThatTheWalletCannotPayForSaysSoAndCannotBeSubmitted() {
        University uni = fixtures.university();
        User paying = fixtures.verifiedStudent(uni);
        fixtures.in(
                uni,
                () -> wallets.grant(
                        uni.id(), paying.id(), com.careerai.credits.Currency.SILVER, 5, "pay-test", "test", "test"));
        SignedIn session = sessions.signIn(paying);
        assertThat(body(asPage(HttpRequest.GET("/tools/job-pack"), uni, session)))
                .doesNotContain("data-cannot-pay")
                .doesNotContain(" disabled aria-describedby=\"pay-reason\"");

        User empty = fixtures.student(uni); // no credits at all
        SignedIn emptySession = sessions.signIn(empty);
        assertThat(body(asPage(HttpRequest.GET("/tools/job-pack"), uni, emptySession)))
                .contains("data-cannot-pay")
                .contains("Your wallet cannot pay for Job Pack: it costs 5 silver or 1 gold.")
                .contains("type=\"submit\" disabled aria-describedby=\"pay-reason\"")
                .contains("(not enough in your wallet)");
        assertThat(body(asPage(HttpRequest.GET("/tools/referral-trainer"), uni, emptySession)))
                .as("a free tool is always payable")
                .doesNotContain("data-cannot-pay");
    }

    private int status(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private MutableHttpRequest<?> asPage(MutableHttpRequest<?> request, University where, SignedIn who) {
        return request.header("Host", hostOf(where.subdomain()))
                .header("Cookie", who.cookie())
                .accept(MediaType.TEXT_HTML_TYPE);
    }

    private String body(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request);
    }

    private List<Map<String, Object>> apiTools(University where) {
        return http.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/tools").header("Host", hostOf(where.subdomain())),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private int switchTool(University where, SignedIn who, String tool, boolean enabled) {
        return status(asPage(
                HttpRequest.POST("/staff/tools", "csrf=" + who.csrf() + "&tool=" + tool + "&enabled=" + enabled)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE),
                where,
                who));
    }

    @Test
    void aToolSwitchedOffIsHiddenAndRefusedInItsUniversityOnly() {
        University a = fixtures.university();
        University b = fixtures.university();
        SignedIn staffA = sessions.signIn(fixtures.staff(a));
        User studentA = fixtures.verifiedStudent(a);
        fixtures.run(
                a,
                () -> wallets.grant(
                        a.id(), studentA.id(), Currency.SILVER, 10, "ts:" + studentA.id(), "test", "setup"));
        SignedIn sessionA = sessions.signIn(studentA);
        SignedIn sessionB = sessions.signIn(fixtures.verifiedStudent(b));

        String staffPage = body(asPage(HttpRequest.GET("/staff/tools"), a, staffA));
        assertThat(staffPage)
                .contains("Internship Finder")
                .contains("Switch off")
                .doesNotContain("Switch on");

        assertThat(switchTool(a, staffA, "internship-finder", false)).isEqualTo(303);

        assertThat(body(asPage(HttpRequest.GET("/staff/tools"), a, staffA)))
                .contains("<span class=\"badge\">Off</span>")
                .contains("Switch on");
        assertThat(body(asPage(HttpRequest.GET("/tools"), a, sessionA)))
                .doesNotContain("/tools/internship-finder")
                .contains("/tools/job-pack");
        assertThat(apiTools(a)).extracting(tool -> tool.get("slug")).doesNotContain("internship-finder");
        assertThat(status(asPage(HttpRequest.GET("/tools/internship-finder"), a, sessionA)))
                .isEqualTo(404);
        assertThat(com.careerai.credits.Http.exchange(
                                http, asPage(HttpRequest.GET("/tools/internship-finder"), a, sessionA))
                        .body())
                .as("says who switched it off, not that no such tool exists")
                .contains("Internship Finder is switched off by your university")
                .doesNotContain("There is no tool");
        assertThat(body(asPage(HttpRequest.GET("/wallet"), a, sessionA)))
                .as("a switched-off tool leaves the wallet's price list")
                .doesNotContain("Internship Finder")
                .contains("Job Pack");
        assertThat(status(asPage(
                        HttpRequest.POST(
                                        "/tools/internship-finder",
                                        "csrf=" + sessionA.csrf() + "&field=Data&location=Leeds&workMode=remote"
                                                + "&season=summer&skills=Python&currency=silver")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE),
                        a,
                        sessionA)))
                .isEqualTo(404);
        Map<String, Object> run = Map.of(
                "currency",
                "silver",
                "input",
                ToolSchemas.JSON.convertValue(ToolSamples.input("internship-finder"), Map.class));
        assertThat(status(HttpRequest.POST("/api/v1/tools/internship-finder/runs", run)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", sessionA.bearer())))
                .isEqualTo(404);
        assertThat(fixtures.in(a, () -> wallets.balances(a.id(), studentA.id())).silver())
                .isEqualTo(10);

        // university B still offers it
        assertThat(apiTools(b)).extracting(tool -> tool.get("slug")).contains("internship-finder");
        assertThat(body(asPage(HttpRequest.GET("/tools"), b, sessionB))).contains("/tools/internship-finder");
        assertThat(status(asPage(HttpRequest.GET("/tools/internship-finder"), b, sessionB)))
                .isEqualTo(200);

        // switched on again, it is back
        assertThat(switchTool(a, staffA, "internship-finder", true)).isEqualTo(303);
        assertThat(apiTools(a)).extracting(tool -> tool.get("slug")).contains("internship-finder");
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action IN ('tool.disabled', 'tool.enabled')",
                        a.id()))
                .isEqualTo(2);
    }

    @Test
    void aNodeKeepsItsUniversitysSwitchedOffToolsUntilItSwitchesOneItselfButNeverAnUnboundAnswer() {
        University a = fixtures.university();
        assertThat(settings.disabled(a.id()))
                .as("read bound to no university, the tenant wall shows no rows")
                .isEmpty();
        // switched off by another process (another node, tenant-admin): this node hears nothing of it
        execute("INSERT INTO university_tools (university_id, tool, enabled) VALUES (?, 'cv-analysis', false)", a.id());
        assertThat(fixtures.in(a, () -> settings.disabled(a.id())))
                .as("the unbound (empty) answer was not kept")
                .containsExactly("cv-analysis");

        execute("UPDATE university_tools SET enabled = true WHERE university_id = ? AND tool = 'cv-analysis'", a.id());
        assertThat(fixtures.in(a, () -> settings.disabled(a.id())))
                .as("within the TTL a node keeps what it read (another node's switch arrives with the TTL)")
                .containsExactly("cv-analysis");
        assertThat(fixtures.in(a, () -> settings.require(a.id(), "job-pack").slug()))
                .isEqualTo("job-pack");

        fixtures.run(a, () -> settings.setEnabled(a.id(), "job-pack", false, "test"));
        assertThat(fixtures.in(a, () -> settings.disabled(a.id())))
                .as("a switch made on this node is read again once it commits")
                .containsExactly("job-pack");
        assertThat(settings.disabled(a.id())).as("unbound, still nothing").isEmpty();
    }

    @Test
    void onlyStaffMaySwitchTools() {
        University a = fixtures.university();
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(a));
        assertThat(status(asPage(HttpRequest.GET("/staff/tools"), a, student))).isEqualTo(403);
        assertThat(switchTool(a, student, "job-pack", false)).isEqualTo(403);
        assertThat(fixtures.in(a, () -> settings.disabled(a.id()))).isEmpty();

        HttpResponse<String> anonymous;
        try {
            anonymous = http.toBlocking()
                    .exchange(
                            HttpRequest.GET("/staff/tools")
                                    .header("Host", hostOf(a.subdomain()))
                                    .accept(MediaType.TEXT_HTML_TYPE),
                            String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> refused = (HttpResponse<String>) e.getResponse();
            anonymous = refused;
        }
        assertThat(anonymous.code()).isEqualTo(303);
        assertThat(anonymous.getHeaders().get("Location")).startsWith("/signin");
    }

    @Test
    void staffCannotSwitchAnUnknownToolOrWithoutTheFormToken() {
        University a = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(a));
        assertThat(switchTool(a, staff, "no-such-tool", false)).isEqualTo(404);
        assertThat(status(asPage(
                        HttpRequest.POST("/staff/tools", "tool=job-pack&enabled=false")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE),
                        a,
                        staff)))
                .isEqualTo(403);
        assertThat(fixtures.in(a, () -> settings.disabled(a.id()))).isEmpty();
    }

    @Test
    void toolSettingsAndRunsAreInvisibleToOtherUniversities() {
        University a = fixtures.university();
        University b = fixtures.university();
        CrossTenant.assertInvisible(
                a,
                b,
                uni -> {
                    settings.setEnabled(uni.id(), "cv-analysis", false, "test");
                    return "cv-analysis";
                },
                (uni, tool) -> settings.disabled(uni.id()));

        User student = fixtures.verifiedStudent(a);
        AiRun run = fixtures.in(
                a,
                () -> runs.start(
                        SignedInUser.of(student), "referral-trainer", "silver", ToolSamples.input("referral-trainer")));
        CrossTenant.assertInvisible(a, b, uni -> run, (uni, written) -> repository.find(uni.id(), written.id()));
        CrossTenant.assertInvisible(
                a, b, uni -> run, (uni, written) -> repository.listOfUser(uni.id(), written.userId(), null, 10, 0));
    }
}
