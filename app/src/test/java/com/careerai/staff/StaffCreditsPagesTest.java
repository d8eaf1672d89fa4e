package com.careerai.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Balances;
import com.careerai.credits.BulkGrants;
import com.careerai.credits.MonthlyRefill;
import com.careerai.credits.WalletFixtures;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UniversityScope;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jobrunr.jobs.Job;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class StaffCreditsPagesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    WalletFixtures walletFixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    @Inject
    UniversityAdministration universities;

    @Inject
    BulkGrants grants;

    @Inject
    MonthlyRefill refill;

    @Inject
    StorageProvider jobs;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver dataSourceResolver;

    University uni;
    University other;
    SignedIn staff;
    SignedIn student;
    User studentUser;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
        other = fixtures.university();
        staff = sessions.signIn(fixtures.staff(uni));
        studentUser = walletFixtures.signedUpStudent(uni);
        student = sessions.signIn(studentUser);
    }

    @Test
    void onlyStaffSeeTheCreditsPageAndItsApi() {
        assertThat(get(uni, "/staff/credits", null).code())
                .as("anonymous: to the sign-in page")
                .isEqualTo(303);
        assertThat(get(uni, "/staff/credits", student).code()).isEqualTo(403);
        assertThat(get(uni, "/api/v1/staff/ledger-audit", student).code()).isEqualTo(403);
        assertThat(postForm(uni, "/staff/credits/defaults", student, Map.of("silver", "99", "gold", "9", "reason", "x"))
                        .code())
                .isEqualTo(403);
        assertThat(universities.findById(uni.id()).orElseThrow().defaultSilver())
                .isEqualTo(20);
    }

    @Test
    void staffOfAnotherUniversityAreNotSignedInHere() {
        SignedIn staffOfOther = sessions.signIn(fixtures.staff(other));
        assertThat(get(uni, "/staff/credits", staffOfOther).code())
                .as("not signed in here: to the sign-in page")
                .isEqualTo(303);
    }

    @Test
    void pageShowsDefaultsRefillGrantsAdjustmentAndACleanAuditOnDemand() {
        HttpResponse<String> page = get(uni, "/staff/credits", staff);
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-default=\"silver\">20 silver")
                .contains("data-default=\"gold\">3 gold")
                .contains("Turn the monthly refill on")
                .contains("Grant to every student")
                .contains("Adjust one student")
                .contains("Run the audit now")
                .contains("name=\"csrf\" value=\"" + staff.csrf() + "\"")
                .contains("href=\"/staff/credits\""); // navigation

        HttpResponse<String> audited = postForm(uni, "/staff/credits/audit", staff, Map.of());
        assertThat(audited.code()).isEqualTo(303);
        assertThat(audited.header(HttpHeaders.LOCATION)).isEqualTo("/staff/credits?notice=audited#audit");
        assertThat(get(uni, "/staff/credits?notice=audited", staff).body())
                .contains("Ledger audit finished")
                .contains("data-audit=\"clean\"")
                .contains("data-audit-ran=\"")
                .contains("Last run ");
        assertThat(postForm(uni, "/staff/credits/audit", student, Map.of()).code())
                .as("students cannot run it")
                .isEqualTo(403);
    }

    @Test
    void changingDefaultsNeedsAReasonAndIsAudited() {
        University own = fixtures.university();
        SignedIn ownStaff = sessions.signIn(fixtures.staff(own));

        HttpResponse<String> missingReason =
                postForm(own, "/staff/credits/defaults", ownStaff, Map.of("silver", "40", "gold", "5", "reason", " "));
        assertThat(missingReason.code()).isEqualTo(422);
        assertThat(missingReason.body()).contains("Give a reason; it is kept in the audit log.");
        assertThat(universities.findById(own.id()).orElseThrow().defaultSilver())
                .isEqualTo(20);

        HttpResponse<String> changed = postForm(
                own, "/staff/credits/defaults", ownStaff, Map.of("silver", "40", "gold", "5", "reason", "New year"));
        assertThat(changed.code()).isEqualTo(303);
        assertThat(changed.header(HttpHeaders.LOCATION)).isEqualTo("/staff/credits?notice=defaults");
        assertThat(universities.findById(own.id()).orElseThrow().defaultSilver())
                .isEqualTo(40);
        assertThat(get(own, "/staff/credits?notice=defaults", ownStaff).body())
                .contains("Default allowance changed")
                .contains("data-default=\"silver\">40 silver");

        User newcomer = walletFixtures.signedUpStudent(own);
        assertThat(fixtures.in(own, () -> wallets.balances(own.id(), newcomer.id())))
                .isEqualTo(new Balances(40, 5));
    }

    @Test
    void badDefaultsComeBackWithMessagesBesideTheFields() {
        HttpResponse<String> page = postForm(
                uni, "/staff/credits/defaults", staff, Map.of("silver", "twelve", "gold", "-1", "reason", "Oops"));
        assertThat(page.code()).isEqualTo(422);
        assertThat(page.body())
                .contains("Enter a whole number, like 20.")
                .contains("Enter a number from 0 to 100000.")
                .contains("value=\"twelve\"")
                .contains("has-error");
        assertThat(universities.findById(uni.id()).orElseThrow().defaultGold()).isEqualTo(3);
    }

    @Test
    void badGrantsAreRefusedWithMessages() {
        HttpResponse<String> zero = postForm(
                uni, "/staff/credits/grants", staff, Map.of("currency", "SILVER", "amount", "0", "reason", "Fair"));
        assertThat(zero.code()).isEqualTo(422);
        assertThat(zero.body()).contains("Enter a number from 1 to 100000.");

        HttpResponse<String> fraction = postForm(
                uni, "/staff/credits/grants", staff, Map.of("currency", "GOLD", "amount", "2.5", "reason", "Fair"));
        assertThat(fraction.code()).isEqualTo(422);
        assertThat(fraction.body())
                .contains("Enter a whole number, like 20.")
                .contains("<option value=\"GOLD\" selected>");

        HttpResponse<String> currency = postForm(
                uni, "/staff/credits/grants", staff, Map.of("currency", "platinum", "amount", "5", "reason", ""));
        assertThat(currency.code()).isEqualTo(422);
        assertThat(currency.body()).contains("Choose silver or gold.").contains("Give a reason");
        assertThat(fixtures.in(uni, () -> grants.recent(uni.id(), 10))).isEmpty();
    }

    @Test
    void grantToEveryStudentStartsABatchWhoseProgressIsServed() {
        University own = fixtures.university();
        SignedIn ownStaff = sessions.signIn(fixtures.staff(own));
        walletFixtures.signedUpStudent(own);
        walletFixtures.signedUpStudent(own);
        String key = UUID.randomUUID().toString();
        Map<String, String> asked = Map.of("currency", "GOLD", "amount", "2", "reason", "Exam week", "key", key);
        HttpResponse<String> question = postForm(own, "/staff/credits/grants", ownStaff, asked);
        assertThat(question.code()).as("the server asks first").isEqualTo(200);
        assertThat(question.body())
                .contains("Grant 2 gold to 2 students?")
                .contains("Each student gets 2 gold credits, with the reason “Exam week” in their history.")
                .contains("name=\"confirmed\" value=\"yes\"")
                .contains("value=\"" + key + "\"");
        assertThat(fixtures.in(own, () -> grants.recent(own.id(), 10)))
                .as("nothing granted before the confirmation")
                .isEmpty();
        Map<String, String> form =
                Map.of("currency", "GOLD", "amount", "2", "reason", "Exam week", "key", key, "confirmed", "yes");

        HttpResponse<String> started = postForm(own, "/staff/credits/grants", ownStaff, form);
        HttpResponse<String> again = postForm(own, "/staff/credits/grants", ownStaff, form);

        assertThat(started.code()).isEqualTo(303);
        assertThat(started.header(HttpHeaders.LOCATION)).startsWith("/staff/credits?batch=");
        String batch = batchOf(started);
        assertThat(batch).as("the server names the batch, not the form").isNotEqualTo(key);
        assertThat(again.code()).isEqualTo(303);
        assertThat(batchOf(again)).isEqualTo(batch);
        assertThat(fixtures.in(own, () -> grants.recent(own.id(), 10))).hasSize(1);
        HttpResponse<String> progress = get(own, "/api/v1/staff/credits/grants/" + batch, ownStaff);
        assertThat(progress.code()).isEqualTo(200);
        assertThat(progress.body())
                .contains("\"total\":2")
                .contains("\"amount\":2")
                .contains("\"currency\":\"GOLD\"")
                .contains("\"done\":false");
        assertThat(get(own, "/api/v1/staff/credits/grants/" + key, ownStaff).code())
                .as("the form's key is not a batch id")
                .isEqualTo(404);
        assertThat(get(own, "/staff/credits?batch=" + batch, ownStaff).body())
                .contains("data-batch=\"" + batch + "\"")
                .contains("role=\"progressbar\"");
        assertThat(get(uni, "/api/v1/staff/credits/grants/" + batch, staff).code())
                .as("another university's staff cannot see it")
                .isEqualTo(404);
    }

    @Test
    void aFormKeyNamingAnExistingJobCannotTakeItsPlace() throws Exception {
        University first = fixtures.university();
        SignedIn firstStaff = sessions.signIn(fixtures.staff(first));
        walletFixtures.signedUpStudent(first);
        HttpResponse<String> theirs = postForm(
                first,
                "/staff/credits/grants",
                firstStaff,
                Map.of(
                        "currency",
                        "GOLD",
                        "amount",
                        "1",
                        "reason",
                        "Theirs",
                        "key",
                        UUID.randomUUID().toString(),
                        "confirmed",
                        "yes"));
        String theirBatch = batchOf(theirs);
        assertThat(jobs.getJobById(UUID.fromString(theirBatch))).isNotNull();

        // Staff of another university send the id of that batch (a JobRunr job id) as their form key.
        University second = fixtures.university();
        SignedIn secondStaff = sessions.signIn(fixtures.staff(second));
        walletFixtures.signedUpStudent(second);
        HttpResponse<String> mine = postForm(
                second,
                "/staff/credits/grants",
                secondStaff,
                Map.of("currency", "GOLD", "amount", "3", "reason", "Mine", "key", theirBatch, "confirmed", "yes"));

        String myBatch = batchOf(mine);
        assertThat(myBatch).isNotEqualTo(theirBatch);
        Job myJob = jobs.getJobById(UUID.fromString(myBatch));
        assertThat(myJob.getJobDetails().getJobParameters().get(0).getObject().toString())
                .as("their own job was enqueued for their own batch")
                .contains(myBatch)
                .contains("Mine");
        Job theirJob = jobs.getJobById(UUID.fromString(theirBatch));
        assertThat(theirJob.getJobDetails()
                        .getJobParameters()
                        .get(0)
                        .getObject()
                        .toString())
                .contains("Theirs");
    }

    private static String batchOf(HttpResponse<String> response) {
        assertThat(response.code()).isEqualTo(303);
        String location = response.header(HttpHeaders.LOCATION);
        return location.substring("/staff/credits?batch=".length(), location.indexOf('#'));
    }

    @Test
    void refillCanBeTurnedOnAndOff() {
        University own = fixtures.university();
        SignedIn ownStaff = sessions.signIn(fixtures.staff(own));
        assertThat(postForm(own, "/staff/credits/refill", ownStaff, Map.of("enabled", "true"))
                        .code())
                .isEqualTo(303);
        assertThat(fixtures.in(own, () -> refill.isEnabled(own.id()))).isTrue();
        assertThat(get(own, "/staff/credits", ownStaff).body()).contains("Turn the monthly refill off");
        assertThat(postForm(own, "/staff/credits/refill", ownStaff, Map.of("enabled", "false"))
                        .code())
                .isEqualTo(303);
        assertThat(fixtures.in(own, () -> refill.isEnabled(own.id()))).isFalse();
    }

    @Test
    void adjustingAStudentByEmail() {
        User target = walletFixtures.signedUpStudent(uni);
        HttpResponse<String> done = postForm(
                uni,
                "/staff/credits/adjustments",
                staff,
                Map.of("email", target.email(), "currency", "silver", "delta", "-5", "reason", "Duplicate grant"));
        assertThat(done.code()).isEqualTo(303);
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), target.id()))
                        .silver())
                .isEqualTo(15);
    }

    @Test
    void badAdjustmentsAreRefusedAndWriteNothing() {
        User target = walletFixtures.signedUpStudent(uni);
        Map<String, String> base = Map.of("email", target.email(), "currency", "SILVER", "reason", "Fix");

        HttpResponse<String> zero = postForm(uni, "/staff/credits/adjustments", staff, with(base, "delta", "0"));
        assertThat(zero.code()).isEqualTo(422);
        assertThat(zero.body()).contains("Enter a change other than zero");

        HttpResponse<String> belowZero = postForm(uni, "/staff/credits/adjustments", staff, with(base, "delta", "-21"));
        assertThat(belowZero.code()).isEqualTo(422);
        assertThat(belowZero.body()).contains("The balance is 20 silver: it cannot go below zero.");

        HttpResponse<String> noReason =
                postForm(uni, "/staff/credits/adjustments", staff, with(with(base, "delta", "3"), "reason", ""));
        assertThat(noReason.code()).isEqualTo(422);
        assertThat(noReason.body()).contains("Give a reason");

        HttpResponse<String> unknown = postForm(
                uni, "/staff/credits/adjustments", staff, with(with(base, "delta", "3"), "email", "nobody@else.edu"));
        assertThat(unknown.code()).isEqualTo(422);
        assertThat(unknown.body()).contains("There is no student with this email");

        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), target.id())))
                .isEqualTo(new Balances(20, 3));
        assertThat(fixtures.in(
                        uni, () -> wallets.history(uni.id(), target.id(), 1).total()))
                .isEqualTo(2);
    }

    @Test
    void adjustingAnotherUniversitysStudentThroughTheApiIsNotFound() {
        User studentOfOther = walletFixtures.signedUpStudent(other);
        HttpResponse<String> response = postJson(
                uni,
                "/api/v1/staff/credits/adjustments",
                staff,
                "{\"userId\":" + studentOfOther.id()
                        + ",\"currency\":\"SILVER\",\"delta\":50,\"reason\":\"Cross-tenant\"}");
        assertThat(response.code()).isEqualTo(404);
        assertThat(fixtures.in(other, () -> wallets.balances(other.id(), studentOfOther.id())))
                .isEqualTo(new Balances(20, 3));
        assertThat(fixtures.in(other, () -> wallets.history(other.id(), studentOfOther.id(), 1)
                        .total()))
                .isEqualTo(2);
    }

    @Test
    void apiAdjustmentIsIdempotentByKey() {
        User target = walletFixtures.signedUpStudent(uni);
        String body = "{\"userId\":" + target.id()
                + ",\"currency\":\"gold\",\"delta\":4,\"reason\":\"Hackathon\",\"idempotencyKey\":\"hack-" + target.id()
                + "\"}";
        HttpResponse<String> first = postJson(uni, "/api/v1/staff/credits/adjustments", staff, body);
        HttpResponse<String> replay = postJson(uni, "/api/v1/staff/credits/adjustments", staff, body);
        assertThat(first.code()).isEqualTo(201);
        assertThat(first.body()).contains("\"amount\":4").contains("\"gold\":7");
        assertThat(replay.code()).isEqualTo(201);
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), target.id()))
                        .gold())
                .isEqualTo(7);
    }

    @Test
    void badApiAdjustmentsAreRefusedWithFieldMessages() {
        User target = walletFixtures.signedUpStudent(uni);
        HttpResponse<String> fraction = postJson(
                uni,
                "/api/v1/staff/credits/adjustments",
                staff,
                "{\"userId\":" + target.id() + ",\"currency\":\"euro\",\"delta\":1.5}");
        assertThat(fraction.code()).isEqualTo(422);
        assertThat(fraction.body())
                .contains("\"error\":\"validation_failed\"")
                .contains("\"currency\":\"Choose silver or gold.\"")
                .contains("\"delta\":\"Enter a whole number, like 20.\"")
                .contains("\"reason\":\"Give a reason; it is kept in the audit log.\"");

        HttpResponse<String> notANumber = postJson(
                uni,
                "/api/v1/staff/credits/adjustments",
                staff,
                "{\"userId\":" + target.id() + ",\"currency\":\"gold\",\"delta\":\"lots\",\"reason\":\"x\"}");
        assertThat(notANumber.code()).isEqualTo(400);
        assertThat(notANumber.body()).contains("\"error\":\"bad_request\"");
        assertThat(fixtures.in(uni, () -> wallets.balances(uni.id(), target.id())))
                .isEqualTo(new Balances(20, 3));
    }

    @Test
    void ledgerAuditJsonForOperators() {
        HttpResponse<String> report = get(uni, "/api/v1/staff/ledger-audit", staff);
        assertThat(report.code()).isEqualTo(200);
        assertThat(report.body())
                .contains("\"universityId\":" + uni.id())
                .contains("\"problemCount\":0")
                .contains("\"problems\":[]");
    }

    @Test
    @SuppressWarnings("try") // the scope is closed, never read
    void auditSectionShowsABalanceThatDisagreesWithTheLedger() throws Exception {
        University own = fixtures.university();
        SignedIn ownStaff = sessions.signIn(fixtures.staff(own));
        User victim = walletFixtures.signedUpStudent(own);
        // tampered over the application's pool, bound to the victim's university (the wall admits no other rows)
        try (PropagatedContext.Scope bound = PropagatedContext.getOrEmpty()
                        .plus(new UniversityScope(own.id()))
                        .propagate();
                Connection connection = dataSourceResolver.resolve(dataSource).getConnection();
                PreparedStatement tamper = connection.prepareStatement(
                        "UPDATE credit_wallets SET gold_credits = 99 WHERE university_id = ? AND user_id = ?")) {
            tamper.setLong(1, own.id());
            tamper.setLong(2, victim.id());
            tamper.executeUpdate();
        }
        assertThat(get(own, "/staff/credits", ownStaff).body())
                .as("rendering the page does not run the audit")
                .contains("data-audit=\"not-run\"")
                .doesNotContain("data-audit=\"problems\"")
                .doesNotContain("BALANCE_MISMATCH");

        assertThat(postForm(own, "/staff/credits/audit", ownStaff, Map.of()).code())
                .isEqualTo(303);
        assertThat(get(own, "/staff/credits", ownStaff).body())
                .contains("data-audit=\"problems\"")
                .contains("<td>BALANCE_MISMATCH</td><td>" + victim.id() + "</td><td>GOLD</td><td>3</td><td>99</td>");
        assertThat(get(own, "/api/v1/staff/ledger-audit", ownStaff).body()).contains("\"problemCount\":1");

        // Repaired afterwards: the page keeps showing the result it has, with its time, until run again.
        try (PropagatedContext.Scope bound = PropagatedContext.getOrEmpty()
                        .plus(new UniversityScope(own.id()))
                        .propagate();
                Connection connection = dataSourceResolver.resolve(dataSource).getConnection();
                PreparedStatement repair = connection.prepareStatement(
                        "UPDATE credit_wallets SET gold_credits = 3 WHERE university_id = ? AND user_id = ?")) {
            repair.setLong(1, own.id());
            repair.setLong(2, victim.id());
            repair.executeUpdate();
        }
        assertThat(get(own, "/staff/credits", ownStaff).body()).contains("data-audit=\"problems\"");
        postForm(own, "/staff/credits/audit", ownStaff, Map.of());
        assertThat(get(own, "/staff/credits", ownStaff).body()).contains("data-audit=\"clean\"");
    }

    private static Map<String, String> with(Map<String, String> form, String field, String value) {
        Map<String, String> copy = new HashMap<>(form);
        copy.put(field, value);
        return copy;
    }

    private HttpResponse<String> get(University university, String path, SignedIn session) {
        return new SiteRequests(client).get(university, path, session);
    }

    private HttpResponse<String> postForm(
            University university, String path, SignedIn session, Map<String, String> form) {
        return new SiteRequests(client).postForm(university, path, session, form);
    }

    private HttpResponse<String> postJson(University university, String path, SignedIn session, String json) {
        return exchange(
                university,
                HttpRequest.POST(path, json)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .header("Cookie", session.cookie())
                        .header("X-CSRF-Token", session.csrf()));
    }

    private HttpResponse<String> exchange(University university, MutableHttpRequest<?> request) {
        return new SiteRequests(client).exchange(university, request);
    }
}
