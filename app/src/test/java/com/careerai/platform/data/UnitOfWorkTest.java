package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unit of work on the real pool, shrunk to one connection so that every statement reuses the
 * connection the one before it used: a binding never outlives its work, and one unit of work never
 * mixes two universities.
 */
@MicronautTest(transactional = false)
class UnitOfWorkTest extends IntegrationTest {
    @Inject
    UnitOfWork units;

    @Inject
    Fixtures fixtures;

    @Inject
    UserAccounts users;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ConnectionOperations<Connection> connections;

    private University a;
    private University b;
    private User studentOfA;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "1", "datasources.default.minimum-idle", "1");
    }

    @BeforeAll
    void twoUniversities() {
        a = fixtures.university();
        b = fixtures.university();
        studentOfA = fixtures.student(a);
    }

    @Test
    void aPooledConnectionNeverCarriesItsLastUniversityToTheNextBorrower() {
        assertThat(units.bound(a.id(), () -> users.find(a.id(), studentOfA.id())))
                .isPresent();
        // the same (only) connection, borrowed outside any university and then for another one
        assertThat(studentsVisible()).isZero();
        assertThat(units.bound(b.id(), this::studentsVisible)).isZero();
        assertThat(units.bound(a.id(), this::studentsVisible)).isEqualTo(1);
        assertThat(studentsVisible()).isZero();
    }

    @Test
    void aConnectionReadWithoutATransactionNeverCarriesItsUniversityToTheNextBorrower() {
        // The student home reads on one connection in auto-commit (ADR 0055): the binding written at
        // check-out is a session setting that outlives the page, so the next check-out must rewrite it.
        assertThat(units.bound(a.id(), this::studentsVisibleWithoutTransaction)).isEqualTo(1);
        assertThat(units.bound(b.id(), this::studentsVisibleWithoutTransaction))
                .as("the same (only) connection, next borrowed for another university")
                .isZero();
        assertThat(units.bound(a.id(), this::studentsVisibleWithoutTransaction)).isEqualTo(1);
        assertThat(studentsVisibleWithoutTransaction())
                .as("borrowed outside any university")
                .isZero();
        long joined = connections.executeRead(status -> studentsVisibleOn(status.getConnection()) + studentsVisible());
        assertThat(joined)
                .as("a read joining a connection taken outside any university")
                .isZero();
    }

    @Test
    void aTransactionOfOneUniversityEndsItsBinding() {
        assertThat(units.inUniversity(a.id(), this::studentsVisible)).isEqualTo(1);
        assertThat(studentsVisible()).isZero();
    }

    @Test
    void bindingASecondUniversityInsideTheFirstIsRefused() {
        assertThatThrownBy(() -> units.bound(a.id(), () -> units.bound(b.id(), this::studentsVisible)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing");
        assertThatThrownBy(() -> units.inUniversity(a.id(), () -> {
                    units.enter(b.id());
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to enter");
    }

    @Test
    void aTransactionBegunOutsideAnyUniversityIsRoutedOnceAndOnlyForItself() {
        long seen = transactions.executeWrite(status -> {
            long before = studentsVisible();
            units.enter(a.id());
            return before * 10 + studentsVisible();
        });
        assertThat(seen).as("nothing before routing, A's student after").isEqualTo(1);
        assertThat(studentsVisible())
                .as("the routing ended with its transaction")
                .isZero();
    }

    /** Students visible on a connection of its own without a transaction (auto-commit). */
    private long studentsVisibleWithoutTransaction() {
        return connections.executeRead(status -> studentsVisibleOn(status.getConnection()));
    }

    /** Students visible on this connection, with no transaction of its own. */
    private static long studentsVisibleOn(Connection connection) {
        try (var statement = connection.prepareStatement("SELECT count(*) FROM users WHERE role = 'STUDENT'");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
