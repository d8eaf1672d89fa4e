package com.careerai.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.session.UserSnapshots;
import com.careerai.credits.Http;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.redis.RedisConfiguration;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The sign-in check reads a session's user from Redis (issue 19, ADR 0045) and must still see every
 * change of the row at the very next request: deactivation, role, name, erasure date.
 */
@MicronautTest(transactional = false)
class UserSnapshotsTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions testSessions;

    @Inject
    UserSnapshots snapshots;

    @Inject
    UserAccounts accounts;

    @Inject
    PeopleStore people;

    @Inject
    UnitOfWork units;

    @Inject
    StatementCounter counter;

    @Inject
    RedisClient redis;

    @Inject
    RedisConfiguration redisConfiguration;

    @Inject
    JsonMapper json;

    University a;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true");
    }

    @BeforeAll
    void university() {
        a = fixtures.university();
    }

    private HttpResponse<String> me(SignedIn session) {
        HttpRequest<?> request = HttpRequest.GET("/api/v1/me")
                .header("Host", hostOf(a.subdomain()))
                .header("Authorization", session.bearer());
        return Http.exchange(client, request);
    }

    @Test
    void theSecondRequestOfASessionReadsNoUserRow() {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        assertThat(snapshots.find(session.token()).orElseThrow().user())
                .as("nothing kept before")
                .isNull();
        assertThat(me(session).code()).isEqualTo(200);
        User kept = snapshots.find(session.token()).orElseThrow().user();
        assertThat(kept)
                .as("the row, kept whole")
                .isEqualTo(fixtures.in(a, () -> accounts.find(a.id(), student.id()))
                        .orElseThrow());

        counter.reset();
        assertThat(me(session).body()).contains("\"email\":\"" + student.email() + "\"");
        assertThat(counter.statements()).as("statements of the second request").isEmpty();
        assertThat(counter.connections()).as("connections").isZero();
    }

    @Test
    void aSnapshotAnEarlierVersionKeptAsJsonIsStillReadWithoutTheDatabase() throws IOException {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        assertThat(me(session).code()).isEqualTo(200);
        User row = snapshots.find(session.token()).orElseThrow().user();
        assertThat(row).isNotNull();
        String key = redisConfiguration.getKeyPrefix() + "user-row:" + a.id() + ":" + student.id();
        redis.set(
                key, json.writeValueAsString(row), SetParams.setParams().ex(600)); // as a node before ADR 0054 kept it

        assertThat(snapshots.find(session.token()).orElseThrow().user()).isEqualTo(row);
        counter.reset();
        assertThat(me(session).code()).isEqualTo(200);
        assertThat(counter.statements()).as("statements").isEmpty();
    }

    @Test
    void aDeactivatedUserIsRefusedAtTheVeryNextRequestThoughTheirSessionLives() {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        assertThat(me(session).code()).isEqualTo(200); // the row is kept now
        // the row alone changes (People also ends the sessions: this holds without that)
        units.runInUniversity(a.id(), () -> people.deactivate(a.id(), student.id(), Instant.now()));
        assertThat(me(session).code()).isEqualTo(401);

        units.runInUniversity(a.id(), () -> people.reactivate(a.id(), student.id()));
        assertThat(me(session).code()).isEqualTo(200);
    }

    @Test
    void aNewRoleAndNameAreSeenAtTheVeryNextRequest() {
        User staff = fixtures.staff(a);
        SignedIn session = testSessions.signIn(staff);
        assertThat(me(session).body()).contains("\"role\":\"STAFF\"");

        units.runInUniversity(a.id(), () -> people.changeRole(a.id(), staff.id(), Role.COUNSELLOR));
        assertThat(me(session).body()).contains("\"role\":\"COUNSELLOR\"");

        fixtures.run(a, () -> accounts.rename(a.id(), staff.id(), "Grace Hopper")); // outside a transaction
        assertThat(me(session).body()).contains("\"name\":\"Grace Hopper\"");
    }

    @Test
    void anErasureDateIsSeenAtTheVeryNextRequest() {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        assertThat(me(session).code()).isEqualTo(200);
        Instant at = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        units.runInUniversity(a.id(), () -> accounts.markErasureScheduled(a.id(), student.id(), at));
        assertThat(me(session).code()).isEqualTo(200);
        assertThat(snapshots.find(session.token()).orElseThrow().user().erasureScheduled())
                .contains(at);
    }

    @Test
    void aRowReadBeforeAChangeIsNotKeptAfterIt() {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        UserSnapshots.Found found = snapshots.find(session.token()).orElseThrow();
        User before = fixtures.in(a, () -> accounts.find(a.id(), student.id())).orElseThrow();

        fixtures.run(a, () -> accounts.rename(a.id(), student.id(), "Renamed Meanwhile"));

        assertThat(snapshots.keep(found, before))
                .as("kept the row as it was before the change")
                .isFalse();
        assertThat(snapshots.find(session.token()).orElseThrow().user()).isNull();
        assertThat(me(session).body()).contains("\"name\":\"Renamed Meanwhile\"");
    }

    @Test
    void nothingIsKeptWhileAWriterOfTheRowIsInItsTransaction() {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        assertThat(me(session).code()).isEqualTo(200);
        units.runInUniversity(a.id(), () -> {
            accounts.rename(a.id(), student.id(), "Not Yet Committed");
            UserSnapshots.Found during = snapshots.find(session.token()).orElseThrow();
            assertThat(during.user()).as("dropped at the write").isNull();
            assertThat(during.writing()).isTrue();
            // another request reading now sees the committed past: it must not keep it
            assertThat(snapshots.keep(during, student)).isFalse();
            assertThat(me(session).body()).doesNotContain("Not Yet Committed");
            assertThat(snapshots.find(session.token()).orElseThrow().user()).isNull();
        });
        UserSnapshots.Found after = snapshots.find(session.token()).orElseThrow();
        assertThat(after.writing()).as("the mark ends with the transaction").isFalse();
        assertThat(me(session).body()).contains("\"name\":\"Not Yet Committed\"");
    }

    @Test
    void aRolledBackWriteEndsItsMarkToo() {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        try {
            units.runInUniversity(a.id(), () -> {
                accounts.rename(a.id(), student.id(), "Rolled Back");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("roll back");
        }
        assertThat(snapshots.find(session.token()).orElseThrow().writing()).isFalse();
        assertThat(me(session).body()).doesNotContain("Rolled Back");
        assertThat(snapshots.find(session.token()).orElseThrow().user())
                .as("kept again")
                .isNotNull();
    }
}
