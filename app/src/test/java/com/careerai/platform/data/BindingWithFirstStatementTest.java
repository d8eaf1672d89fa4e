package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.User;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant binding sent with a connection's first statement (ADR 0058), on the real pool shrunk to
 * one connection, so that every check-out gets the physical connection the one before it left bound
 * to another university. Each statement must see only the rows of the university it was checked out
 * for — also when its first statement fails, when it is a batch, when another statement runs before
 * it, and when a transaction begins first.
 */
@MicronautTest(transactional = false)
class BindingWithFirstStatementTest extends IntegrationTest {
    private static final String STUDENTS = "SELECT count(*) FROM users WHERE role = ?";

    @Inject
    UnitOfWork units;

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Inject
    TestSessions sessions;

    @Inject
    Interests interests;

    @Inject
    @Client("/")
    HttpClient http;

    private University a;
    private University b;
    private List<User> studentsOfB;
    private TenantBoundDataSource wall;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("datasources.default.maximum-pool-size", "1", "datasources.default.minimum-idle", "1");
    }

    @BeforeAll
    void oneStudentInAAndTwoInB() throws SQLException {
        a = fixtures.university();
        b = fixtures.university();
        fixtures.student(a);
        studentsOfB = List.of(fixtures.student(b), fixtures.student(b));
        wall = resolver.resolve(dataSource).unwrap(TenantBoundDataSource.class);
    }

    @Test
    void aConnectionLastBoundToAnotherUniversitySeesOnlyTheNewOnesRowsWithNoRoundTripOfItsOwn() {
        for (int round = 0; round < 6; round++) { // past pgjdbc's prepare threshold (5): named statements too
            assertThat(students(a)).isEqualTo(1);
            long alone = wall.bindingsWrittenAlone();
            long written = wall.bindingsWritten();
            assertThat(students(b))
                    .as("B's students on the connection A used last")
                    .isEqualTo(2);
            assertThat(wall.bindingsWritten() - written).isEqualTo(1);
            assertThat(wall.bindingsWrittenAlone() - alone)
                    .as("bindings in a round trip of their own")
                    .isZero();
        }
    }

    @Test
    void noUniversityAfterOneSeesNoTenantRow() throws SQLException {
        assertThat(students(a)).isEqualTo(1);
        try (Connection connection = wall.getConnection()) {
            assertThat(count(connection, STUDENTS, "STUDENT")).isZero();
            assertThat(setting(connection)).isEmpty();
        }
    }

    @Test
    void aFirstStatementThatFailsLeavesTheBindingToBeWrittenAgain() throws SQLException {
        assertThat(students(a)).isEqualTo(1);
        units.bound(b.id(), () -> {
            try (Connection connection = wall.getConnection()) {
                assertThatThrownBy(() -> count(connection, "SELECT count(*) / 0 FROM users WHERE role = ?", "STUDENT"))
                        .isInstanceOf(SQLException.class);
                // the binding failed with it (one implicit transaction): the next statement carries it again
                assertThat(count(connection, STUDENTS, "STUDENT")).isEqualTo(2);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertThat(students(a)).isEqualTo(1);
        units.bound(b.id(), () -> {
            try (Connection connection = wall.getConnection()) {
                assertThatThrownBy(() -> count(connection, "SELECT count(*) / 0 FROM users WHERE role = ?", "STUDENT"))
                        .isInstanceOf(SQLException.class);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        // the connection still carries A: the wall must not believe it carries B
        assertThat(students(b)).isEqualTo(2);
        assertThat(students(a)).isEqualTo(1);
    }

    @Test
    void aTransactionIsBoundBeforeItBeginsSoItsRollbackKeepsTheBinding() {
        assertThat(students(a)).isEqualTo(1);
        long alone = wall.bindingsWrittenAlone();
        units.bound(b.id(), () -> {
            try (Connection connection = wall.getConnection()) {
                connection.setAutoCommit(false);
                assertThat(count(connection, STUDENTS, "STUDENT")).isEqualTo(2);
                connection.rollback();
                connection.setAutoCommit(true);
                assertThat(setting(connection)).isEqualTo(Long.toString(b.id()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertThat(wall.bindingsWrittenAlone() - alone).isEqualTo(1);
        long written = wall.bindingsWritten();
        assertThat(students(b)).as("B again, the binding remembered").isEqualTo(2);
        assertThat(wall.bindingsWritten() - written).isZero();
    }

    @Test
    void aBatchAsTheFirstStatementIsBoundFirst() throws SQLException {
        assertThat(students(a)).isEqualTo(1);
        LocalDate day = LocalDate.now().minusDays(400);
        units.bound(b.id(), () -> {
            try (Connection connection = wall.getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO student_activity (university_id, day, user_id) VALUES (?, ?, ?)")) {
                for (User student : studentsOfB) {
                    insert.setLong(1, b.id());
                    insert.setObject(2, day);
                    insert.setLong(3, student.id());
                    insert.addBatch();
                }
                // row-level security's WITH CHECK refuses B's rows unless the binding came first
                assertThat(insert.executeBatch()).containsExactly(1, 1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertThat(count("SELECT count(*) FROM student_activity WHERE university_id = ? AND day = ?", b.id(), day))
                .isEqualTo(2);
    }

    @Test
    void anotherStatementRunBeforeThePreparedOneIsBoundToo() {
        assertThat(students(a)).isEqualTo(1);
        units.bound(b.id(), () -> {
            try (Connection connection = wall.getConnection();
                    PreparedStatement prepared = connection.prepareStatement(STUDENTS);
                    Statement other = connection.createStatement();
                    ResultSet rows = other.executeQuery("SELECT count(*) FROM users WHERE role = 'STUDENT'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(2);
                prepared.setString(1, "STUDENT");
                try (ResultSet students = prepared.executeQuery()) {
                    students.next();
                    assertThat(students.getLong(1)).isEqualTo(2);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    @Test
    void theFirstStatementAnswersAsItWouldAlone() {
        assertThat(students(a)).isEqualTo(1);
        units.bound(b.id(), () -> {
            try (Connection connection = wall.getConnection();
                    PreparedStatement update =
                            connection.prepareStatement("UPDATE users SET name = name WHERE role = ? AND id <> ?")) {
                assertThat(update.getConnection()).isSameAs(connection);
                update.setString(1, "STUDENT");
                update.setLong(2, -1);
                assertThat(update.executeUpdate()).as("B's rows, counted").isEqualTo(2);
                assertThat(update.getUpdateCount()).isEqualTo(2);
                update.clearParameters();
                update.setString(1, "STUDENT");
                update.setLong(2, studentsOfB.get(0).id());
                assertThat(update.executeUpdate()).isEqualTo(1);
                assertThatThrownBy(update::executeQuery).isInstanceOf(SQLException.class);
                try (PreparedStatement select = connection.prepareStatement(STUDENTS)) {
                    select.setString(1, "STUDENT");
                    assertThatThrownBy(select::executeUpdate).isInstanceOf(SQLException.class);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    @Test
    void anArrayMadeForTheFirstStatementNeedsNoRoundTripOfItsOwn() {
        // a statement's array parameter is made on its connection before it runs (the home's panels
        // for a student with interests): a type look-up, not a read of any university's rows
        for (int round = 0; round < 6; round++) {
            assertThat(students(a)).isEqualTo(1);
            long alone = wall.bindingsWrittenAlone();
            long seen = units.bound(b.id(), () -> {
                try (Connection connection = wall.getConnection();
                        PreparedStatement statement = connection.prepareStatement(
                                "SELECT count(*) FROM users WHERE role = ? AND name <> ALL (?)")) {
                    statement.setString(1, "STUDENT");
                    statement.setArray(2, statement.getConnection().createArrayOf("text", new Object[] {"nobody"}));
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen).as("B's students on the connection A used last").isEqualTo(2);
            assertThat(wall.bindingsWrittenAlone() - alone)
                    .as("bindings in a round trip of their own")
                    .isZero();
        }
    }

    @Test
    void homesOfUniversitiesTakingTurnsOnOneConnectionWriteNoBindingInARoundTripOfItsOwn() {
        University c = fixtures.university();
        University d = fixtures.university();
        SignedIn ofC = sessions.signIn(interested(c));
        SignedIn ofD = sessions.signIn(interested(d));
        home(c, ofC); // first visits: the university by host, the user row, the day's activity
        home(d, ofD);
        long alone = wall.bindingsWrittenAlone();
        long written = wall.bindingsWritten();
        for (int turn = 0; turn < 3; turn++) {
            home(c, ofC);
            home(d, ofD);
        }
        assertThat(wall.bindingsWritten() - written)
                .as("each home checks out the connection the other university left bound")
                .isGreaterThanOrEqualTo(6);
        assertThat(wall.bindingsWrittenAlone() - alone)
                .as("bindings in a round trip of their own")
                .isZero();
    }

    /**
     * A student who picked an interest: their home's panels look for counsellors and resources that
     * know it, with the interests as array parameters.
     */
    private User interested(University university) {
        User student = fixtures.verifiedStudent(university);
        long id = university.id();
        Interest software = fixtures.in(university, () -> interests.add(id, "Software", "staff@x"));
        fixtures.run(university, () -> interests.choose(id, student.id(), List.of(software.id())));
        return student;
    }

    private void home(University university, SignedIn student) {
        var response = http.toBlocking()
                .exchange(
                        HttpRequest.GET("/")
                                .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                .header(HttpHeaders.AUTHORIZATION, student.bearer())
                                .accept(MediaType.TEXT_HTML),
                        String.class);
        assertThat(response.code()).isEqualTo(200);
    }

    /** The students {@code university} sees, on a connection of its own. */
    private long students(University university) {
        return units.bound(university.id(), () -> {
            try (Connection connection = wall.getConnection()) {
                return count(connection, STUDENTS, "STUDENT");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long count(Connection connection, String sql, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, role);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT current_setting('careerai.university_id', true)");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
