package com.careerai.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.User;
import com.careerai.platform.data.UniversityScope;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The audit finds what is deliberately broken behind the service's back, and only there. */
@MicronautTest(transactional = false)
class LedgerAuditTest extends IntegrationTest {
    @Inject
    LedgerAudit audit;

    @Inject
    Wallets wallets;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver dataSourceResolver;

    @Test
    void ledgerWrittenThroughTheServiceIsClean() {
        University uni = fixtures.university();
        fixtures.run(uni, () -> {
            User student = walletFixtures.signedUpStudent(uni);
            UUID run = UUID.randomUUID();
            wallets.debit(uni.id(), student.id(), "job-pack", Currency.GOLD, run);
            wallets.refund(uni.id(), run);

            LedgerAudit.Report report = audit.audit(uni.id());
            assertThat(report.clean()).isTrue();
            assertThat(report.walletsChecked()).isEqualTo(1);
            assertThat(report.transactionsChecked()).isEqualTo(4);
        });
    }

    @Test
    void balanceChangedWithoutALedgerRowIsFound() throws SQLException {
        University uni = fixtures.university();
        University bystander = fixtures.university();
        User student = walletFixtures.signedUpStudent(uni);
        walletFixtures.signedUpStudent(bystander);

        execute(
                "UPDATE credit_wallets SET silver_credits = silver_credits + 7 WHERE university_id = ? AND user_id = ?",
                uni.id(),
                student.id());

        LedgerAudit.Report report = fixtures.in(uni, () -> audit.audit(uni.id()));
        assertThat(report.clean()).isFalse();
        assertThat(report.problemCount()).isEqualTo(1);
        assertThat(report.problems())
                .containsExactly(new LedgerAudit.Problem(
                        LedgerAudit.Kind.BALANCE_MISMATCH, student.id(), Currency.SILVER, 20, 27, null, null));
        assertThat(fixtures.in(bystander, () -> audit.audit(bystander.id())).clean())
                .isTrue();
    }

    @Test
    void refundWithoutItsDebitIsFound() throws SQLException {
        University uni = fixtures.university();
        User student = walletFixtures.signedUpStudent(uni);
        UUID run = UUID.randomUUID();
        // A forged refund whose balance change is consistent: only the missing debit gives it away.
        execute(
                "INSERT INTO credit_transactions (university_id, user_id, feature, currency, amount, type, run_id,"
                        + " idempotency_key) VALUES (?, ?, 'job-pack', 'SILVER', 5, 'REFUND', '" + run + "', 'forged')",
                uni.id(),
                student.id());
        execute(
                "UPDATE credit_wallets SET silver_credits = silver_credits + 5 WHERE university_id = ? AND user_id = ?",
                uni.id(),
                student.id());

        LedgerAudit.Report report = fixtures.in(uni, () -> audit.audit(uni.id()));
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(LedgerAudit.Kind.REFUND_WITHOUT_DEBIT);
            assertThat(problem.runId()).isEqualTo(run);
            assertThat(problem.userId()).isEqualTo(student.id());
        });
    }

    @Test
    void ledgerRowsCannotBeUpdatedOrDeleted() {
        University uni = fixtures.university();
        User student = walletFixtures.signedUpStudent(uni);

        assertThatThrownBy(() -> execute(
                        "UPDATE credit_transactions SET amount = 1000 WHERE university_id = ? AND user_id = ?",
                        uni.id(),
                        student.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(
                        "DELETE FROM credit_transactions WHERE university_id = ? AND user_id = ?",
                        uni.id(),
                        student.id()))
                .hasMessageContaining("append-only");
        assertThat(fixtures.in(uni, () -> wallets.history(uni.id(), student.id(), 1))
                        .total())
                .isEqualTo(2);
    }

    @SuppressWarnings("try") // the scope is closed, never read
    private void execute(String sql, long universityId, long userId) throws SQLException {
        // A connection of its own, outside the application's transaction management, bound to the
        // university it tampers with (the wall admits no other rows).
        try (PropagatedContext.Scope bound = PropagatedContext.getOrEmpty()
                        .plus(new UniversityScope(universityId))
                        .propagate();
                Connection connection = dataSourceResolver.resolve(dataSource).getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, universityId);
            statement.setLong(2, userId);
            statement.executeUpdate();
        }
    }
}
