package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JobRunr's connections taken past the tenant wall (ADR 0056), on the real pool shrunk to one
 * connection so that every check-out gets the connection the one before it used — as a worker
 * thread does. A job's work bound to its university and JobRunr's state saves around it no longer
 * write the binding back and forth; everything else still gets the binding it asks for.
 */
@MicronautTest(transactional = false)
class TablesWithoutTenantsTest extends IntegrationTest {
    @Inject
    UnitOfWork units;

    @Inject
    Fixtures fixtures;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Inject
    StorageProvider jobRunr;

    private University a;
    private TenantBoundDataSource wall;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "1", "datasources.default.minimum-idle", "1");
    }

    @BeforeAll
    void aUniversityWithAStudent() throws SQLException {
        a = fixtures.university();
        User student = fixtures.student(a);
        assertThat(student).isNotNull();
        wall = resolver.resolve(dataSource).unwrap(TenantBoundDataSource.class);
    }

    @Test
    void aJobsWorkAndJobRunrsSavesAroundItWriteTheBindingOnceNotTwiceAJob() {
        units.bound(a.id(), this::studentsVisible); // the connection now carries A
        long before = wall.bindingsWritten();
        for (int job = 0; job < 5; job++) {
            jobRunr.getJobStats(); // JobRunr's own SQL, as its fetch and state saves
            assertThat(units.bound(a.id(), this::studentsVisible)).isEqualTo(1);
            jobRunr.getJobStats();
        }
        assertThat(wall.bindingsWritten() - before)
                .as("binding statements for five jobs of one university")
                .isZero();
    }

    @Test
    void workOutsideAnyUniversityThroughTheWallStillWritesTheEmptyBinding() {
        units.bound(a.id(), this::studentsVisible);
        long before = wall.bindingsWritten();
        for (int job = 0; job < 5; job++) {
            assertThat(studentsVisible()).as("unbound: no tenant row").isZero();
            assertThat(units.bound(a.id(), this::studentsVisible)).isEqualTo(1);
        }
        assertThat(wall.bindingsWritten() - before)
                .as("what JobRunr's SQL cost a job before ADR 0056: the empty value, then A again")
                .isEqualTo(10);
    }

    @Test
    void jobRunrsConnectionMayCarryTheLastUniversityButItsTablesHaveNoTenantRowsOrPolicies() throws SQLException {
        units.bound(a.id(), this::studentsVisible);
        try (Connection connection = TablesWithoutTenants.connections(resolver.resolve(dataSource))
                        .getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('careerai.university_id', true)")) {
            rows.next();
            assertThat(rows.getString(1))
                    .as("left as the last borrower wrote it")
                    .isEqualTo(Long.toString(a.id()));
        }
        // which is why only SQL on tables like these may take it
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname LIKE 'jobrunr%' AND relkind IN ('r', 'p')"))
                .isPositive();
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname LIKE 'jobrunr%' AND relrowsecurity"))
                .as("JobRunr's tables under row-level security")
                .isZero();
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name LIKE 'jobrunr%'"
                        + " AND column_name = 'university_id'"))
                .as("JobRunr's tables with a university column")
                .isZero();
        assertThat(count("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                        + " WHERE c.relname LIKE 'jobrunr%' AND NOT t.tgisinternal"))
                .as("triggers on JobRunr's tables (they could reach tenant tables)")
                .isZero();
        assertThat(studentsVisible())
                .as("the next unbound borrower through the wall still sees nothing")
                .isZero();
    }

    /** Students this code can see, in a transaction of its own or the one already open. */
    private long studentsVisible() {
        return transactions.executeRead(
                status -> jdbc.prepareStatement("SELECT count(*) FROM users WHERE role = 'STUDENT'", statement -> {
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
    }
}
