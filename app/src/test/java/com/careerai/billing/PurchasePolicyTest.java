package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A university that turns students' purchases off: its students see why and no Buy, checkout is
 * refused, the wallet and the 402 page stop linking to billing; other universities still sell.
 */
@MicronautTest(transactional = false)
class PurchasePolicyTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Test
    void purchasesOffMeansNoBuyAnywhereAndCheckoutIsRefused() {
        University off = fixtures.university();
        University on = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(off));
        User student = fixtures.verifiedStudent(off);
        SignedIn session = sessions.signIn(student);

        assertThat(page(off, "/billing", session).body()).contains("Buy 10 gold credits</button>");
        assertThat(page(off, "/staff/purchases", staff).body()).contains("value=\"true\" checked");

        HttpResponse<String> saved = Http.exchange(
                client,
                on(
                                off,
                                HttpRequest.POST(
                                                "/staff/purchases",
                                                Map.of("studentsMayBuy", "false", "csrf", staff.csrf()))
                                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                        .header("Cookie", staff.cookie()));
        assertThat(saved.code()).isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'billing.purchases.off'",
                        off.id()))
                .isEqualTo(1);

        String billing = page(off, "/billing", session).body();
        assertThat(billing)
                .contains("data-purchases-closed")
                .contains("Your university provides your credits")
                .contains("data-product=\"gold-10\"")
                .doesNotContain("Buy 10 gold credits</button>")
                .doesNotContain("action=\"/billing/checkout\"");
        assertThat(page(off, "/wallet", session).body())
                .contains("Your university provides your credits")
                .doesNotContain("Buy gold credits");

        HttpResponse<String> checkout = Http.exchange(
                client,
                on(
                                off,
                                HttpRequest.POST("/api/v1/billing/checkout", "{\"product\":\"gold-10\"}")
                                        .contentType(MediaType.APPLICATION_JSON_TYPE))
                        .header("Authorization", session.bearer()));
        assertThat(checkout.code()).isEqualTo(403);
        assertThat(checkout.body()).contains("\"error\":\"purchases_off\"");
        HttpResponse<String> overview = Http.exchange(
                client, on(off, HttpRequest.GET("/api/v1/billing")).header("Authorization", session.bearer()));
        assertThat(overview.body()).contains("\"canBuy\":false");

        // the API for staff, and another university untouched
        HttpResponse<String> policy = Http.exchange(
                client, on(off, HttpRequest.GET("/api/v1/staff/purchases")).header("Authorization", staff.bearer()));
        assertThat(policy.body()).contains("\"studentsMayBuy\":false").contains("\"billingConfigured\":true");
        assertThat(Http.exchange(
                                client,
                                on(off, HttpRequest.GET("/api/v1/staff/purchases"))
                                        .header("Authorization", session.bearer()))
                        .code())
                .isEqualTo(403);
        SignedIn elsewhere = sessions.signIn(fixtures.verifiedStudent(on));
        assertThat(page(on, "/billing", elsewhere).body()).contains("Buy 10 gold credits</button>");
    }

    @Test
    void plansListOnlyBenefitsAFeatureDelivers() {
        University uni = fixtures.university();
        SignedIn session = sessions.signIn(fixtures.verifiedStudent(uni));
        String billing = page(uni, "/billing", session).body();
        assertThat(billing)
                .contains("3 counselling sessions a month · Counselling")
                .contains("Unlimited counselling sessions · Counselling")
                .as("no resources feature reports premium resources, so no plan promises them")
                .doesNotContain("Premium resources")
                .doesNotContain("resource library");
        assertThat(Http.exchange(client, on(uni, HttpRequest.GET("/api/v1/billing/products")))
                        .body())
                .doesNotContain("Premium resources");
    }

    private HttpResponse<String> page(University university, String path, SignedIn session) {
        return Http.exchange(
                client,
                on(university, HttpRequest.GET(path))
                        .header("Cookie", session.cookie())
                        .accept(MediaType.TEXT_HTML));
    }

    private static <T> MutableHttpRequest<T> on(University university, MutableHttpRequest<T> request) {
        return request.header("Host", hostOf(university.subdomain()));
    }
}
