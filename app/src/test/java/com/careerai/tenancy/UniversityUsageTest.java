package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Usage figures as tenant-admin shows them: each feature reports its own part (auth students, ai
 * runs, credits the ledger, billing payments) and every figure counts one university only. Rows are
 * written straight into the features' tables so the figures are known exactly.
 */
@MicronautTest(transactional = false)
class UniversityUsageTest extends IntegrationTest {
    private static final Instant SINCE = Instant.now().minus(Duration.ofDays(30));
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Inject
    UniversityUsage usage;

    @Inject
    Fixtures fixtures;

    @Test
    void eachFeatureReportsItsFiguresForOneUniversityOnly() {
        University a = fixtures.university();
        University b = fixtures.university();
        long quiet = fixtures.student(a).id();
        long active = fixtures.student(a).id();
        fixtures.staff(a);
        long ofB = fixtures.student(b).id();
        sql("UPDATE users SET last_sign_in_at = now() WHERE university_id = " + a.id() + " AND id = " + active);

        run(a, active, "job-pack", "now()");
        run(a, active, "job-pack", "now()");
        run(a, quiet, "cv-analysis", "now()");
        run(a, quiet, "cv-analysis", "now() - interval '40 days'");
        run(b, ofB, "job-pack", "now()");

        wallet(a, active);
        wallet(b, ofB);
        ledger(a, active, "GRANT", "SILVER", 20);
        ledger(a, active, "GRANT", "GOLD", 3);
        ledger(a, active, "DEBIT", "SILVER", -5);
        ledger(a, active, "DEBIT", "SILVER", -2);
        ledger(a, active, "DEBIT", "GOLD", -1);
        ledger(a, active, "REFUND", "GOLD", 1);
        ledger(a, active, "TOPUP", "GOLD", 10);
        ledger(b, ofB, "DEBIT", "SILVER", -9);

        payment(a, active, 1500);
        payment(a, active, 2500);
        payment(b, ofB, 9900);

        UsageFigures figures = fixtures.in(a, () -> usage.figures(a.id(), SINCE));
        assertThat(figures.universityId()).isEqualTo(a.id());
        assertThat(figures.students()).isEqualTo(2);
        assertThat(figures.activeStudents()).isEqualTo(1);
        assertThat(figures.runsByTool()).isEqualTo(Map.of("job-pack", 2L, "cv-analysis", 1L));
        assertThat(figures.runs()).isEqualTo(3);
        assertThat(figures.credits().granted()).isEqualTo(Map.of("SILVER", 20L, "GOLD", 3L));
        assertThat(figures.credits().spent()).isEqualTo(Map.of("SILVER", 7L, "GOLD", 1L));
        assertThat(figures.credits().refunded()).isEqualTo(Map.of("GOLD", 1L));
        assertThat(figures.payments().count()).isEqualTo(2);
        assertThat(figures.payments().amount()).isEqualByComparingTo(new BigDecimal("4000"));

        UsageFigures figuresOfB = fixtures.in(b, () -> usage.figures(b.id(), SINCE));
        assertThat(figuresOfB.students()).isEqualTo(1);
        assertThat(figuresOfB.runsByTool()).isEqualTo(Map.of("job-pack", 1L));
        assertThat(figuresOfB.credits().granted()).isEmpty();
        assertThat(figuresOfB.credits().spent()).isEqualTo(Map.of("SILVER", 9L));
        assertThat(figuresOfB.payments().count()).isEqualTo(1);
    }

    @Test
    void aUniversityWithoutActivityHasZerosNotGaps() {
        University quiet = fixtures.university();
        UsageFigures figures = fixtures.in(quiet, () -> usage.figures(quiet.id(), SINCE));
        assertThat(figures.students()).isZero();
        assertThat(figures.runsByTool()).isEmpty();
        assertThat(figures.runs()).isZero();
        assertThat(figures.credits().spent()).isEmpty();
        assertThat(figures.payments().count()).isZero();
        assertThat(figures.payments().amount()).isNull();
    }

    @Test
    void studentsOfOneUniversityAreNotCountedForAnother() {
        University c = fixtures.university();
        University d = fixtures.university();
        CrossTenant.assertInvisible(
                c, d, fixtures::student, (university, student) -> usage.figures(university.id(), SINCE)
                        .students());
    }

    @Test
    void twoSourcesCannotClaimTheSameFigure() {
        UsagePart runs = UsagePart.runs(Map.of("job-pack", 1L));
        assertThat(runs.combine(UsagePart.students(3, 1)).students()).isEqualTo(new UsagePart.Students(3, 1));
        assertThatThrownBy(() -> runs.combine(UsagePart.runs(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runsByTool");
    }

    private void run(University university, long userId, String tool, String createdAt) {
        sql("INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, input, created_at)"
                + " VALUES (" + university.id() + ", '" + UUID.randomUUID() + "', " + userId + ", '" + tool
                + "', 'SUCCEEDED', 'SILVER', 1, '{}'::jsonb, " + createdAt + ")");
    }

    private void wallet(University university, long userId) {
        sql("INSERT INTO credit_wallets (university_id, user_id) VALUES (" + university.id() + ", " + userId + ")");
    }

    private void ledger(University university, long userId, String type, String currency, int amount) {
        boolean ofARun = type.equals("DEBIT") || type.equals("REFUND");
        sql("INSERT INTO credit_transactions (university_id, user_id, feature, currency, amount, type, run_id,"
                + " idempotency_key) VALUES (" + university.id() + ", " + userId + ", "
                + (ofARun ? "'job-pack'" : "NULL") + ", '" + currency + "', " + amount + ", '" + type + "', "
                + (ofARun ? "'" + UUID.randomUUID() + "'" : "NULL") + ", 'usage-test:" + KEYS.incrementAndGet()
                + "')");
    }

    private void payment(University university, long userId, long cents) {
        sql("INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description,"
                + " amount_cents, currency, status, credits_currency, credits) VALUES (" + university.id() + ", '"
                + UUID.randomUUID() + "', " + userId + ", 'cs_usage_" + KEYS.incrementAndGet()
                + "', 'PACK', 'gold-10', '10 gold credits', " + cents + ", 'usd', 'PAID', 'GOLD', 10)");
    }

    /** Writes as the database owner, outside the application, like the features' own code would have. */
    private void sql(String statement) {
        try (Connection connection =
                        DriverManager.getConnection(getProperties().get("datasources.default.url"), "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
