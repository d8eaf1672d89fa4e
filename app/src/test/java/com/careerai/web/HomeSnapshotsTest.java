package com.careerai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.auth.session.UserSnapshots;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.platform.redis.PrefetchedSnapshots;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RedisCommandCounter;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The student home's snapshots (profile, interests) come with its session check (ADR 0072) and keep
 * ADR 0067's guarantees: a write is seen by the next home, a read whose stamps were taken before a
 * commit is not kept after it, and a write within the request is read back in it.
 */
@MicronautTest(transactional = false)
class HomeSnapshotsTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    StatementCounter counter;

    @Inject
    RedisCommandCounter redis;

    @Inject
    Interests interests;

    @Inject
    UserSnapshots userSnapshots;

    @Inject
    PrefetchedSnapshots prefetched;

    private University university;
    private Interest software;
    private Interest finance;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true", "careerai.test.count-redis-commands", "true");
    }

    @BeforeAll
    void catalogue() {
        university = fixtures.university();
        long id = university.id();
        software = fixtures.in(university, () -> interests.add(id, "Software", "staff@x"));
        finance = fixtures.in(university, () -> interests.add(id, "Finance", "staff@x"));
    }

    @Test
    void aChoiceIsReadByTheNextHomeAndKeptForTheOneAfter() {
        User student = fixtures.verifiedStudent(university);
        SignedIn session = sessions.signIn(student);
        home(session);
        home(session); // everything kept
        choose(student, software, finance);
        counter.reset();
        home(session);
        assertThat(counter.statements())
                .as("the new picks read afresh")
                .anyMatch(sql -> sql.contains("student_interests"));
        counter.reset();
        redis.reset();
        home(session);
        assertThat(counter.statements()).noneMatch(sql -> sql.contains("student_interests"));
        assertThat(redis.names()).as("kept: the session check brought them").containsExactly("EVALSHA");
    }

    @Test
    void picksReadWithTheSessionBeforeAChoiceCommitsAreNotKeptAfterIt() {
        User student = fixtures.verifiedStudent(university);
        SignedIn session = sessions.signIn(student);
        // the session check of a home: no picks kept yet, their stamps read
        HttpRequest<?> request = prefetchedHome(session, student);
        choose(student, software); // commits after the session check, before the page reads the database
        List<Interest> read = ServerRequestContext.with(request, (Supplier<List<Interest>>)
                () -> fixtures.in(university, () -> interests.ofUser(university.id(), student.id())));
        assertThat(read).as("read from the database after the commit").containsExactly(software);
        // kept under stamps read before the commit? then the next home would not read the database
        counter.reset();
        home(session);
        assertThat(counter.statements())
                .as("nothing was kept under the stamps read before the choice")
                .anyMatch(sql -> sql.contains("student_interests"));
    }

    @Test
    void aChoiceMadeInTheRequestIsReadBackInIt() {
        User student = fixtures.verifiedStudent(university);
        SignedIn session = sessions.signIn(student);
        choose(student, software);
        home(session); // kept
        HttpRequest<?> request = prefetchedHome(session, student);
        List<Interest> read = ServerRequestContext.with(request, (Supplier<List<Interest>>) () -> {
            choose(student, finance);
            return fixtures.in(university, () -> interests.ofUser(university.id(), student.id()));
        });
        assertThat(read).as("not the picks the session check brought").containsExactly(finance);
    }

    /** A home's request after its session check brought the person's snapshots. */
    private HttpRequest<?> prefetchedHome(SignedIn session, User student) {
        UserSnapshots.Found found =
                userSnapshots.find(session.token(), prefetched.arguments()).orElseThrow();
        assertThat(found.personal()).as("one answer per registered snapshot").hasSize(2);
        HttpRequest<?> request = HttpRequest.GET("/");
        prefetched.keep(request, university.id(), student.id(), found.personal());
        return request;
    }

    private void choose(User student, Interest... picks) {
        List<Long> ids = Arrays.stream(picks).map(Interest::id).toList();
        fixtures.run(university, () -> interests.choose(university.id(), student.id(), ids));
    }

    private void home(SignedIn session) {
        assertThat(http.toBlocking()
                        .exchange(
                                HttpRequest.GET("/")
                                        .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                        .header(HttpHeaders.AUTHORIZATION, session.bearer())
                                        .accept(MediaType.TEXT_HTML),
                                String.class)
                        .code())
                .isEqualTo(200);
    }
}
