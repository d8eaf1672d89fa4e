package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.billing.PaymentSettings;
import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.CrossTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** list, show, update, suspend and resume. */
class ManageTest extends TenantAdminTest {

    @BeforeAll
    void universities() {
        for (String subdomain : List.of("alpha", "beta", "gamma", "delta")) {
            Result result = run(
                    "onboard",
                    "--name",
                    "University " + subdomain,
                    "--subdomain",
                    subdomain,
                    "--domains",
                    subdomain + ".edu",
                    "--silver",
                    "20",
                    "--gold",
                    "2",
                    "--staff",
                    "staff@" + subdomain + ".edu");
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
    }

    private University university(String subdomain) {
        return admin.getBean(UniversityAdministration.class)
                .findBySubdomain(subdomain)
                .orElseThrow();
    }

    private List<AuditEntry> audit(String subdomain) {
        University university = university(subdomain);
        return CrossTenant.within(
                university, () -> admin.getBean(AuditLog.class).recent(university.id(), 20));
    }

    @Test
    void listShowsEveryUniversityAsATableAndAsJson() {
        Result table = run("list");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow())
                .startsWith("SUBDOMAIN")
                .contains("STATUS", "STUDENTS", "RUNS 30D", "SPENT 30D S/G");
        assertThat(table.out()).contains("alpha", "University beta", "ACTIVE");

        List<Map<String, Object>> json = run("list", "--json").jsonList();
        assertThat(json).extracting(row -> row.get("subdomain")).contains("alpha", "beta", "gamma", "delta");
        assertThat(json.get(0))
                .containsKeys("status", "students", "runsLast30Days", "creditsSpentLast30Days", "url")
                .containsEntry("students", 0);
    }

    @Test
    void showPrintsSettingsInvitationsAndAudit() {
        Result result = run("show", "alpha");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("University alpha", "https://alpha.careerai.test/", "alpha.edu", "20 silver, 2 gold")
                .contains("staff@alpha.edu", "STAFF", "pending", "operator:ops-tester")
                .contains("university.created");

        Map<String, Object> json = run("show", "alpha", "--json").json();
        assertThat(json).containsEntry("subdomain", "alpha").containsEntry("status", "ACTIVE");
        assertThat(json.get("invitations").toString()).contains("staff@alpha.edu");
    }

    @Test
    void updateChangesOnlyTheGivenSettingsAndAuditsThem() {
        Result result = run("update", "beta", "--gold", "6", "--domains", "beta.edu,beta.ac.uk");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Updated beta:", "--gold 2 → 6", "--domains");
        University beta = university("beta");
        assertThat(beta.defaultGold()).isEqualTo(6);
        assertThat(beta.defaultSilver()).isEqualTo(20);
        assertThat(beta.allowedDomains()).containsExactly("beta.edu", "beta.ac.uk");
        AuditEntry updated = audit("beta").get(0);
        assertThat(updated.action()).isEqualTo("university.updated");
        assertThat(updated.actor()).isEqualTo("operator:ops-tester");
        assertThat(updated.details().toString())
                .contains("defaultGold")
                .contains("from=2")
                .contains("to=6");

        Result again = run("update", "beta", "--gold", "6");
        assertThat(again.out()).contains("Nothing changed");
        assertThat(audit("beta"))
                .filteredOn(entry -> entry.action().equals("university.updated"))
                .hasSize(1);
    }

    @Test
    void updateChoosesThePaymentProviderAndCurrencyAndAuditsIt() {
        Result result = run("update", "beta", "--payments", "razorpay", "--currency", "INR");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Updated beta:", "--payments stripe → razorpay", "--currency", "→ INR");
        University beta = university("beta");
        PaymentSettings.Settings settings = CrossTenant.within(
                beta, () -> admin.getBean(PaymentSettings.class).of(beta.id()));
        assertThat(settings).isEqualTo(new PaymentSettings.Settings(PaymentSettings.Provider.RAZORPAY, "inr"));
        assertThat(audit("beta"))
                .filteredOn(entry -> entry.action().equals("billing.payments.changed"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details())
                        .containsEntry("provider", "razorpay")
                        .containsEntry("currency", "inr"));

        assertThat(run("update", "beta", "--payments", "razorpay").out()).contains("Nothing changed");
        assertThat(run("show", "beta").out()).contains("razorpay (currency: INR)");
        Result bad = run("update", "beta", "--payments", "paypal");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(oneLine(bad)).startsWith("error: --payments must be stripe or razorpay, not 'paypal'");
        Result badCurrency = run("update", "beta", "--currency", "rupees");
        assertThat(badCurrency.exitCode()).isEqualTo(2);
        assertThat(oneLine(badCurrency)).startsWith("error: --currency must be a three-letter ISO code");

        assertThat(run("update", "beta", "--payments", "stripe", "--currency", "")
                        .exitCode())
                .isZero();
    }

    @Test
    void updateRefusesBadValuesUnknownUniversitiesAndNothingToChange() {
        Result negative = run("update", "beta", "--silver", "-3");
        assertThat(negative.exitCode()).isEqualTo(1);
        assertThat(oneLine(negative)).isEqualTo("error: --silver must be 0 or more, not -3");

        Result unknown = run("update", "nowhere", "--gold", "1");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(oneLine(unknown)).isEqualTo("error: No university has the subdomain 'nowhere'.");

        Result nothing = run("update", "beta");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(oneLine(nothing)).startsWith("error: nothing to change");
    }

    @Test
    void suspendTakesEffectOnTheRunningAppAtOnceAndResumeUndoesIt() {
        // The app has cached gamma as active for an hour: only the broadcast can change its mind.
        assertThat(page("gamma", "/").status()).isEqualTo(200);

        Result suspended = run("suspend", "gamma", "--reason", "contract ended");
        assertThat(suspended.exitCode()).as(suspended.err()).isZero();
        assertThat(suspended.out()).contains("Suspended gamma: its pages answer 403");
        await().atMost(Duration.ofSeconds(10)).until(() -> page("gamma", "/").status() == 403);
        assertThat(page("gamma", "/").body()).contains("University gamma is not available");
        AuditEntry entry = audit("gamma").get(0);
        assertThat(entry.action()).isEqualTo("university.suspended");
        assertThat(entry.actor()).isEqualTo("operator:ops-tester");
        assertThat(entry.details()).containsEntry("reason", "contract ended");

        assertThat(run("suspend", "gamma", "--reason", "again").out()).contains("gamma is already suspended");

        Result resumed = run("resume", "gamma");
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.out()).contains("Resumed gamma");
        await().atMost(Duration.ofSeconds(10)).until(() -> page("gamma", "/").status() == 200);
        assertThat(audit("gamma").get(0).action()).isEqualTo("university.resumed");
    }

    @Test
    void suspendAndResumeOfAnUnknownUniversityFailWithOneLine() {
        Result suspend = run("suspend", "nowhere", "--reason", "x");
        assertThat(suspend.exitCode()).isEqualTo(1);
        assertThat(oneLine(suspend)).isEqualTo("error: No university has the subdomain 'nowhere'.");
        assertThat(run("resume", "nowhere").exitCode()).isEqualTo(1);
        assertThat(run("show", "nowhere").exitCode()).isEqualTo(1);
    }
}
