package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Usage figures before and after the usage tables exist. The database is migrated only up to V3
 * and gets minimal stand-ins of {@code ai_runs}, {@code credit_transactions} and {@code payments}
 * with the columns DESIGN.md gives them, so this test does not depend on the migrations that
 * will create the real ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UniversityUsageTest {
    private static final Instant SINCE = Instant.now().minus(Duration.ofDays(30));

    private ApplicationContext context;
    private UniversityUsage usage;
    private Fixtures fixtures;
    private University a;
    private University b;

    @BeforeAll
    void start() {
        Map<String, String> properties = new HashMap<>(IntegrationTest.baseProperties());
        Flyway.configure()
                .dataSource(properties.get("datasources.default.url"), "postgres", "")
                .locations("classpath:db/migration")
                .target("3")
                .load()
                .migrate();
        properties.put("careerai.database.migrate", "false");
        // An old schema (V3) has no application role yet: connect as its owner, as a release of that
        // time did.
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        context = ApplicationContext.run(Map.copyOf(properties));
        usage = context.getBean(UniversityUsage.class);
        fixtures = context.getBean(Fixtures.class);
        a = fixtures.university("usage-a");
        b = fixtures.university("usage-b");
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private void sql(String statement) {
        context.getBean(JdbcOperations.class)
                .execute(connection -> connection.createStatement().executeUpdate(statement));
    }

    @Test
    void figuresAreRealOnceTheTablesExistAndEachCountsOneUniversityOnly() {
        fixtures.student(a);
        long active = fixtures.student(a).id();
        fixtures.staff(a);
        sql("UPDATE users SET last_sign_in_at = now() WHERE university_id = " + a.id() + " AND id = " + active);

        UniversityUsage.Sources none = usage.sources();
        assertThat(none).isEqualTo(new UniversityUsage.Sources(false, false, false, null));
        UsageFigures before = usage.figures(a.id(), SINCE, none);
        assertThat(before.students()).isEqualTo(2);
        assertThat(before.activeStudents()).isEqualTo(1);
        assertThat(before.runsByTool()).isNull();
        assertThat(before.runs()).isNull();
        assertThat(before.credits()).isNull();
        assertThat(before.payments()).isNull();

        sql(
                "CREATE TABLE ai_runs (university_id BIGINT NOT NULL, id BIGINT GENERATED ALWAYS AS IDENTITY, "
                        + "tool TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (university_id, id))");
        sql("CREATE TABLE credit_transactions (university_id BIGINT NOT NULL, id BIGINT GENERATED ALWAYS AS IDENTITY, "
                + "currency TEXT NOT NULL, amount BIGINT NOT NULL, type TEXT NOT NULL, "
                + "created_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (university_id, id))");
        sql("CREATE TABLE payments (university_id BIGINT NOT NULL, id BIGINT GENERATED ALWAYS AS IDENTITY, "
                + "amount_cents BIGINT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
                + "PRIMARY KEY (university_id, id))");
        long x = a.id();
        sql("INSERT INTO ai_runs (university_id, tool, created_at) VALUES (" + x + ", 'job_pack', now()), (" + x
                + ", 'job_pack', now()), (" + x + ", 'cv_analysis', now()), (" + x
                + ", 'cv_analysis', now() - interval '40 days'), (" + b.id() + ", 'job_pack', now())");
        sql("INSERT INTO credit_transactions (university_id, currency, amount, type) VALUES "
                + "(" + x + ", 'SILVER', 20, 'GRANT'), (" + x + ", 'GOLD', 3, 'GRANT'), "
                + "(" + x + ", 'SILVER', -5, 'DEBIT'), (" + x + ", 'SILVER', -2, 'DEBIT'), "
                + "(" + x + ", 'GOLD', -1, 'DEBIT'), (" + x + ", 'GOLD', 1, 'REFUND'), "
                + "(" + x + ", 'GOLD', 10, 'TOPUP'), (" + b.id() + ", 'SILVER', -9, 'DEBIT')");
        sql("INSERT INTO payments (university_id, amount_cents) VALUES (" + x + ", 1500), (" + x + ", 2500), (" + b.id()
                + ", 9900)");

        UniversityUsage.Sources all = usage.sources();
        assertThat(all).isEqualTo(new UniversityUsage.Sources(true, true, true, "amount_cents"));
        UsageFigures after = usage.figures(a.id(), SINCE, all);
        assertThat(after.runsByTool()).isEqualTo(Map.of("job_pack", 2L, "cv_analysis", 1L));
        assertThat(after.runs()).isEqualTo(3);
        assertThat(after.credits().granted()).isEqualTo(Map.of("SILVER", 20L, "GOLD", 3L));
        assertThat(after.credits().spent()).isEqualTo(Map.of("SILVER", 7L, "GOLD", 1L));
        assertThat(after.credits().refunded()).isEqualTo(Map.of("GOLD", 1L));
        assertThat(after.payments().count()).isEqualTo(2);
        assertThat(after.payments().amount()).isEqualByComparingTo(new BigDecimal("4000"));

        UsageFigures ofB = usage.figures(b.id(), SINCE, all);
        assertThat(ofB.students()).isZero();
        assertThat(ofB.runsByTool()).isEqualTo(Map.of("job_pack", 1L));
        assertThat(ofB.credits().spent()).isEqualTo(Map.of("SILVER", 9L));
        assertThat(ofB.payments().count()).isEqualTo(1);
    }

    @Test
    void studentsOfOneUniversityAreNotCountedForAnother() {
        University c = fixtures.university();
        University d = fixtures.university();
        CrossTenant.assertInvisible(
                c, d, fixtures::student, (university, student) -> usage.figures(university.id(), SINCE, usage.sources())
                        .students());
    }
}
