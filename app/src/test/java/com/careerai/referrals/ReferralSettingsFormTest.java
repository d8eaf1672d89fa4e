package com.careerai.referrals;

import static com.careerai.testing.IntegrationTest.hostOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.credits.Currency;
import com.careerai.credits.Http;
import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staff form of referral settings (reward per side, hold, monthly cap): validated with messages
 * beside the fields, saved, audited with before → after and the client address the request came
 * from; another university's settings stay as they were.
 */
@MicronautTest(transactional = false)
class ReferralSettingsFormTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Referrals referrals;

    @Inject
    AuditLog audit;

    @Inject
    @Client("/")
    HttpClient client;

    /** The 303 is the answer under test; followed, the client would drop the university's Host. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @Test
    void staffChangeTheRulesAndTheAuditRowCarriesTheirAddress() {
        University uni = fixtures.university();
        University other = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        assertThat(page(uni, "/staff/referrals", staff).body())
                .contains("Referral settings")
                .contains("id=\"holdDays\"")
                .contains("value=\"14\"");

        HttpResponse<String> saved = post(
                uni,
                staff,
                Map.of(
                        "enabled", "on",
                        "currency", "GOLD",
                        "referrerAmount", "7",
                        "refereeAmount", "3",
                        "holdDays", "30",
                        "monthlyCap", "4",
                        "addressWindowHours", "48"));
        assertThat(saved.code()).as(saved.body()).isEqualTo(303);
        assertThat(fixtures.in(uni, () -> referrals.settings(uni.id())))
                .isEqualTo(new ReferralSettings(true, Currency.GOLD, 7, 3, 30, 4, 48));
        assertThat(fixtures.in(other, () -> referrals.settings(other.id()))).isEqualTo(ReferralSettings.DEFAULTS);

        AuditEntry entry = fixtures.in(uni, () -> audit.latest(uni.id(), "referrals.settings.changed"))
                .orElseThrow();
        assertThat(entry.details())
                .containsEntry("before", "on, 5+5 silver, held 14 days, cap 10/month, review window 24 h")
                .containsEntry("after", "on, 7+3 gold, held 30 days, cap 4/month, review window 48 h");
        assertThat(entry.clientAddress()).as("from which address").isEqualTo("127.0.0.1");
        assertThat(page(uni, "/staff/audit?action=referrals.settings.changed", staff)
                        .body())
                .contains("<code>127.0.0.1</code>");
    }

    @Test
    void badValuesComeBackWithMessagesBesideTheFieldsAndNothingChanges() {
        University uni = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        HttpResponse<String> refused = post(
                uni,
                staff,
                Map.of(
                        "currency", "BRONZE",
                        "referrerAmount", "-1",
                        "refereeAmount", "five",
                        "holdDays", "400",
                        "monthlyCap", "10",
                        "addressWindowHours", "24"));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Choose silver or gold credits.")
                .contains("The referrer&#x27;s reward must be a whole number from 0 to 1000.")
                .contains("The friend&#x27;s reward must be a whole number from 0 to 1000.")
                .contains("The hold must be a whole number from 0 to 365.")
                .contains("value=\"five\"")
                .contains("value=\"400\"");
        assertThat(fixtures.in(uni, () -> referrals.settings(uni.id()))).isEqualTo(ReferralSettings.DEFAULTS);
        assertThat(fixtures.in(uni, () -> audit.latest(uni.id(), "referrals.settings.changed")))
                .isEmpty();

        SignedIn student = sessions.signIn(fixtures.verifiedStudent(uni));
        assertThat(post(uni, student, Map.of("currency", "GOLD")).code()).isEqualTo(403);
    }

    private HttpResponse<String> page(University uni, String path, SignedIn session) {
        return Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept(MediaType.TEXT_HTML)
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Cookie", session.cookie()));
    }

    private HttpResponse<String> post(University uni, SignedIn session, Map<String, String> form) {
        Map<String, String> body = new HashMap<>(form);
        body.put("csrf", session.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST("/staff/referrals/settings", body)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }
}
