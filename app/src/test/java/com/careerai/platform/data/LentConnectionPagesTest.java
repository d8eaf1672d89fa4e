package com.careerai.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.Navigation;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page a signed-in user's navigation links to, served right after another university left every
 * pooled connection bound to it: the page's own binding rides with its first statement (ADR 0058)
 * unless the page begins a transaction. A binding written in a round trip of its
 * own is a round trip more for every page whose previous borrower was another university — on a busy
 * node with many universities, nearly every page (bench/run's home-all paid it on every home).
 */
@MicronautTest(transactional = false)
class LentConnectionPagesTest extends IntegrationTest {
    /** The pool's size, held whole by the test to bind every connection. */
    private static final int POOL = 10;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestSessions sessions;

    @Inject
    StatementCounter counter;

    @Inject
    Fixtures fixtures;

    @Inject
    UniversityAdministration universities;

    @Inject
    UserAccounts users;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Inject
    UnitOfWork units;

    private TenantBoundDataSource wall;
    private University other;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.demo",
                "true",
                "careerai.test.count-statements",
                "true",
                "datasources.default.maximum-pool-size",
                Integer.toString(POOL),
                "datasources.default.minimum-idle",
                Integer.toString(POOL));
    }

    @BeforeAll
    void anotherUniversity() throws SQLException {
        wall = resolver.resolve(dataSource).unwrap(TenantBoundDataSource.class);
        other = fixtures.university();
    }

    @Test
    void aStudentsPagesBindTheirUniversityWithTheirFirstStatement() {
        assertNoLoneBinding("student", "/");
    }

    @Test
    void aCounsellorsPagesBindTheirUniversityWithTheirFirstStatement() {
        assertNoLoneBinding("coach", "/counsellor");
    }

    @Test
    void staffsPagesBindTheirUniversityWithTheirFirstStatement() {
        assertNoLoneBinding("staff", "/staff");
    }

    @Test
    void aStudentsApiReadsBindTheirUniversityWithTheirFirstStatement() {
        SignedIn student = demoUser("student");
        assertNoLoneBinding(
                student,
                MediaType.APPLICATION_JSON_TYPE,
                List.of(
                        "/api/v1/me",
                        "/api/v1/wallet",
                        "/api/v1/runs",
                        "/api/v1/notifications",
                        "/api/v1/me/interests",
                        "/api/v1/appointments",
                        "/api/v1/counsellors",
                        "/api/v1/resources",
                        "/api/v1/courses",
                        "/api/v1/enrolments",
                        "/api/v1/tickets",
                        "/api/v1/referrals"));
    }

    private void assertNoLoneBinding(String who, String home) {
        SignedIn signedIn = demoUser(who);
        Set<String> pages = new LinkedHashSet<>();
        pages.add(home);
        pages.addAll(Navigation.linksOf(
                get(demo(), signedIn, home, MediaType.TEXT_HTML_TYPE).body()));
        assertThat(pages).as("pages of %s", who).hasSizeGreaterThan(3);
        assertNoLoneBinding(signedIn, MediaType.TEXT_HTML_TYPE, pages);
    }

    private void assertNoLoneBinding(SignedIn signedIn, MediaType accept, Iterable<String> pages) {
        University demo = demo();
        List<String> alone = new ArrayList<>();
        for (String page : pages) {
            get(demo, signedIn, page, accept); // the node's first-visit reads
            long written = 0;
            // a background worker (the outbox's relay) may bind a connection back to the demo university
            // in between: then the page is measured once more
            for (int attempt = 0; attempt < 3 && written == 0; attempt++) {
                bindEveryConnectionToTheOtherUniversity();
                counter.reset();
                long lone = wall.bindingsWrittenAlone();
                long before = wall.bindingsWritten();
                assertThat(get(demo, signedIn, page, accept).code()).as(page).isEqualTo(200);
                if (counter.statements().isEmpty()) {
                    written = -1; // answered from the session alone
                    break;
                }
                written = wall.bindingsWritten() - before;
                if (written > 0 && counter.transactions() == 0 && wall.bindingsWrittenAlone() > lone) {
                    alone.add(page + ": " + counter.statements());
                }
            }
            assertThat(written)
                    .as("%s bound the connection the other university left", page)
                    .isNotZero();
        }
        assertThat(alone)
                .as("pages without a transaction that wrote the binding in a round trip of its own")
                .isEmpty();
    }

    /** Checks out every pooled connection at once and binds each to the other university. */
    private void bindEveryConnectionToTheOtherUniversity() {
        units.bound(other.id(), () -> {
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < POOL; i++) {
                    Connection connection = wall.getConnection();
                    held.add(connection);
                    try (PreparedStatement statement = connection.prepareStatement("SELECT 1");
                            ResultSet rows = statement.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                for (Connection connection : held) {
                    try {
                        connection.close();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return null;
        });
    }

    private University demo() {
        return universities.findBySubdomain("demo").orElseThrow();
    }

    private SignedIn demoUser(String who) {
        University demo = demo();
        User user = CrossTenant.within(demo, () -> users.findByEmail(demo.id(), who + "@demo.edu"))
                .orElseThrow();
        return sessions.signIn(user);
    }

    private HttpResponse<String> get(University university, SignedIn who, String path, MediaType accept) {
        return http.toBlocking()
                .exchange(
                        HttpRequest.GET(path)
                                .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                .header(HttpHeaders.COOKIE, who.cookie())
                                .accept(accept),
                        String.class);
    }
}
