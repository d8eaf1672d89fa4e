package com.careerai.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;

/** Bulk grants run by a worker (JobRunr) and the monthly refill, against the real database. */
@MicronautTest(transactional = false)
class BulkGrantAndRefillTest extends IntegrationTest {
    private static final int STUDENTS = 2_000;

    @Inject
    BulkGrants grants;

    @Inject
    MonthlyRefill refill;

    @Inject
    MonthlyRefillJobRequest.Handler refillJob;

    @Inject
    GrantToAllStudentsJobRequest.Handler grantJob;

    @Inject
    Wallets wallets;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    Fixtures fixtures;

    @Inject
    LedgerAudit audit;

    @Inject
    StorageProvider jobStorage;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver dataSourceResolver;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.roles", "web,worker", "datasources.default.maximum-pool-size", "16");
    }

    @Test
    void grantToTwoThousandStudentsCompletesOnceAndTheAuditStaysClean() throws SQLException {
        University uni = fixtures.university();
        University other = fixtures.university();
        User signedUp = walletFixtures.signedUpStudent(uni); // 20 silver already
        User otherStudent = walletFixtures.signedUpStudent(other);
        User staff = fixtures.staff(uni);
        insertStudents(uni, STUDENTS - 1); // most have no wallet yet: the grant opens them
        UUID formKey = UUID.randomUUID();

        GrantBatch started = fixtures.in(
                uni, () -> grants.start(uni.id(), "user:" + staff.id(), Currency.SILVER, 7, "Career fair", formKey));
        assertThat(started.total()).isEqualTo(STUDENTS);
        UUID batchId = started.id();
        assertThat(batchId).as("the server names the batch (and its job)").isNotEqualTo(formKey);

        await().atMost(Duration.ofSeconds(90)).until(() -> fixtures.in(uni, () -> grants.find(uni.id(), batchId))
                .orElseThrow()
                .done());
        GrantBatch done = fixtures.in(uni, () -> grants.find(uni.id(), batchId)).orElseThrow();
        assertThat(done.processed()).isEqualTo(STUDENTS);
        assertThat(done.granted()).isEqualTo(STUDENTS);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), signedUp.id()))
                        .silver())
                .isEqualTo(27);
        assertThat(count("SELECT count(*) FROM credit_wallets WHERE university_id = ? AND silver_credits = 7", uni))
                .isEqualTo(STUDENTS - 1);
        assertThat(count(
                        "SELECT count(*) FROM credit_wallets WHERE university_id = ? AND user_id = " + staff.id(), uni))
                .as("staff are not granted")
                .isZero();
        assertThat(fixtures.in(other, () -> wallets.balances(other.id(), otherStudent.id())))
                .isEqualTo(new Balances(20, 3));
        assertThat(fixtures.in(other, () -> grants.find(other.id(), batchId)))
                .as("another university's staff cannot see the batch")
                .isEmpty();

        long rows = walletFixtures.ledgerRows(uni);
        // The same key again (a repeated form submit) starts nothing new.
        GrantBatch again = fixtures.in(
                uni, () -> grants.start(uni.id(), "user:" + staff.id(), Currency.SILVER, 7, "Career fair", formKey));
        assertThat(again.id()).isEqualTo(batchId);
        assertThat(again.done()).isTrue();
        // The job itself run again from the start (a retried or duplicated job) grants nobody twice.
        execute(
                "UPDATE credit_grant_batches SET status = 'RUNNING', last_user_id = 0, processed = 0, granted = 0"
                        + " WHERE university_id = ? AND id = '" + batchId + "'",
                uni);
        grantJob.run(new GrantToAllStudentsJobRequest(
                uni.id(), batchId, "user:" + staff.id(), Currency.SILVER, 7, "Career fair"));
        assertThat(fixtures.in(uni, () -> grants.find(uni.id(), batchId))
                        .orElseThrow()
                        .granted())
                .isZero();
        assertThat(walletFixtures.ledgerRows(uni)).isEqualTo(rows);
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), signedUp.id()))
                        .silver())
                .isEqualTo(27);

        LedgerAudit.Report report = fixtures.in(uni, () -> audit.audit(uni.id()));
        assertThat(report.clean()).isTrue();
        assertThat(report.walletsChecked()).isEqualTo(STUDENTS);
        assertThat(fixtures.in(other, () -> audit.audit(other.id())).clean()).isTrue();
    }

    @Test
    void refillTopsStudentsUpToTheDefaultsOncePerMonthAndNeverReduces() {
        University uni = fixtures.university(); // defaults 20 silver, 3 gold
        User low = walletFixtures.studentWith(uni, 5, 0);
        User rich = walletFixtures.studentWith(uni, 30, 5);
        User noWallet = fixtures.student(uni);
        User staff = walletFixtures.signedUpStaff(uni);
        YearMonth march = YearMonth.of(2031, 3);
        fixtures.run(uni, () -> {
            int toppedUp = refill.run(uni.id(), march);

            assertThat(toppedUp).isEqualTo(4); // low: silver + gold, noWallet: silver + gold
            assertThat(wallets.balances(uni.id(), low.id())).isEqualTo(new Balances(20, 3));
            assertThat(wallets.balances(uni.id(), rich.id())).isEqualTo(new Balances(30, 5));
            assertThat(wallets.balances(uni.id(), noWallet.id())).isEqualTo(new Balances(20, 3));
            assertThat(wallets.balances(uni.id(), staff.id())).isEqualTo(Balances.EMPTY);

            wallets.debit(uni.id(), low.id(), "job-pack", Currency.SILVER, UUID.randomUUID());
            assertThat(refill.run(uni.id(), march)).as("once per month").isZero();
            assertThat(wallets.balances(uni.id(), low.id()).silver()).isEqualTo(15);
            assertThat(refill.run(uni.id(), march.plusMonths(1))).isEqualTo(1);
            assertThat(wallets.balances(uni.id(), low.id()).silver()).isEqualTo(20);
            assertThat(audit.audit(uni.id()).clean()).isTrue();
        });
    }

    @Test
    void refillRunsOnlyWhereEnabledOnARecurringJob() {
        University enabled = fixtures.university();
        University disabled = fixtures.university();
        User staff = fixtures.staff(enabled);
        User studentOfEnabled = walletFixtures.studentWith(enabled, 1, 0);
        User studentOfDisabled = walletFixtures.studentWith(disabled, 1, 0);

        fixtures.run(enabled, () -> refill.setEnabled(enabled.id(), true, "user:" + staff.id()));
        assertThat(fixtures.in(enabled, () -> refill.isEnabled(enabled.id()))).isTrue();
        assertThat(fixtures.in(disabled, () -> refill.isEnabled(disabled.id())))
                .as("the setting is per university")
                .isFalse();
        assertThat(recurringJobIds()).contains(MonthlyRefill.recurringJobId(enabled.id()));
        assertThat(recurringJobIds()).doesNotContain(MonthlyRefill.recurringJobId(disabled.id()));

        refillJob.run(new MonthlyRefillJobRequest(enabled.id()));
        refillJob.run(new MonthlyRefillJobRequest(disabled.id()));
        assertThat(fixtures.in(enabled, () -> wallets.balances(enabled.id(), studentOfEnabled.id()))
                        .silver())
                .isEqualTo(20);
        assertThat(fixtures.in(disabled, () -> wallets.balances(disabled.id(), studentOfDisabled.id()))
                        .silver())
                .isEqualTo(1);

        fixtures.run(enabled, () -> refill.setEnabled(enabled.id(), false, "user:" + staff.id()));
        assertThat(fixtures.in(enabled, () -> refill.isEnabled(enabled.id()))).isFalse();
        assertThat(recurringJobIds()).doesNotContain(MonthlyRefill.recurringJobId(enabled.id()));
    }

    private java.util.List<String> recurringJobIds() {
        return jobStorage.getRecurringJobs().stream().map(job -> job.getId()).toList();
    }

    private void insertStudents(University university, int n) throws SQLException {
        execute(
                "INSERT INTO users (university_id, email, name, role) SELECT ?, 'bulk' || g || '@' || '"
                        + university.allowedDomains().get(0) + "', 'Bulk ' || g, 'STUDENT' FROM generate_series(1, " + n
                        + ") g",
                university);
    }

    @SuppressWarnings("try") // the scope is closed, never read
    private void execute(String sql, University university) throws SQLException {
        // The application's pool, bound to the university written (the wall admits no other rows).
        try (PropagatedContext.Scope bound = bind(university);
                Connection connection = dataSourceResolver.resolve(dataSource).getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, university.id());
            statement.executeUpdate();
        }
    }

    @SuppressWarnings("try") // the scope is closed, never read
    private long count(String sql, University university) throws SQLException {
        try (PropagatedContext.Scope bound = bind(university);
                Connection connection = dataSourceResolver.resolve(dataSource).getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, university.id());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static PropagatedContext.Scope bind(University university) {
        return PropagatedContext.getOrEmpty()
                .plus(new UniversityScope(university.id()))
                .propagate();
    }
}
