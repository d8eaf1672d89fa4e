package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Invitation;
import com.careerai.auth.Invitations;
import com.careerai.auth.Role;
import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnboardTest extends TenantAdminTest {

    private Result onboard(String subdomain, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "onboard",
                "--name",
                "Massachusetts Institute of Technology",
                "--subdomain",
                subdomain,
                "--domains",
                "mit.edu,alum.mit.edu",
                "--silver",
                "50",
                "--gold",
                "5",
                "--staff",
                "alice@mit.edu,Bob@MIT.edu",
                "--brand-color",
                "#A31F34"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private University university(String subdomain) {
        return admin.getBean(UniversityAdministration.class)
                .findBySubdomain(subdomain)
                .orElseThrow();
    }

    @Test
    void onboardCreatesTheUniversityInvitesItsStaffAndPrintsItsAddress() {
        Result result = onboard("mit");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Onboarded Massachusetts Institute of Technology at https://mit.careerai.test/")
                .contains("Invited as staff: alice@mit.edu, bob@mit.edu");

        University mit = university("mit");
        assertThat(mit.allowedDomains()).containsExactly("mit.edu", "alum.mit.edu");
        assertThat(mit.defaultSilver()).isEqualTo(50);
        assertThat(mit.defaultGold()).isEqualTo(5);
        assertThat(mit.brandColor()).isEqualTo("#A31F34");
        List<Invitation> invitations =
                CrossTenant.within(mit, () -> admin.getBean(Invitations.class).list(mit.id()));
        assertThat(invitations).extracting(Invitation::email).containsExactlyInAnyOrder("alice@mit.edu", "bob@mit.edu");
        assertThat(invitations).allSatisfy(invitation -> {
            assertThat(invitation.role()).isEqualTo(Role.STAFF);
            assertThat(invitation.invitedBy()).isEqualTo("operator:ops-tester");
        });
        assertThat(CrossTenant.within(mit, () -> admin.getBean(AuditLog.class).recent(mit.id(), 10)))
                .extracting(AuditEntry::action)
                .contains("university.created", "staff.invited");

        RawHttp.Answer page = page("mit", "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Massachusetts Institute of Technology");
    }

    @Test
    void onboardingAgainWithTheSameSettingsReportsAlreadyOnboardedAndInvitesNobodyTwice() {
        assertThat(onboard("again").exitCode()).isZero();
        University again = university("again");

        Result second = onboard("again");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out())
                .contains("again is already onboarded at https://again.careerai.test/")
                .contains("Already invited: alice@mit.edu, bob@mit.edu")
                .doesNotContain("Invited as staff");
        assertThat(CrossTenant.within(
                        again, () -> admin.getBean(Invitations.class).list(again.id())))
                .hasSize(2);

        Result json = onboard("again", "--json", "--staff", "carol@mit.edu");
        assertThat(json.exitCode()).isZero();
        assertThat(json.json())
                .containsEntry("status", "already_onboarded")
                .containsEntry("invited", List.of("carol@mit.edu"))
                .containsEntry("url", "https://again.careerai.test/");
        assertThat(CrossTenant.within(
                        again, () -> admin.getBean(Invitations.class).list(again.id())))
                .hasSize(3);
    }

    @Test
    void aTakenSubdomainWithOtherSettingsIsRefusedPointingToUpdate() {
        assertThat(onboard("taken").exitCode()).isZero();
        Result result = run(
                "onboard",
                "--name",
                "Other",
                "--subdomain",
                "taken",
                "--domains",
                "other.edu",
                "--silver",
                "50",
                "--gold",
                "7",
                "--staff",
                "x@other.edu");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(oneLine(result))
                .startsWith("error: taken is already onboarded with other settings (")
                .contains("--name 'Massachusetts Institute of Technology' → 'Other'")
                .contains("--gold 5 → 7")
                .endsWith("change them with `tenant-admin update taken …`");
        assertThat(university("taken").name()).isEqualTo("Massachusetts Institute of Technology");
    }

    @Test
    void badInputsAreRefusedWithOneLineAndNothingIsCreated() {
        assertRefused(List.of("--subdomain", "www"), "error: --subdomain 'www' is reserved for the platform");
        assertRefused(List.of("--subdomain", "-mit"), "error: --subdomain '-mit' is not a DNS label");
        assertRefused(
                List.of("--domains", "mit.edu,not a domain"), "error: --domains 'not a domain' is not a domain name");
        assertRefused(List.of("--silver", "-1"), "error: --silver must be 0 or more, not -1");
        assertRefused(List.of("--gold", "-5"), "error: --gold must be 0 or more, not -5");
        assertRefused(List.of("--staff", "alice"), "error: --staff 'alice' is not an email address");
        assertRefused(List.of("--brand-color", "red"), "error: --brand-color 'RED' is not a colour like #A31F34");
        assertRefused(List.of("--logo-url", "ftp://x/logo.png"), "error: --logo-url 'ftp://x/logo.png' is not");
        assertThat(run("list", "--json").jsonList())
                .extracting(row -> row.get("subdomain"))
                .doesNotContain("www", "bad");
    }

    private void assertRefused(List<String> change, String message) {
        Map<String, String> values = new java.util.LinkedHashMap<>(Map.of(
                "--name",
                "Bad",
                "--subdomain",
                "bad",
                "--domains",
                "bad.edu",
                "--silver",
                "1",
                "--gold",
                "1",
                "--staff",
                "staff@bad.edu"));
        values.put(change.get(0), change.get(1));
        List<String> args = new java.util.ArrayList<>(List.of("onboard"));
        values.forEach((option, value) -> {
            args.add(option);
            args.add(value);
        });
        Result result = run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(change.toString()).isEqualTo(1);
        assertThat(oneLine(result)).as(change.toString()).startsWith(message);
    }
}
