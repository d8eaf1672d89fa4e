package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.data.UniversityScope;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** grant and audit-ledger, through the wallet's own rules. */
class LedgerCommandsTest extends TenantAdminTest {
    User ada;
    User grace;

    @BeforeAll
    void universities() {
        for (String subdomain : new String[] {"ledgera", "ledgerb"}) {
            Result result = run(
                    "onboard",
                    "--name",
                    "University " + subdomain,
                    "--subdomain",
                    subdomain,
                    "--domains",
                    subdomain + ".edu",
                    "--silver",
                    "5",
                    "--gold",
                    "1",
                    "--staff",
                    "staff@" + subdomain + ".edu");
            assertThat(result.exitCode()).as(result.err()).isZero();
        }
        UserAccounts users = admin.getBean(UserAccounts.class);
        long a = university("ledgera").id();
        long b = university("ledgerb").id();
        ada = bound(a, () -> users.ensure(a, "ada@ledgera.edu", "Ada", Role.STUDENT));
        grace = bound(b, () -> users.ensure(b, "grace@ledgerb.edu", "Grace", Role.STUDENT));
    }

    /** Runs {@code work} bound to the university, as the commands themselves do. */
    private <T> T bound(long universityId, Supplier<T> work) {
        return admin.getBean(UnitOfWork.class).bound(universityId, work);
    }

    private University university(String subdomain) {
        return admin.getBean(UniversityAdministration.class)
                .findBySubdomain(subdomain)
                .orElseThrow();
    }

    @Test
    void grantAddsCreditsOnceForAKeyAndIsAudited() {
        Result first = run(
                "grant",
                "ledgera",
                "--email",
                "ADA@ledgera.edu",
                "--currency",
                "gold",
                "--amount",
                "10",
                "--reason",
                "hackathon prize",
                "--key",
                "prize-1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Granted 10 gold to ada@ledgera.edu");
        Result again = run(
                "grant",
                "ledgera",
                "--email",
                "ada@ledgera.edu",
                "--currency",
                "gold",
                "--amount",
                "10",
                "--reason",
                "hackathon prize",
                "--key",
                "prize-1",
                "--json");
        assertThat(again.exitCode()).isZero();
        assertThat(bound(ada.universityId(), () -> admin.getBean(Wallets.class).balances(ada.universityId(), ada.id()))
                        .gold())
                .isEqualTo(10);
        assertThat(bound(ada.universityId(), () -> admin.getBean(AuditLog.class).recent(ada.universityId(), 10)))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("credits.operator-grant"));
    }

    @Test
    void grantRefusesBadInputWithOneLine() {
        assertThat(run(
                                "grant",
                                "ledgera",
                                "--email",
                                "ada@ledgera.edu",
                                "--currency",
                                "bronze",
                                "--amount",
                                "1",
                                "--reason",
                                "x")
                        .err())
                .contains("--currency must be silver or gold");
        assertThat(run(
                                "grant",
                                "ledgera",
                                "--email",
                                "ada@ledgera.edu",
                                "--currency",
                                "gold",
                                "--amount",
                                "0",
                                "--reason",
                                "x")
                        .exitCode())
                .isNotZero();
        // a person of another university is not found here
        Result cross = run(
                "grant",
                "ledgera",
                "--email",
                "grace@ledgerb.edu",
                "--currency",
                "gold",
                "--amount",
                "1",
                "--reason",
                "x");
        assertThat(cross.exitCode()).isNotZero();
        assertThat(cross.err()).contains("No one with the email grace@ledgerb.edu at ledgera");
        assertThat(run("grant", "nowhere", "--email", "a@b.edu", "--currency", "gold", "--amount", "1", "--reason", "x")
                        .exitCode())
                .isNotZero();
    }

    @Test
    @SuppressWarnings("try") // the scope is closed, never read
    void auditLedgerIsCleanThenFindsACorruptedWallet() throws Exception {
        bound(grace.universityId(), () -> admin.getBean(Wallets.class)
                .grant(grace.universityId(), grace.id(), Currency.SILVER, 7, "t:" + grace.id(), "test", "setup"));
        Result clean = run("audit-ledger", "ledgerb");
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("ledgerb").contains("clean");

        DataSource dataSource = admin.getBean(DataSourceResolver.class).resolve(admin.getBean(DataSource.class));
        // tampered over the application's pool, bound to Grace's university (the wall admits no other rows)
        try (PropagatedContext.Scope bound = PropagatedContext.getOrEmpty()
                        .plus(new UniversityScope(grace.universityId()))
                        .propagate();
                Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE credit_wallets SET silver_credits = silver_credits + 3 WHERE university_id = "
                            + grace.universityId() + " AND user_id = " + grace.id());
        }
        Result broken = run("audit-ledger");
        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.out()).contains("BALANCE_MISMATCH user " + grace.id() + " SILVER expected 7 found 10");
        assertThat(broken.err()).contains("problem");
        Map<String, Object> json = run("audit-ledger", "ledgerb", "--json").json();
        assertThat(json).containsEntry("clean", false);
    }
}
