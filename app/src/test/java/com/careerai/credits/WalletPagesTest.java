package com.careerai.credits;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WalletPagesTest extends IntegrationTest {
    private static final String SPEC = "WalletPagesTest";

    /** Stands in for a tool: debits the signed-in student, as the AI-runs feature will. */
    @Requires(property = "spec.name", value = SPEC)
    @Controller("/test/credits")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class RunToolController {
        private final Wallets wallets;
        private final CreditCosts costs;

        RunToolController(Wallets wallets, CreditCosts costs) {
            this.wallets = wallets;
            this.costs = costs;
        }

        @Post(
                value = "/run/{feature}/{currency}",
                consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
                produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
        TransactionView run(
                @CurrentUniversity University university,
                @CurrentUser SignedInUser user,
                @PathVariable String feature,
                @PathVariable String currency) {
            return TransactionView.of(
                    wallets.debit(
                            university.id(),
                            user.userId(),
                            feature,
                            Currency.parse(currency).orElseThrow(),
                            UUID.randomUUID()),
                    costs);
        }
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    University uni;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", SPEC, "micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void university() {
        uni = fixtures.university();
    }

    @Test
    void anonymousVisitorsAreAskedToSignIn() {
        HttpResponse<String> page = get("/wallet", null, "text/html");
        assertThat(page.code()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/signin?next=%2Fwallet");
        HttpResponse<String> api = get("/api/v1/wallet", null, "application/json");
        assertThat(api.code()).isEqualTo(401);
        assertThat(api.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void walletJsonHasBalancesAndLatestTransactions() {
        User student = walletFixtures.signedUpStudent(uni);
        HttpResponse<String> response = get("/api/v1/wallet", sessions.signIn(student), "application/json");
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"silver\":20")
                .contains("\"gold\":3")
                .contains("\"type\":\"GRANT\"")
                .contains("\"reason\":\"Welcome allowance\"")
                .doesNotContain("idempotency")
                .doesNotContain("signup:");
    }

    @Test
    void transactionsArePagedAndBadPagesAreRefused() {
        User student = walletFixtures.studentWith(uni, 0, 0);
        fixtures.run(uni, () -> {
            for (int i = 1; i <= 22; i++) {
                wallets.grant(
                        uni.id(), student.id(), Currency.GOLD, i, "p:" + student.id() + ":" + i, "test", "grant " + i);
            }
        });
        SignedIn session = sessions.signIn(student);

        HttpResponse<String> second = get("/api/v1/wallet/transactions?page=2", session, "application/json");
        assertThat(second.code()).isEqualTo(200);
        assertThat(second.body())
                .contains("\"page\":2")
                .contains("\"total\":22")
                .contains("\"pages\":2")
                .contains("\"reason\":\"grant 2\"")
                .doesNotContain("\"reason\":\"grant 3\"");
        assertThat(get("/api/v1/wallet/transactions?page=abc", session, "application/json")
                        .code())
                .isEqualTo(400);
        HttpResponse<String> zero = get("/api/v1/wallet/transactions?page=0", session, "application/json");
        assertThat(zero.code()).isEqualTo(400);
        assertThat(zero.body()).contains("\"error\":\"bad_request\"");
    }

    @Test
    void walletPageShowsBalancesCostsAndHistoryWithRunLinks() {
        User student = walletFixtures.signedUpStudent(uni);
        SignedIn session = sessions.signIn(student);
        assertThat(post("/test/credits/run/job-pack/gold", session).code()).isEqualTo(200);

        HttpResponse<String> page = get("/wallet", session, "text/html");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-balance=\"silver\">20<")
                .contains("data-balance=\"gold\">2<")
                .contains("class=\"balance\"") // header
                .contains("<td>Job Pack</td><td>5</td><td>1</td>")
                .contains("<td>Internship Finder</td><td>1</td><td><span class=\"muted\">—</span></td>")
                .contains("Job Pack run")
                .contains("href=\"/runs/")
                .contains("Welcome allowance")
                .contains("href=\"/wallet\""); // navigation
    }

    @Test
    void studentWhoCannotPayGetsA402PageOfferingTheOtherCurrency() {
        User student = walletFixtures.studentWith(uni, 10, 0);
        SignedIn session = sessions.signIn(student);

        HttpResponse<String> page =
                exchange(HttpRequest.POST("/test/credits/run/job-pack/gold", Map.of("csrf", session.csrf()))
                        .contentType("application/x-www-form-urlencoded")
                        .header("Cookie", session.cookie())
                        .accept("text/html"));

        assertThat(page.code()).isEqualTo(402);
        assertThat(page.body())
                .contains("Not enough gold credits")
                .contains("Job Pack costs 1 gold and your wallet holds 0")
                .contains("href=\"/tools/job-pack?currency=silver\"")
                .contains("Use silver credits")
                .contains("href=\"/billing\"");
    }

    @Test
    void brokeStudentIsToldWhereCreditsComeFromWhenNothingCanBeBought() {
        User student = walletFixtures.studentWith(uni, 0, 0);
        SignedIn session = sessions.signIn(student);
        HttpResponse<String> page =
                exchange(HttpRequest.POST("/test/credits/run/job-pack/silver", Map.of("csrf", session.csrf()))
                        .contentType("application/x-www-form-urlencoded")
                        .header("Cookie", session.cookie())
                        .accept("text/html"));
        assertThat(page.code()).isEqualTo(402);
        // no Stripe key in this test: no "Buy" that would end in a refusal, but the reason instead
        assertThat(page.body())
                .contains("data-purchases-closed")
                .doesNotContain("Buy credits")
                .doesNotContain("Use gold credits");
    }

    @Test
    void apiClientsGetThe402AsJsonWithTheAlternative() {
        User student = walletFixtures.studentWith(uni, 1, 3);
        HttpResponse<String> response = exchange(HttpRequest.POST("/test/credits/run/job-pack/silver", "")
                .header("Authorization", sessions.signIn(student).bearer())
                .accept("application/json"));
        assertThat(response.code()).isEqualTo(402);
        assertThat(response.body())
                .contains("\"error\":\"insufficient_credits\"")
                .contains("\"code\":\"NOT_ENOUGH_CREDITS\"")
                .contains("\"cost\":5")
                .contains("\"balance\":1")
                .contains("\"alternative\":{\"currency\":\"GOLD\",\"cost\":1}")
                .contains("\"buyUrl\":\"/billing\"");
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), student.id())))
                .isEqualTo(new Balances(1, 3));
    }

    private HttpResponse<String> get(String path, SignedIn session, String accept) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept(accept);
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return exchange(request);
    }

    private HttpResponse<String> post(String path, SignedIn session) {
        return exchange(HttpRequest.POST(path, "")
                .header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .accept("application/json"));
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        return Http.exchange(client, request.header("Host", hostOf(uni.subdomain())));
    }
}
