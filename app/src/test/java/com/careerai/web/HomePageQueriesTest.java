package com.careerai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.counselling.CounsellingDemo;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RedisCommandCounter;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the signed-in pages to a number of SQL statements per request (issue 19): the layout
 * (header balances, bell, "Buy" offer, signed-in user) and the student's home with its panels. A
 * statement asked twice in one request is a statement too many.
 */
@MicronautTest(transactional = false)
class HomePageQueriesTest extends IntegrationTest {
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
    CounsellingDemo counsellingDemo;

    private University university;
    private SignedIn student;
    /** A student with an interest: the resources and counsellors panels read for them too. */
    private SignedIn interested;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true", "careerai.test.count-redis-commands", "true");
    }

    @BeforeAll
    void signIn() {
        university = fixtures.university();
        User user = fixtures.verifiedStudent(university);
        student = sessions.signIn(user);
        User other = fixtures.verifiedStudent(university);
        long id = university.id();
        Interest software = fixtures.in(university, () -> interests.add(id, "Software", "staff@x"));
        Interest design = fixtures.in(university, () -> interests.add(id, "Design", "staff@x"));
        fixtures.run(university, () -> interests.choose(id, other.id(), List.of(software.id())));
        interested = sessions.signIn(other);
        // what most students with an interest find: counsellors who know it (Morgan Mentor's
        // "Software") and resources tagged with it, two of them premium and also tagged with an
        // interest the student did not pick
        fixtures.run(university, () -> counsellingDemo.seed(id));
        long uploader = fixtures.staff(university).id();
        resource(uploader, "Software careers map", "EVERYONE", software);
        resource(uploader, "Premium system design", "PREMIUM", software, design);
        resource(uploader, "Premium design portfolio", "PREMIUM", software, design);
        resource(uploader, "Design only", "EVERYONE", design);
    }

    /** An approved link resource with these tags, written as the owner (the sharing form is not under test here). */
    private void resource(long uploaderId, String title, String access, Interest... tags) {
        execute(
                "INSERT INTO resources (university_id, uploader_id, uploader_name, title, kind, access, status, url)"
                        + " VALUES (?, ?, 'Staff', ?, 'LINK', ?, 'APPROVED', 'https://example.org/r')",
                university.id(),
                uploaderId,
                title,
                access);
        for (Interest tag : tags) {
            execute(
                    "INSERT INTO resource_interests (university_id, resource_id, interest_id)"
                            + " SELECT university_id, id, ? FROM resources WHERE university_id = ? AND title = ?",
                    tag.id(),
                    university.id(),
                    title);
        }
    }

    @Test
    void studentHomeReadsBalancesAndUnreadCountOnce() {
        List<String> statements = statementsOf("/");
        // Header balances and the balances panel, the bell and the notifications panel: one read each.
        // The user row (sign-in, two panels, the deletion banner) not at all: the sign-in check had it
        // from Redis with the session (ADR 0045); nor the career profile with the default resume's name
        // (the page's time zone, the next-steps panel) or the student's interests (three panels): kept
        // in Redis beside it (ADR 0067); the notifications panel reads its entries and the unread count
        // (which the bell reuses) in one statement: 5 statements in all.
        assertThat(statements.stream().filter(sql -> sql.contains("FROM credit_wallets")))
                .hasSize(1);
        assertThat(statements.stream().filter(sql -> sql.contains("FROM notifications")))
                .as("the bell's count and the notifications panel: one statement")
                .hasSize(1);
        assertThat(statements.stream().filter(sql -> sql.matches("(?s).*FROM \"?users\"?\\s.*")))
                .as("the user row came with the session")
                .isEmpty();
        assertThat(statements.stream().filter(sql -> sql.contains("student_interests")))
                .as("the student's interests came from their snapshot")
                .isEmpty();
        assertThat(statements.stream().filter(sql -> sql.contains("career_profiles") || sql.contains("saved_resumes")))
                .as("the profile and the default resume's name came from their snapshot")
                .isEmpty();
        assertThat(statements.stream().filter(sql -> sql.contains("account_deletions")))
                .as("the deletion banner: the date rides on the user row")
                .isEmpty();
        assertThat(statements.size())
                .as("statements of the student home: %s", statements)
                .isLessThanOrEqualTo(5);
        // and the panels' statements go to PostgreSQL together, before the panels ask (ADR 0076); the
        // header's balances and bell find the panels' values kept
        assertThat(counter.statements())
                .as("round trips of the student home: %s", counter.statements())
                .hasSize(1);
    }

    @Test
    void studentHomeReadsItsPageOnOneConnectionWithoutATransaction() {
        statementsOf("/");
        // the dashboard and its layout on one connection: each panel or layout read used to take a
        // connection (and a commit) of its own, the session check's user row one more (now from
        // Redis, ADR 0045). No BEGIN / COMMIT either: the page only reads, and at READ COMMITTED a
        // transaction gives its statements no common snapshot (ADR 0055); its 5 statements go in one
        // round trip (ADR 0076), the tenant binding with them when the pooled connection last served
        // another university.
        assertThat(counter.connections()).as("connections checked out").isLessThanOrEqualTo(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
        assertThat(counter.commits()).as("transactions committed").isZero();
    }

    @Test
    void studentWithInterestsHomeBeginsNoTransactionEither() {
        // With an interest picked, the resources panel looks for tagged resources and the appointments
        // panel for counsellors who know the field: services that used to read in a transaction of
        // their own, which began one on the page's connection (session 12: 3 BEGINs a home).
        List<String> statements = statementsOf("/", interested);
        assertThat(statements)
                .as("the counsellors and resources were read")
                .anyMatch(sql -> sql.contains("counsellors"));
        assertThat(counter.connections()).as("connections checked out").isLessThanOrEqualTo(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
        assertThat(counter.commits()).as("transactions committed").isZero();
    }

    @Test
    void interestedStudentsHomeReadsCounsellorsAndResourcesInBoundedStatements() {
        List<String> statements = statementsOf("/", interested);
        // The 5 statements of the student home, and for the student's interests (from their snapshot,
        // ADR 0067): the counsellors who
        // know them, matched, ordered and limited to the panel's 3 in SQL (the university's approved
        // counsellors used to come to Java to be filtered); the recommended resources with their tags'
        // ids in one statement (their tags came in a second, their names in a third); the names of
        // the tags the student did not pick ("Design": the student's own come with their interests):
        // 8 statements in all, however many counsellors, resources and tags there are. The premium
        // resources shown are locked without asking for the student's plan: they are not Pro, which
        // their row (with the session) says.
        assertThat(statements.stream().filter(sql -> sql.contains("FROM counsellors")))
                .as("the counsellors who know the student's field: one bounded statement")
                .hasSize(1)
                .allMatch(sql -> sql.contains("LIMIT"));
        assertThat(statements.stream().filter(sql -> sql.contains("FROM resources")))
                .as("the recommended resources with their tags' ids")
                .hasSize(1)
                .allMatch(sql -> sql.contains("resource_interests"));
        assertThat(statements.stream().filter(sql -> sql.contains("FROM resource_interests")))
                .as("the tags are read with the resources")
                .hasSize(1);
        assertThat(statements.stream().filter(sql -> sql.contains("FROM interests")))
                .as("the tags the student did not pick are named from the university's categories, read once")
                .hasSize(1);
        assertThat(statements.stream().filter(sql -> sql.contains("FROM subscriptions") || sql.contains("is_pro")))
                .as("a student who is not Pro has no plan to ask for")
                .isEmpty();
        assertThat(statements.stream().filter(sql -> sql.contains("student_interests")))
                .as("the student's interests came from their snapshot")
                .isEmpty();
        assertThat(statements).as("statements of the interested student's home").doesNotHaveDuplicates();
        assertThat(statements.size())
                .as("statements of the interested student's home: %s", statements)
                .isLessThanOrEqualTo(8);
        // One round trip (ADR 0076), 9 before: the other tags' names come from the university's
        // categories, sent ahead with the rest.
        assertThat(counter.statements())
                .as("round trips of the interested student's home: %s", counter.statements())
                .hasSize(1);
        assertThat(counter.statements().get(0).split(";\n"))
                .as("the round trip")
                .hasSize(8)
                .anyMatch(sql -> sql.contains("FROM counsellors"))
                .anyMatch(sql -> sql.contains("FROM resources"));
        assertThat(get("/", interested, MediaType.TEXT_HTML).body())
                .as("premium resources shown locked")
                .contains("Premium system design")
                .contains(">Premium<");
    }

    @Test
    void aProStudentsHomeAsksForTheirPlanOnceWhenPremiumResourcesAreShown() {
        long id = university.id();
        User pro = fixtures.verifiedStudent(university);
        fixtures.run(university, () -> interests.choose(id, pro.id(), List.of(software(id))));
        execute(
                "INSERT INTO subscriptions (university_id, id, user_id, external_id, product, status, state_at)"
                        + " VALUES (?, gen_random_uuid(), ?, ?, 'premium', 'active', now())",
                id,
                pro.id(),
                "sub_home_" + pro.id());
        fixtures.markPro(university, pro);
        SignedIn signedIn = sessions.signIn(pro);

        List<String> statements = statementsOf("/", signedIn);
        // what the plan includes decides whether the premium resources are open: asked once, after the
        // page's round trip (only a Pro student shown a premium resource pays for it)
        assertThat(statements.stream().filter(sql -> sql.contains("FROM subscriptions")))
                .as("the plan is asked once, however many premium resources are shown")
                .hasSize(1);
        assertThat(counter.statements())
                .as("round trips of a Pro student's home: %s", counter.statements())
                .hasSize(2);
        assertThat(counter.statements().get(1)).as("the second").contains("FROM subscriptions");
        assertThat(get("/", signedIn, MediaType.TEXT_HTML).body())
                .as("premium resources open to a plan that includes them")
                .contains("Premium system design")
                .doesNotContain(">Premium<");
    }

    private long software(long universityId) {
        return fixtures.in(university, () -> interests.all(universityId)).stream()
                .filter(interest -> interest.name().equals("Software"))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void studentHomeIsOneRedisRoundTrip() {
        // The session, the user row, the career profile and the student's interests: one script, the
        // session check's (ADR 0072); the profile's and the interests' own reads (ADR 0067) made one
        // EVALSHA each after it.
        statementsOf("/", interested);
        assertThat(redis.names())
                .as("Redis commands of the home: %s", redis.commands())
                .containsExactly("EVALSHA");
        statementsOf("/", student);
        assertThat(redis.names())
                .as("Redis commands of the home: %s", redis.commands())
                .containsExactly("EVALSHA");
    }

    @Test
    void aSignedInHomeIsReadOnItsSessionChecksThread() {
        // ADR 0073: the session check runs on the request executor's pool thread, and the home, on that
        // executor, runs there and then instead of being queued for a second pool thread
        statementsOf("/", interested);
        assertThat(redis.threads()).as("the session check's script").hasSize(1);
        assertReadOnTheSessionChecksThread("threads that read the home");
    }

    @Test
    void aSignedOutHomeIsReadOnAPoolThreadNotTheEventLoop() {
        // no session, so no check to ride on: the page is queued on the blocking pool as before
        HttpResponse<String> response = http.toBlocking()
                .exchange(
                        HttpRequest.GET("/")
                                .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                .accept(MediaType.TEXT_HTML),
                        String.class);
        assertThat(response.code()).isEqualTo(200);
        counter.reset();
        http.toBlocking()
                .exchange(
                        HttpRequest.GET("/")
                                .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                .accept(MediaType.TEXT_HTML),
                        String.class);
        assertThat(counter.threads()).as("threads that read the public home").isNotEmpty();
        assertThat(counter.threads()).allSatisfy(thread -> assertThat(thread).startsWith("blocking-executor-thread"));
    }

    @Test
    void aPageNotMarkedPersonalHasItsSessionCheckAloneAsBefore() {
        // the runs page is no PersonalPage: its session check asks for the session and the user row
        // only (the profile it reads for its time zone is read by its own script, as on main)
        statementsOf("/runs");
        assertThat(redis.commands())
                .as("Redis commands of the runs page")
                .first()
                .satisfies(command -> assertThat(command).hasSize(5)); // EVALSHA sha 1 session-key user-prefix
        assertThat(redis.commands()).as("the profile's own read").hasSize(2);
    }

    @Test
    void signedInLayoutAsksEachThingOnce() {
        List<String> statements = statementsOf("/wallet");
        assertThat(statements).as("statements of the wallet page").doesNotHaveDuplicates();
    }

    @Test
    void walletPageAndItsHeaderAreOneRoundTripOnTheSessionChecksThread() {
        // the history's page and count, the balances (page and header) and the bell's count: sent
        // together before the page and its layout ask (ADR 0076), on one connection, no transaction;
        // the time zone came with the session check (a PersonalPage, ADR 0072)
        List<String> statements = statementsOf("/wallet");
        assertThat(statements.stream().filter(sql -> sql.contains("FROM credit_transactions")))
                .as("the history's page and its count")
                .hasSize(2);
        assertThat(statements.stream().filter(sql -> sql.contains("FROM credit_wallets")))
                .hasSize(1);
        assertThat(statements.stream().filter(sql -> sql.contains("FROM notifications")))
                .as("the bell")
                .hasSize(1);
        assertThat(counter.statements())
                .as("round trips of the wallet page: %s", counter.statements())
                .hasSize(1);
        assertThat(counter.connections()).as("connections checked out").isEqualTo(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
        assertThat(redis.names()).as("Redis commands: %s", redis.commands()).containsExactly("EVALSHA");
        assertReadOnTheSessionChecksThread("threads that read the wallet");
    }

    @Test
    void aPagesLayoutSendsItsReadsTogether() {
        // the runs page sends its list and count together, then the layout its balances and bell
        // (each used to be a round trip and a connection of its own: 4)
        List<String> statements = statementsOf("/runs");
        assertThat(statements).as("statements of the runs page").hasSize(4);
        assertThat(counter.statements())
                .as("round trips of the runs page: %s", counter.statements())
                .hasSize(2);
        assertThat(counter.statements().get(0)).contains("FROM ai_runs");
        assertThat(counter.statements().get(1)).contains("FROM credit_wallets").contains("FROM notifications");
        assertThat(counter.connections()).as("connections checked out").isEqualTo(2);
    }

    @Test
    void walletApiIsOneRoundTrip() {
        List<String> statements = statementsOf("/api/v1/wallet", student, MediaType.APPLICATION_JSON);
        assertThat(statements)
                .as("the balances, the history's first page and its count")
                .hasSize(3);
        assertThat(counter.statements())
                .as("round trips: %s", counter.statements())
                .hasSize(1);
        assertThat(counter.connections()).as("connections checked out").isEqualTo(1);
        assertReadOnTheSessionChecksThread("threads that read the wallet");
    }

    @Test
    void runsApiIsOneRoundTripAndLeavesInputsUnread() {
        List<String> statements = statementsOf("/api/v1/runs", student, MediaType.APPLICATION_JSON);
        assertThat(statements).as("the page of runs and their count").hasSize(2);
        assertThat(counter.statements())
                .as("round trips: %s", counter.statements())
                .hasSize(1);
        assertThat(statements.get(0))
                .as("a list shows outputs, not inputs or analyses")
                .contains("NULL AS input")
                .contains("NULL AS analysis");
        assertReadOnTheSessionChecksThread("threads that read the runs");
    }

    /** Every statement ran on the thread that sent the session check's script (ADR 0073). */
    private void assertReadOnTheSessionChecksThread(String what) {
        assertThat(counter.threads()).as(what).containsExactly(redis.threads().get(0));
    }

    private List<String> statementsOf(String path) {
        return statementsOf(path, student);
    }

    private List<String> statementsOf(String path, SignedIn who) {
        return statementsOf(path, who, MediaType.TEXT_HTML);
    }

    private List<String> statementsOf(String path, SignedIn who, String accept) {
        get(path, who, accept); // first request: caches of the node (university by host, templates) are warm afterwards
        counter.reset();
        redis.reset();
        HttpResponse<String> response = get(path, who, accept);
        assertThat(response.code()).isEqualTo(200);
        // each SQL statement, whether sent alone or with others in one round trip (ADR 0076)
        List<String> statements = counter.statements().stream()
                .flatMap(sql -> Arrays.stream(sql.split(";\n")))
                .toList();
        System.out.println(path + " ran " + statements.size() + " statements on " + counter.connections()
                + " connections, " + counter.transactions() + " transactions, " + counter.commits() + " commits:\n  "
                + String.join("\n  ", statements));
        return statements;
    }

    private HttpResponse<String> get(String path, SignedIn who, String accept) {
        return http.toBlocking()
                .exchange(
                        HttpRequest.GET(path)
                                .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                .header(HttpHeaders.AUTHORIZATION, who.bearer())
                                .accept(accept),
                        String.class);
    }
}
