package com.careerai.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.SignInService;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.billing.PaymentConfirmed;
import com.careerai.billing.PaymentRefunded;
import com.careerai.credits.Currency;
import com.careerai.credits.Http;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.Wallets;
import com.careerai.platform.outbox.Outbox;
import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Referrals end to end: a link followed and a verified sign-up record the referee; the reward is
 * held, released after the hold as GRANT rows, cancelled on the referee's first refund, reversed
 * after release (never below zero) — the ledger audit clean throughout; self-referrals, the
 * monthly cap and a second reward are refused; another university sees none of it.
 */
@MicronautTest(transactional = false)
class ReferralsTest extends IntegrationTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestMailServer mailServer = TestMailServer.start();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Referrals referrals;

    @Inject
    ReferralStore store;

    @Inject
    Wallets wallets;

    @Inject
    LedgerAudit ledgerAudit;

    @Inject
    UserAccounts users;

    @Inject
    SignInService signIns;

    @Inject
    Outbox outbox;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    @Client("/")
    HttpClient client;

    University uni;
    University other;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mailServer.properties());
        properties.put("careerai.roles", "web,worker");
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    @BeforeAll
    void universities() {
        uni = fixtures.university();
        other = fixtures.university();
    }

    @AfterAll
    void stopMail() {
        mailServer.close();
    }

    @Test
    void aFriendWhoFollowsTheLinkAndSignsUpIsRecordedAndBothSeeTheHeldReward() throws Exception {
        User referrer = fixtures.verifiedStudent(uni);
        String code = codeOf(referrer);
        String email = "friend" + SEQUENCE.incrementAndGet() + "@"
                + uni.allowedDomains().get(0);
        try (Browser browser = new Browser(server.getURL(), hostOf(uni.subdomain()))) {
            Browser.Response joined = browser.get("/join?ref=" + code.toLowerCase(java.util.Locale.ROOT));
            assertThat(joined.status()).isEqualTo(303);
            assertThat(joined.location()).isEqualTo("/signin");
            assertThat(joined.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("careerai_ref=" + code)
                    .contains("HTTPOnly")
                    .doesNotContainIgnoringCase("Domain="));
            signUp(browser, email);
        }
        User friend = fixtures.in(uni, () -> users.findByEmail(uni.id(), email)).orElseThrow();
        Referral referral = ofReferee(friend.id());
        assertThat(referral.referrerId()).isEqualTo(referrer.id());
        assertThat(referral.status()).isEqualTo(ReferralStatus.HELD);
        assertThat(Duration.between(referral.createdAt(), referral.holdUntil())).isEqualTo(Duration.ofDays(14));

        String referrerPage = page("/referrals", sessions.signIn(referrer)).body();
        assertThat(referrerPage)
                .contains("1 friend joined")
                .contains("Held until")
                .contains("/join?ref")
                .contains(code);
        assertThat(page("/referrals", sessions.signIn(friend)).body())
                .contains("Your welcome reward")
                .contains("5 silver credits")
                .contains("Held until");
        String json = page("/api/v1/referrals", sessions.signIn(referrer)).body();
        assertThat(json)
                .contains("\"code\":\"" + code + "\"")
                .contains("\"link\":\"http://" + uni.subdomain() + "." + BASE_DOMAIN + "/join?ref=" + code + "\"")
                .contains("\"status\":\"HELD\"")
                .contains("\"pending\":5");
    }

    @Test
    void aCodeOfAnotherUniversityOrNoneDoesNothing() throws Exception {
        User elsewhere = fixtures.verifiedStudent(other);
        String foreign = codeOf(elsewhere);
        try (Browser browser = new Browser(server.getURL(), hostOf(uni.subdomain()))) {
            Browser.Response joined = browser.get("/join?ref=" + foreign);
            assertThat(joined.status()).isEqualTo(303);
            assertThat(joined.setCookies())
                    .noneSatisfy(cookie -> assertThat(cookie).startsWith("careerai_ref="));
            assertThat(browser.get("/join").status()).isEqualTo(303);
        }
        User student = fixtures.student(uni);
        assertThat(record(student, foreign, null)).isEmpty();
    }

    @Test
    void heldThenReleasedAfterTheHoldThenReversedNeverBelowZeroWithTheLedgerCleanThroughout() {
        User referrer = fixtures.verifiedStudent(uni);
        User friend = fixtures.verifiedStudent(uni);
        long referrerBefore = silver(referrer);
        long friendBefore = silver(friend);
        Referral referral = record(friend, codeOf(referrer), null).orElseThrow();
        assertThat(referral.status()).isEqualTo(ReferralStatus.HELD);
        assertClean();

        assertThat(fixtures.in(uni, () -> referrals.releaseDue(uni.id(), Instant.now())))
                .isZero();
        assertThat(silver(referrer)).isEqualTo(referrerBefore);

        Instant afterHold = referral.holdUntil().plusSeconds(1);
        assertThat(fixtures.in(uni, () -> referrals.releaseDue(uni.id(), afterHold)))
                .isGreaterThanOrEqualTo(1);
        assertThat(fixtures.in(uni, () -> referrals.releaseDue(uni.id(), afterHold)))
                .as("a second run releases nothing twice")
                .isZero();
        assertThat(ofReferee(friend).status()).isEqualTo(ReferralStatus.RELEASED);
        assertThat(silver(referrer)).isEqualTo(referrerBefore + 5);
        assertThat(silver(friend)).isEqualTo(friendBefore + 5);
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND type = 'GRANT'"
                                + " AND idempotency_key LIKE ?",
                        uni.id(),
                        "referral:" + referral.id() + ":%"))
                .isEqualTo(2);
        assertClean();

        // the friend spends all but 2 of their silver; staff then find the referral abusive
        User staff = fixtures.staff(uni);
        long spend = silver(friend) - 2;
        fixtures.run(
                uni,
                () -> wallets.adjust(
                        uni.id(),
                        SignedInUser.of(staff),
                        friend.id(),
                        Currency.SILVER,
                        (int) -spend,
                        "spent in the test",
                        "test:" + UUID.randomUUID()));
        HttpResponse<String> rejected = post(
                "/staff/referrals/" + referral.id() + "/decision",
                sessions.signIn(staff),
                Map.of("decision", "reject", "reason", "Same phone as the referrer"));
        assertThat(rejected.code()).as(rejected.body()).isEqualTo(303);
        Referral reversed = ofReferee(friend.id());
        assertThat(reversed.status()).isEqualTo(ReferralStatus.REVERSED);
        assertThat(silver(referrer)).isEqualTo(referrerBefore);
        assertThat(silver(friend)).isZero();
        assertThat(count(
                        "SELECT -sum(amount) FROM credit_transactions WHERE university_id = ? AND type = 'REVERSAL'"
                                + " AND idempotency_key LIKE ?",
                        uni.id(),
                        "referral:" + referral.id() + ":reverse:%"))
                .isEqualTo(5 + 2);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'referrals.rejected'"
                                + " AND details->>'reason' = 'Same phone as the referrer'",
                        uni.id()))
                .isEqualTo(1);
        assertClean();
    }

    @Test
    void theRefereesFirstPurchaseRefundedCancelsTheHeldReward() {
        User referrer = fixtures.verifiedStudent(uni);
        User friend = fixtures.verifiedStudent(uni);
        Referral referral = record(friend, codeOf(referrer), null).orElseThrow();
        UUID firstPayment = UUID.randomUUID();
        event(new PaymentConfirmed(uni.id(), friend.id(), firstPayment));
        awaitFirstPayment(friend, firstPayment);
        event(new PaymentConfirmed(uni.id(), friend.id(), UUID.randomUUID()));
        event(new PaymentRefunded(uni.id(), friend.id(), firstPayment, true));
        Referral cancelled = awaitStatus(friend, ReferralStatus.CANCELLED);
        assertThat(cancelled.endReason()).contains("refunded");
        assertThat(fixtures.in(
                        uni,
                        () -> referrals.releaseDue(
                                uni.id(), referral.holdUntil().plusSeconds(1))))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND idempotency_key LIKE ?",
                        uni.id(),
                        "referral:" + referral.id() + ":%"))
                .isZero();
        assertClean();
    }

    @Test
    void askingAgainFromTheSameAddressWithinAMinuteWritesNothing() {
        User sam = fixtures.verifiedStudent(uni);
        codeOf(sam);
        String seenAt = "SELECT (extract(epoch FROM last_seen_at) * 1000000)::bigint FROM referral_codes"
                + " WHERE university_id = ? AND user_id = ?";
        String version = "SELECT xmin::text::bigint FROM referral_codes WHERE university_id = ? AND user_id = ?";
        fixtures.run(uni, () -> referrals.seen(uni.id(), sam.id(), "203.0.113.9"));
        long first = count(seenAt, uni.id(), sam.id());
        long firstVersion = count(version, uni.id(), sam.id());

        fixtures.run(uni, () -> referrals.seen(uni.id(), sam.id(), "203.0.113.9"));
        assertThat(count(seenAt, uni.id(), sam.id())).as("the time kept").isEqualTo(first);
        assertThat(count(version, uni.id(), sam.id())).as("no new row version").isEqualTo(firstVersion);

        // another address is written at once; the same one again once the minute has passed
        fixtures.run(uni, () -> referrals.seen(uni.id(), sam.id(), "198.51.100.4"));
        assertThat(count(
                        "SELECT count(*) FROM referral_codes WHERE university_id = ? AND user_id = ?"
                                + " AND last_address = '198.51.100.4'",
                        uni.id(),
                        sam.id()))
                .isOne();
        execute(
                "UPDATE referral_codes SET last_seen_at = now() - interval '61 seconds'"
                        + " WHERE university_id = ? AND user_id = ?",
                uni.id(),
                sam.id());
        long backdated = count(seenAt, uni.id(), sam.id());
        fixtures.run(uni, () -> referrals.seen(uni.id(), sam.id(), "198.51.100.4"));
        assertThat(count(seenAt, uni.id(), sam.id())).isGreaterThan(backdated);

        // the page remembers the address at a first visit (the code made then), and the API as well
        User ana = fixtures.verifiedStudent(uni);
        SignedIn anaSession = sessions.signIn(ana);
        assertThat(page("/referrals", anaSession).code()).isEqualTo(200);
        String remembered = "SELECT count(*) FROM referral_codes WHERE university_id = ? AND user_id = ?"
                + " AND last_address IS NOT NULL AND last_seen_at > now() - interval '1 minute'";
        assertThat(count(remembered, uni.id(), ana.id())).isOne();
        execute(
                "UPDATE referral_codes SET last_seen_at = now() - interval '61 seconds'"
                        + " WHERE university_id = ? AND user_id = ?",
                uni.id(),
                ana.id());
        assertThat(page("/api/v1/referrals", anaSession).code()).isEqualTo(200);
        assertThat(count(remembered, uni.id(), ana.id())).isOne();
    }

    @Test
    void selfReferralsAreRefusedOrHeldForReviewAndStaffDecide() {
        String domain = uni.allowedDomains().get(0);
        int n = SEQUENCE.incrementAndGet();
        User pat = signedUp("pat" + n + "@" + domain);
        User alias = signedUp("pat" + n + "+second@" + domain);
        Referral sameMailbox = record(alias, codeOf(pat), null).orElseThrow();
        assertThat(sameMailbox.status()).isEqualTo(ReferralStatus.REFUSED);
        assertThat(sameMailbox.flag()).contains("same mailbox");

        assertThat(record(pat, codeOf(pat), null)).as("one's own code").isEmpty();

        User sam = fixtures.verifiedStudent(uni);
        String samCode = codeOf(sam);
        fixtures.run(uni, () -> referrals.seen(uni.id(), sam.id(), "203.0.113.9"));
        Referral sameAddress =
                record(fixtures.verifiedStudent(uni), samCode, "203.0.113.9").orElseThrow();
        assertThat(sameAddress.status()).isEqualTo(ReferralStatus.REVIEW);
        assertThat(record(fixtures.verifiedStudent(uni), samCode, "198.51.100.4")
                        .orElseThrow()
                        .status())
                .isEqualTo(ReferralStatus.HELD);

        User staff = fixtures.staff(uni);
        String staffPage = page("/staff/referrals", sessions.signIn(staff)).body();
        assertThat(staffPage)
                .contains("data-review=\"" + sameAddress.id() + "\"")
                .contains("203.0.113.9");
        HttpResponse<String> noReason = post(
                "/staff/referrals/" + sameAddress.id() + "/decision",
                sessions.signIn(staff),
                Map.of("decision", "reject", "reason", " "));
        assertThat(noReason.code()).isEqualTo(422);
        assertThat(noReason.body()).contains("Give the reason for rejecting");
        HttpResponse<String> approved = post(
                "/staff/referrals/" + sameAddress.id() + "/decision",
                sessions.signIn(staff),
                Map.of("decision", "approve"));
        assertThat(approved.code()).isEqualTo(303);
        assertThat(ofReferee(sameAddress.refereeId()).status()).isEqualTo(ReferralStatus.HELD);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'referrals.approved'"
                                + " AND details->>'referral' = ?",
                        uni.id(),
                        Long.toString(sameAddress.id())))
                .isEqualTo(1);
    }

    @Test
    void gmailDotsAndTagsAreOneMailbox() {
        assertThat(SameAddress.mailbox("A.Lee+jobs@GMail.com")).isEqualTo("alee@gmail.com");
        assertThat(SameAddress.same("a.lee@googlemail.com", "alee+x@gmail.com")).isTrue();
        assertThat(SameAddress.same("a.lee@uni.edu", "alee@uni.edu")).isFalse();
        assertThat(SameAddress.same("pat+2@uni.edu", "PAT@uni.edu")).isTrue();
    }

    @Test
    void theMonthlyCapAndOneRewardPerReferee() {
        University capped = fixtures.university();
        fixtures.run(
                capped,
                () -> transactions.executeWrite(status -> {
                    store.saveSettings(
                            capped.id(), new ReferralSettings(true, Currency.SILVER, 5, 5, 14, 2, 24), "test");
                    return null;
                }));
        User referrer = fixtures.verifiedStudent(capped);
        String code = fixtures.in(
                capped, () -> referrals.codeFor(capped.id(), referrer.id()).code());
        User first = fixtures.verifiedStudent(capped);
        assertThat(recordIn(capped, first, code).orElseThrow().status()).isEqualTo(ReferralStatus.HELD);
        assertThat(recordIn(capped, fixtures.verifiedStudent(capped), code)
                        .orElseThrow()
                        .status())
                .isEqualTo(ReferralStatus.HELD);
        Referral third =
                recordIn(capped, fixtures.verifiedStudent(capped), code).orElseThrow();
        assertThat(third.status()).isEqualTo(ReferralStatus.CAPPED);
        assertThat(third.flag()).contains("cap of 2");

        User anotherReferrer = fixtures.verifiedStudent(capped);
        String anotherCode = fixtures.in(
                capped,
                () -> referrals.codeFor(capped.id(), anotherReferrer.id()).code());
        assertThat(recordIn(capped, first, anotherCode))
                .as("a second reward for the same friend")
                .isEmpty();
    }

    @Test
    void thePageCountsEveryFriendAndRewardNotOnlyTheHundredListed() {
        University many = fixtures.university();
        fixtures.run(
                many,
                () -> transactions.executeWrite(status -> {
                    store.saveSettings(
                            many.id(), new ReferralSettings(true, Currency.SILVER, 5, 5, 14, 500, 24), "test");
                    return null;
                }));
        User referrer = fixtures.verifiedStudent(many);
        String code = fixtures.in(
                many, () -> referrals.codeFor(many.id(), referrer.id()).code());
        for (int i = 0; i <= MyReferrals.LISTED; i++) {
            assertThat(recordIn(many, fixtures.verifiedStudent(many), code)).isPresent();
        }
        SignedIn signedIn = sessions.signIn(referrer);
        // the totals were summed over the newest 100 only
        assertThat(page(many, "/referrals", signedIn).body())
                .contains("101 friends joined")
                .contains("505 silver");
        String json = page(many, "/api/v1/referrals", signedIn).body();
        assertThat(json).contains("\"signUps\":101").contains("\"pending\":505");
        assertThat(json.split("\"referralId\"", -1)).as("friends listed").hasSize(MyReferrals.LISTED + 1);
    }

    @Test
    void anotherUniversitysReferralsAreAbsentOrNotFound() {
        User referrer = fixtures.verifiedStudent(uni);
        Referral referral = record(fixtures.verifiedStudent(uni), codeOf(referrer), "192.0.2.1")
                .orElseThrow();
        User otherStaff = fixtures.staff(other);
        SignedIn otherSession = sessions.signIn(otherStaff);
        HttpResponse<String> foreign = Http.exchange(
                client,
                HttpRequest.POST(
                                "/staff/referrals/" + referral.id() + "/decision",
                                Map.of("decision", "reject", "reason", "x", "csrf", otherSession.csrf()))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", otherSession.cookie())
                        .header("Host", hostOf(other.subdomain())));
        assertThat(foreign.code()).as(foreign.body()).isEqualTo(404);
        assertThat(ofReferee(referral.refereeId()).status()).isEqualTo(ReferralStatus.HELD);
        String otherPage = Http.exchange(
                        client,
                        HttpRequest.GET("/staff/referrals")
                                .accept(MediaType.TEXT_HTML)
                                .header("Cookie", otherSession.cookie())
                                .header("Host", hostOf(other.subdomain())))
                .body();
        assertThat(otherPage).doesNotContain(referrer.email());
        HttpResponse<String> crossHost = page("/referrals", otherSession);
        assertThat(crossHost.code()).isIn(303, 403, 404);
        assertThat(String.valueOf(crossHost.body())).doesNotContain(referrer.email());
    }

    // ---- helpers ----

    private Referral ofReferee(User referee) {
        return ofReferee(referee.id());
    }

    private Referral ofReferee(long refereeId) {
        return fixtures.in(uni, () -> referrals.ofReferee(uni.id(), refereeId)).orElseThrow();
    }

    private String codeOf(User user) {
        University of = user.universityId() == uni.id() ? uni : other;
        return fixtures.in(of, () -> referrals.codeFor(of.id(), user.id()).code());
    }

    private Optional<Referral> record(User referee, String code, String address) {
        return fixtures.in(uni, () -> referrals.recordSignUp(uni.id(), referee.id(), code, address, Instant.now()));
    }

    private Optional<Referral> recordIn(University university, User referee, String code) {
        return fixtures.in(
                university, () -> referrals.recordSignUp(university.id(), referee.id(), code, null, Instant.now()));
    }

    private User signedUp(String email) {
        return fixtures.in(uni, () -> signIns.completeEmailSignIn(uni, email));
    }

    private long silver(User user) {
        return fixtures.in(uni, () -> wallets.balances(uni.id(), user.id()).of(Currency.SILVER));
    }

    private void assertClean() {
        LedgerAudit.Report report = fixtures.in(uni, () -> ledgerAudit.audit(uni.id()));
        assertThat(report.problems()).isEmpty();
        assertThat(report.clean()).isTrue();
    }

    private void event(Object event) {
        fixtures.run(uni, () -> transactions.executeWrite(status -> outbox.record(uni.id(), event)));
    }

    private void awaitFirstPayment(User referee, UUID payment) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> payment.equals(ofReferee(referee.id()).firstPaymentId()));
    }

    private Referral awaitStatus(User referee, ReferralStatus wanted) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> ofReferee(referee.id()), referral -> referral.status() == wanted);
    }

    private void signUp(Browser browser, String email) throws Exception {
        Browser.Response page = browser.get("/signin");
        Browser.Response sent = browser.postForm("/signin", Map.of("email", email, "csrf", page.csrf()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        MimeMessage message = mailServer.awaitNext(email);
        String code = TestMailServer.text(message).replaceAll("(?s).*?\\b([0-9]{6})\\b.*", "$1");
        Browser.Response signedIn =
                browser.postForm("/signin/verify", Map.of("email", email, "code", code, "csrf", sent.csrf()));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
    }

    private HttpResponse<String> page(String path, SignedIn session) {
        return page(uni, path, session);
    }

    private HttpResponse<String> page(University university, String path, SignedIn session) {
        MutableHttpRequest<?> request = HttpRequest.GET(path)
                .accept(path.startsWith("/api/") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                .header("Host", hostOf(university.subdomain()))
                .header("Cookie", session.cookie());
        return Http.exchange(client, request);
    }

    private HttpResponse<String> post(String path, SignedIn session, Map<String, String> form) {
        Map<String, String> body = new HashMap<>(form);
        body.put("csrf", session.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST(path, body)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }
}
