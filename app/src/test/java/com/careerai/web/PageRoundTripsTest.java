package com.careerai.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.Navigation;
import com.careerai.testing.ProtocolSyncs;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every page a signed-in user's navigation links to, on the demo university's data, costs PostgreSQL
 * one round trip per statement it sends (statements sent together count as one, ADR 0076) and one per
 * commit, also once pgjdbc has server-prepared its statements (its fifth use on a connection). A part
 * of a statement sent together that pgjdbc must describe (a parameter bound without a type: a
 * {@code Timestamp}, a {@code null} of type OTHER) gets a Sync of its own from then on, and a statement
 * executed again and again (N + 1) a Sync each time: neither shows in statement counts alone.
 *
 * <p>The pool lends the first idle connection, so one request after another reuses the same and the
 * five uses are that connection's. A request that still meets a statement's fifth use on a connection
 * (pgjdbc describes it then, once) is not the steady state: a page whose first measured request
 * disagrees is measured once more, and that request is judged.
 */
@MicronautTest(transactional = false)
class PageRoundTripsTest extends IntegrationTest {
    /** pgjdbc's prepareThreshold (5) uses, and one more. */
    private static final int WARM_UPS = 6;

    private static final Pattern DETAIL_LINK = Pattern.compile("href=\"(/[a-z/-]*/[0-9a-f-]*\\d[0-9a-f-]*)\"");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestSessions sessions;

    @Inject
    StatementCounter counter;

    @Inject
    UniversityAdministration universities;

    @Inject
    UserAccounts users;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.demo", "true",
                "careerai.test.count-statements", "true");
    }

    @Test
    void everyStudentPageSendsOneSyncPerRoundTrip() {
        assertOneSyncPerRoundTrip("student", "/");
    }

    @Test
    void everyCounsellorPageSendsOneSyncPerRoundTrip() {
        assertOneSyncPerRoundTrip("coach", "/counsellor");
    }

    @Test
    void everyStaffPageSendsOneSyncPerRoundTrip() {
        assertOneSyncPerRoundTrip("staff", "/staff");
    }

    @Test
    void everyDetailPageAStudentReachesIsOneRoundTrip() {
        assertDetailPages(
                "student",
                "/",
                "/runs/{id}",
                "/courses/{id}",
                "/resources/{id}",
                "/support/{id}",
                "/counselling/book/{id}",
                "/appointments/{id}");
    }

    @Test
    void everyDetailPageACounsellorReachesIsOneRoundTrip() {
        assertDetailPages("coach", "/counsellor", "/appointments/{id}", "/batches/{id}", "/courses/{id}");
    }

    @Test
    void everyDetailPageStaffReachIsOneRoundTrip() {
        assertDetailPages(
                "staff",
                "/staff",
                "/staff/students/{id}",
                "/staff/courses/{id}",
                "/staff/batches/{id}",
                "/staff/support/{id}",
                "/staff/leads/{id}",
                "/staff/announcements/{id}",
                "/staff/payments/{id}",
                "/appointments/{id}",
                "/resources/{id}");
    }

    @Test
    void anInstructorsBatchPageReadsEveryStartedSessionsRegisterAtOnce() {
        University demo = demo();
        SignedIn coach = signIn(demo, "coach");
        long batch = count("SELECT min(id) FROM batches WHERE instructor_id = ?", demoCoach());
        String page = "/batches/" + batch;
        // the demo's sessions start this week, from today: every one moved a day past now first, so that none
        // has started whatever the hour the test runs at
        long ahead = count(
                "SELECT CASE WHEN min(starts_at) <= now() THEN extract(epoch FROM now() - min(starts_at))::bigint"
                        + " + 86400 ELSE 0 END FROM batch_sessions WHERE batch_id = ?",
                batch);
        moveSessions(batch, ahead);
        try {
            warmThenGet(demo, coach, page, MediaType.TEXT_HTML_TYPE);
            assertThat(counter.statements())
                    .as("round trips before any session started")
                    .hasSize(1);
        } finally {
            moveSessions(batch, -ahead);
        }
        // every session of the batch moved into the past, then back: each started session shows its register
        long shift = count(
                "SELECT extract(epoch FROM max(starts_at) - now())::bigint + 86400"
                        + " FROM batch_sessions WHERE batch_id = ?",
                batch);
        moveSessions(batch, -shift);
        try {
            long started =
                    count("SELECT count(*) FROM batch_sessions WHERE batch_id = ? AND status = 'SCHEDULED'", batch);
            assertThat(started).as("sessions started").isGreaterThanOrEqualTo(3);
            String body = warmThenGet(demo, coach, page, MediaType.TEXT_HTML_TYPE);
            assertThat(body.split("data-attendance=\"", -1))
                    .as("attendance figures shown")
                    .hasSize((int) started + 1);
            assertThat(body.split("data-form=\"attendance\"", -1))
                    .as("registers shown: the latest session's")
                    .hasSize(2);
            // the page's reads with the roster and every started session's figures, then the roster's names with
            // the latest session's register: they were a roster (two statements) and a register for each started
            // session, then every session's register read whole
            List<String> roundTrips = counter.statements();
            assertThat(roundTrips).as("round trips: %s", roundTrips).hasSize(2);
            assertThat(roundTrips.get(0))
                    .contains("JOIN session_attendance", "FROM enrolments", "FROM notifications")
                    .doesNotContain("FROM session_attendance");
            assertThat(roundTrips.get(1)).contains("FROM session_attendance", "FROM users");
            assertThat(counter.transactions()).isZero();
        } finally {
            moveSessions(batch, shift);
        }
    }

    /** Moves every session of {@code batch} {@code seconds} later (earlier when negative). */
    private void moveSessions(long batch, long seconds) {
        execute(
                "UPDATE batch_sessions SET starts_at = starts_at + make_interval(secs => ?),"
                        + " ends_at = ends_at + make_interval(secs => ?) WHERE batch_id = ?",
                seconds,
                seconds,
                batch);
    }

    @Test
    void anAssignmentsPageIsTwoRoundTripsForAClassmateAndThreeForItsTeachers() {
        University demo = demo();
        String page = "/assignments/" + count("SELECT min(id) FROM assignments WHERE university_id = ?", demo.id());
        // a classmate: the assignment, its attachments, their extension and attempts with the header's reads; then
        // who may open its batch. They were 10 round trips: 6 statements, 4 of them in read transactions (4 commits)
        List<String> classmate = warmRoundTrips(demo, "ava", page, "First analysis: monthly revenue");
        assertThat(classmate).as("a classmate's round trips: %s", classmate).hasSize(2);
        assertThat(classmate.get(0))
                .contains(
                        "FROM assignments",
                        "FROM course_materials",
                        "FROM assignment_extensions",
                        "FROM submissions",
                        "FROM credit_wallets");
        assertThat(classmate.get(1)).contains("FROM batches", "FROM courses", "FROM enrolments");
        for (String teacher : List.of("coach", "staff")) {
            // everyone's attempts in the first; the batch with its roster; then the roster's names. They were 10: 7
            // statements, 3 commits
            List<String> roundTrips = warmRoundTrips(demo, teacher, page, "Give an extension", "Ava Patel");
            assertThat(roundTrips)
                    .as("%s's round trips: %s", teacher, roundTrips)
                    .hasSize(3);
            assertThat(roundTrips.get(0)).contains("FROM assignments", "FROM submissions", "FROM notifications");
            assertThat(roundTrips.get(1)).contains("FROM batches", "FROM enrolments");
            assertThat(roundTrips.get(2)).contains("FROM \"users\"");
        }
    }

    @Test
    void aBatchsAssignmentsApiIsTwoRoundTripsHoweverManyAssignmentsItHas() {
        University demo = demo();
        long batch = count(
                "SELECT batch_id FROM assignments WHERE id = (SELECT min(id) FROM assignments WHERE university_id = ?)",
                demo.id());
        String path = "/api/v1/batches/" + batch + "/assignments";
        long assignments = count("SELECT count(*) FROM assignments WHERE batch_id = ?", batch);
        // the access and the assignments; then each one's attachments and a student's extension and attempts or a
        // teacher's first page and count. They were 2 + 3 an assignment: 5 for the demo's one, 8 for two
        assertApiRoundTrips(demo, path, assignments);
        execute(
                "INSERT INTO assignments (university_id, batch_id, title, instructions, due_at, max_attempts, max_score,"
                        + " created_by) SELECT university_id, batch_id, 'A second piece', 'More work',"
                        + " due_at + interval '7 days', 1, 10, created_by FROM assignments WHERE batch_id = ?"
                        + " ORDER BY id LIMIT 1",
                batch);
        try {
            assertApiRoundTrips(demo, path, assignments + 1);
        } finally {
            execute("DELETE FROM assignments WHERE batch_id = ? AND title = 'A second piece'", batch);
        }
    }

    private void assertApiRoundTrips(University demo, String path, long assignments) {
        for (String who : List.of("ava", "coach", "staff")) {
            SignedIn signedIn = signIn(demo, who);
            for (int use = 0; use < WARM_UPS; use++) {
                assertThat(get(demo, signedIn, path, MediaType.APPLICATION_JSON_TYPE)
                                .body())
                        .as("%s of %s", path, who)
                        .contains("\"maxAttempts\"");
            }
            counter.reset();
            String body;
            int syncs;
            try (ProtocolSyncs counted = ProtocolSyncs.count()) {
                body = get(demo, signedIn, path, MediaType.APPLICATION_JSON_TYPE)
                        .body();
                syncs = counted.syncsOn(counter.threads());
            }
            assertThat(body.split("\"maxAttempts\"", -1))
                    .as("%s's assignments", who)
                    .hasSize((int) assignments + 1);
            List<String> roundTrips = counter.statements();
            assertThat(roundTrips).as("%s's round trips: %s", who, roundTrips).hasSize(2);
            assertThat(roundTrips.get(0)).contains("FROM batches", "FROM assignments");
            assertThat(roundTrips.get(1)).contains("FROM course_materials", "FROM submissions");
            assertThat(syncs).as("%s's Syncs", who).isEqualTo(2);
            assertThat(counter.transactions())
                    .as("transactions begun for %s", who)
                    .isZero();
        }
    }

    @Test
    void aPaymentsReceiptCheckoutReturnAndRazorpayPageAreOneRoundTripEach() {
        University demo = demo();
        String session = "cs_demo_refunded_" + demo.id();
        String receipt = "/billing/payments/"
                + java.util.UUID.nameUUIDFromBytes(session.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "/receipt";
        // the payment and its invoice with the header's reads: they were 3 round trips and a commit (the invoice
        // in a read transaction)
        assertThat(warmRoundTrips(demo, "student", receipt, "Receipt"))
                .singleElement()
                .asString()
                .contains("FROM payments", "FROM invoices", "FROM credit_wallets");
        // where Checkout returns to, paid or not, and the payment to Razorpay's checkout: the payment with the
        // header's reads, they were 2
        for (String back : List.of("/billing/success?session_id=", "/billing/cancelled?session_id=")) {
            assertThat(warmRoundTrips(demo, "student", back + session, "10 gold credits"))
                    .singleElement()
                    .asString()
                    .contains("FROM payments", "FROM credit_wallets");
        }
        java.util.UUID pending = java.util.UUID.randomUUID();
        execute(
                "INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description,"
                        + " amount_cents, currency, status, credits_currency, credits, provider)"
                        + " SELECT university_id, ?, id, ?, 'PACK', 'gold-10', '10 gold credits', 900, 'inr',"
                        + " 'PENDING', 'GOLD', 10, 'razorpay' FROM users WHERE university_id = ? AND email = 'student@demo.edu'",
                pending,
                "order_round_trips_" + pending,
                demo.id());
        assertThat(warmRoundTrips(demo, "student", "/billing/razorpay/" + pending, "10 gold credits"))
                .singleElement()
                .asString()
                .contains("FROM payments", "FROM credit_wallets");
    }

    @Test
    void aToolsFormIsOneRoundTrip() {
        // the saved resumes to pick from, the tool's latest runs and the header's reads (the balances the costs are
        // checked against among them): they were 4 round trips
        assertOneRoundTripWithoutATransaction(
                "/tools/cv-analysis",
                "name=\"formToken\"",
                "FROM saved_resumes",
                "FROM ai_runs",
                "FROM credit_wallets");
    }

    @Test
    void whatACounsellorSharedIsOneRoundTrip() {
        // the resources with their tags' ids, the categories naming them and the header's reads: they were 4 round
        // trips, a read transaction of three statements (resources, their tags, the tags' names)
        assertOneRoundTripWithoutATransactionFor(
                "coach",
                "/resources/mine",
                "Resources you shared",
                "FROM resources",
                "FROM interests",
                "FROM notifications");
    }

    @Test
    void aCounsellorsPageOfOneStudentIsOneRoundTrip() {
        // whether they met, the counsellor's notes, their appointments with the student's and counsellor's names
        // and the header's reads: they were 6 round trips and a read transaction
        long met = count("SELECT min(student_id) FROM appointments WHERE counsellor_id = ?", demoCoach());
        assertOneRoundTripWithoutATransactionFor(
                "coach",
                "/counsellor/students/" + met,
                "Your private notes",
                "FROM counsellor_notes",
                "FROM appointments",
                "FROM users",
                "FROM notifications");
    }

    @Test
    void theLeadBoardIsOneRoundTrip() {
        University demo = demo();
        SignedIn staff = signIn(demo, "staff");
        for (String board : List.of("/staff/leads", "/staff/leads?status=NEW&page=1")) {
            assertThat(warmThenGet(demo, staff, board, MediaType.TEXT_HTML_TYPE))
                    .contains("median time to first message");
            // the counts by column, a page of each column shown, the speed to lead and the header's reads;
            // they were 11 round trips, each a transaction of its own: a count and a list per column
            assertThat(counter.statements())
                    .as("round trips of %s: %s", board, counter.statements())
                    .hasSize(1);
            assertThat(counter.commits()).as("commits of %s", board).isZero();
        }
    }

    @Test
    void theCoursesPageIsOneRoundTrip() {
        // the count, the page of courses and the header's reads: they were a read transaction each for
        // the count and the page, then the header's (3 round trips, 2 commits)
        assertOneRoundTripWithoutATransaction("/courses", "Python", "FROM courses", "FROM notifications");
    }

    @Test
    void theNotificationsPageIsOneRoundTrip() {
        // the page of notifications, the unread count and the header's balances: they were a read
        // transaction (rows, count) and then the balances (3 round trips, 1 commit)
        assertOneRoundTripWithoutATransaction(
                "/notifications", "Notifications", "FROM notifications", "FROM credit_wallets");
    }

    @Test
    void theStaffHomeIsOneRoundTrip() {
        // the week's figures (students, runs, credits), every panel's count and the header's reads: they were
        // 11 round trips, each module's figure in a read transaction of its own
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff",
                "Counsellor applications",
                "FROM users",
                "FROM ai_runs",
                "FROM credit_transactions",
                "FROM counsellors",
                "FROM tickets",
                "FROM submissions",
                "FROM notifications");
    }

    @Test
    void theAnnouncementsListIsOneRoundTrip() {
        // the page of announcements with their read counts, the interests and cohorts of the form and the
        // header's reads: they were 8 round trips, a count per announcement among them (N + 1)
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff/announcements",
                "Spring careers fair",
                "FROM announcements",
                "FROM interests",
                "FROM batches",
                "FROM notifications");
    }

    @Test
    void staffsReferralsPageIsTwoRoundTrips() {
        // the counts, top referrers, those to review, the page of all, the settings and the header's reads;
        // then every name shown. They were 9: a read transaction of seven statements (a count the counts
        // by status already gave among them) and the header's
        assertReadsThenNames(
                roundTripsWithoutATransaction("staff", "/staff/referrals", "2 referrals", "Riya"),
                "FROM referrals",
                "FROM referral_settings",
                "FROM notifications");
    }

    @Test
    void theAuditLogPageIsTwoRoundTrips() {
        // the filter's actions, the count, the page of entries and the header's reads; then the actors' names.
        // They were 8: three read transactions and the header's
        assertReadsThenNames(
                roundTripsWithoutATransaction("staff", "/staff/audit", "Audit log"),
                "WITH RECURSIVE",
                "FROM audit_log",
                "FROM notifications");
    }

    @Test
    void staffsCounsellorsPageIsOneRoundTrip() {
        // the pending, approved and inactive counsellors, every rating's tally and the header's reads: they were
        // 8 round trips, the three lists a read transaction each
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff/counsellors",
                "Casey Coach",
                "FROM counsellors",
                "FROM appointment_feedback",
                "FROM notifications");
    }

    @Test
    void staffsAppointmentsPageSendsTheListWithTheHeadersReads() {
        // the appointments, the counsellors to filter by and the header's reads; the rows' counsellors with the
        // students' names. They were 7: the list and the filter's counsellors a read transaction each; then 3,
        // the students' names a round trip after the counsellors'
        List<String> roundTrips = roundTripsWithoutATransaction("staff", "/staff/appointments", "Casey Coach");
        assertThat(roundTrips).as("round trips: %s", roundTrips).hasSize(2);
        assertThat(roundTrips.get(0)).contains("FROM appointments", "FROM counsellors", "FROM notifications");
        assertThat(roundTrips.get(1)).contains("FROM counsellors", "FROM users");
    }

    @Test
    void aCounsellorsAppointmentsAreTwoRoundTrips() {
        // their appointments and the header's reads; then the counsellor's profile with the students' names
        // (they were 3: the names a round trip after the profile)
        List<String> roundTrips = roundTripsWithoutATransaction("coach", "/appointments", "Your appointments");
        assertThat(roundTrips).as("round trips: %s", roundTrips).hasSize(2);
        assertThat(roundTrips.get(0)).contains("FROM appointments", "FROM notifications");
        assertThat(roundTrips.get(1)).contains("FROM counsellors", "FROM users");
    }

    @Test
    void aStudentsSupportTicketsAndStaffsCoursesAreOneRoundTripEach() {
        // the tickets and the header's reads: they were a read transaction, then the header's (3 round trips)
        assertOneRoundTripWithoutATransaction("/support", "Support", "FROM tickets", "FROM credit_wallets");
        // the count, the courses and the header's reads: they were 3 (the two reads one by one)
        assertOneRoundTripWithoutATransactionFor(
                "staff", "/staff/courses", "Courses", "count(*)", "FROM courses", "FROM notifications");
    }

    @Test
    void staffsResourceQueueIsOneRoundTrip() {
        // the approval setting, the pending resources with their tags, the categories naming them and the
        // header's reads: they were 7 round trips, two read transactions and the tags' two statements
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff/resources",
                "Resources to review",
                "FROM resource_settings",
                "FROM resources",
                "FROM interests",
                "FROM notifications");
    }

    @Test
    void staffsSupportQueueSiteAndInterestsPagesAreOneRoundTripEach() {
        // each was a read transaction or two and the header's: 5 round trips
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff/support",
                "Support queue",
                "FROM support_settings",
                "FROM tickets",
                "FROM notifications");
        assertOneRoundTripWithoutATransactionFor(
                "staff", "/staff/site", "Public site", "FROM site_texts", "FROM site_faq", "FROM notifications");
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff/interests",
                "Interests",
                "JOIN student_interests",
                "FROM interests",
                "FROM notifications");
    }

    @Test
    void staffsPaymentsListIsTwoRoundTrips() {
        // the counts by status, the page of payments and the header's reads; then the students' names. They
        // were 5: a read transaction of three statements and the header's
        assertReadsThenNames(
                roundTripsWithoutATransaction("staff", "/staff/payments", "Payments at"),
                "GROUP BY status",
                "FROM payments",
                "FROM notifications");
    }

    @Test
    void theProfilePageIsOneRoundTrip() {
        // the resumes, the categories to pick from and the header's reads: they were a read transaction for the
        // resumes, then the categories with the header's (4 round trips)
        assertOneRoundTripWithoutATransaction(
                "/profile", "Your profile", "FROM saved_resumes", "FROM interests", "FROM credit_wallets");
    }

    @Test
    void aStudentsAppointmentsAreTwoRoundTrips() {
        // the appointments and the header's reads; then their counsellors, once for both lists. They were 4: a
        // read transaction for the appointments, the counsellors, the header's
        List<String> roundTrips = roundTripsWithoutATransaction("student", "/appointments", "Your appointments");
        assertThat(roundTrips).as("round trips: %s", roundTrips).hasSizeLessThanOrEqualTo(2);
        assertThat(roundTrips.get(0)).contains("FROM appointments", "FROM credit_wallets");
    }

    @Test
    void staffsStudentsListIsOneRoundTrip() {
        // the count, the page of students and the header's reads: they were a read transaction of two statements,
        // then the header's (4 round trips)
        assertOneRoundTripWithoutATransactionFor(
                "staff", "/staff/students", "History Student", "SELECT count(*) FROM users", "FROM notifications");
    }

    @Test
    void staffsTeamAndCreditsPagesAreOneRoundTripEach() {
        // the team and its invitations waiting with the header's reads: they were 3 round trips, the invitations
        // (every one the university ever sent, filtered in Java) a read of their own
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff/team",
                "Staff and counsellors",
                "FROM users",
                "FROM invitations",
                "FROM notifications");
        // the allowance read afresh, the refill, the latest grants and the header's: they were 4
        assertOneRoundTripWithoutATransactionFor(
                "staff",
                "/staff/credits",
                "Default allowance",
                "FROM universities",
                "FROM credit_refill_settings",
                "FROM credit_grant_batches",
                "FROM notifications");
    }

    @Test
    void theBillingPageIsOneRoundTrip() {
        // the provider, subscriptions, the payments' customer and history and the header's reads: they were 6
        // round trips, the subscriptions read twice (for the plan, then for the customer)
        assertOneRoundTripWithoutATransaction(
                "/billing", "Payment history", "FROM subscriptions", "FROM payments", "FROM notifications");
    }

    @Test
    void theReferralsPageIsTwoRoundTripsWithoutATransaction() {
        // the code, settings, friends, totals, own referral and the header's reads; the friends' names. They
        // were 9: a write transaction for the code, a read transaction for the rest (a statement each), a write
        // transaction for the address the link was asked from, which is written no more while the code's row
        // holds it from within the last minute (the warm-ups asked from this address)
        List<String> roundTrips = roundTripsWithoutATransaction("riya", "/referrals", "2 friends joined", "Sam");
        assertThat(roundTrips).as("round trips: %s", roundTrips).hasSize(2);
        assertThat(roundTrips.get(0)).contains("FROM referral_codes", "FROM referrals", "FROM credit_wallets");
        assertThat(roundTrips.get(1)).contains("FROM \"users\"");
    }

    @Test
    void theAnalyticsPageIsOneRoundTrip() {
        University demo = demo();
        SignedIn staff = signIn(demo, "staff");
        assertThat(warmThenGet(demo, staff, "/staff/analytics", MediaType.TEXT_HTML_TYPE))
                .contains("Active students");
        // every feature's figures of the period and the one before, and the header's reads: each source
        // used to read in a read-only transaction of its own (20 BEGIN / COMMIT pairs and 20 check-outs),
        // and then statement by statement on one connection (59 round trips)
        assertThat(counter.statements())
                .as("round trips: %s", counter.statements())
                .hasSize(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
        assertThat(counter.connections()).as("connections checked out").isEqualTo(1);
    }

    @Test
    void theAnalyticsApiReadsEveryRangeInOneRoundTrip() {
        University demo = demo();
        SignedIn staff = signIn(demo, "staff");
        // by day; by week, cut at both ends; by month, a year and more (whole weeks and months read from
        // their kept counts, the cut buckets from their days): a source's reads differ with the range
        for (String range : List.of(
                "from=2026-11-01&to=2026-11-30", "from=2026-03-04&to=2026-05-20", "from=2025-01-15&to=2026-11-30")) {
            String path = "/api/v1/staff/analytics?" + range;
            assertThat(warmThenGet(demo, staff, path, MediaType.APPLICATION_JSON_TYPE))
                    .contains("\"active-students\"");
            assertThat(counter.statements())
                    .as("round trips of %s: %s", range, counter.statements())
                    .hasSize(1);
            assertThat(counter.connections()).as("connections of %s", range).isEqualTo(1);
        }
        // one figure's CSV: the period's reads only
        String csv = "/api/v1/staff/analytics/sign-ups.csv";
        assertThat(warmThenGet(demo, staff, csv, MediaType.of("text/csv"))).startsWith("Day,");
        assertThat(counter.statements())
                .as("round trips of a CSV: %s", counter.statements())
                .hasSize(1);
    }

    /**
     * The body of a second request for {@code path}, the counter holding that request's figures only (the
     * first warms the node's caches).
     */
    private String warmThenGet(University demo, SignedIn who, String path, MediaType accept) {
        get(demo, who, path, accept);
        counter.reset();
        return get(demo, who, path, accept).body();
    }

    /**
     * The round trips of {@code who}'s {@code path} (which shows {@code shows}) once pgjdbc has prepared its
     * statements: one Sync each, no transaction.
     */
    private List<String> warmRoundTrips(University demo, String who, String path, String... shows) {
        SignedIn signedIn = signIn(demo, who);
        for (int use = 0; use < WARM_UPS; use++) {
            assertThat(get(demo, signedIn, path).body())
                    .as("%s of %s", path, who)
                    .contains(shows);
        }
        Measured measured = measure(demo, signedIn, path);
        assertThat(measured.agrees()).as("Syncs of %s: %s", path, measured).isTrue();
        assertThat(counter.transactions()).as("transactions begun by %s", path).isZero();
        return measured.statements();
    }

    /**
     * The demo student's {@code path}, warm, is one round trip (its reads and the header's, naming
     * {@code reads}) without a transaction, and shows {@code shows}.
     */
    private void assertOneRoundTripWithoutATransaction(String path, String shows, String... reads) {
        assertOneRoundTripWithoutATransactionFor("student", path, shows, reads);
    }

    /** {@link #assertOneRoundTripWithoutATransaction(String, String, String...)} for the demo's {@code who}. */
    private void assertOneRoundTripWithoutATransactionFor(String who, String path, String shows, String... reads) {
        List<String> roundTrips = roundTripsWithoutATransaction(who, path, shows);
        assertThat(roundTrips).as("round trips of %s: %s", path, roundTrips).hasSize(1);
        assertThat(roundTrips.get(0)).contains(reads);
    }

    /** Two round trips: the page's reads (naming {@code reads}) with the header's, then the names shown. */
    private static void assertReadsThenNames(List<String> roundTrips, String... reads) {
        assertThat(roundTrips).as("round trips: %s", roundTrips).hasSize(2);
        assertThat(roundTrips.get(0)).contains(reads);
        assertThat(roundTrips.get(1)).contains("FROM \"users\"");
    }

    /** An appointment's counsellor and student, and a payment's names, are read once its row is known. */
    private static final Set<String> TWO_ROUND_TRIPS = Set.of("/appointments/{id}", "/staff/payments/{id}");

    private static final Pattern ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");

    /**
     * Every detail page (a path with an id) {@code who}'s navigation links to, and those pages link to, one
     * page of each shape: warm, it is one round trip (two for {@link #TWO_ROUND_TRIPS}) without a
     * transaction, one Sync each, and {@code expected} shapes are among them.
     */
    private void assertDetailPages(String who, String home, String... expected) {
        University demo = demo();
        SignedIn signedIn = signIn(demo, who);
        Set<String> pages = new LinkedHashSet<>();
        pages.add(home);
        pages.addAll(Navigation.linksOf(get(demo, signedIn, home).body()));
        Map<String, String> details = new java.util.TreeMap<>();
        for (String page : pages) {
            detailLinks(get(demo, signedIn, page).body(), details);
        }
        for (String page : List.copyOf(details.values())) {
            detailLinks(get(demo, signedIn, page).body(), details);
        }
        assertThat(details).as("detail pages of %s", who).containsKeys(expected);
        List<String> wrong = new ArrayList<>();
        details.forEach((shape, page) -> {
            for (int use = 0; use < WARM_UPS; use++) {
                get(demo, signedIn, page);
            }
            Measured measured = measure(demo, signedIn, page);
            System.out.println(who + " " + page + ": " + measured);
            int allowed = TWO_ROUND_TRIPS.contains(shape) ? 2 : 1;
            if (!measured.agrees() || measured.statements().size() > allowed || measured.commits() > 0) {
                wrong.add(page + ": " + measured);
            }
        });
        assertThat(wrong)
                .as("detail pages of more round trips, Syncs or commits than they should")
                .isEmpty();
    }

    /** Adds the detail links of {@code html} to {@code details}, by shape ({@code /courses/{id}}), the first kept. */
    private static void detailLinks(String html, Map<String, String> details) {
        Matcher link = DETAIL_LINK.matcher(html);
        while (link.find()) {
            details.putIfAbsent(ID.matcher(link.group(1)).replaceAll("{id}"), link.group(1));
        }
    }

    /**
     * The statements (round trips) of the demo's {@code who}'s warm {@code path}, which shows {@code shows}
     * and begins no transaction.
     */
    private List<String> roundTripsWithoutATransaction(String who, String path, String... shows) {
        University demo = demo();
        assertThat(warmThenGet(demo, signIn(demo, who), path, MediaType.TEXT_HTML_TYPE))
                .contains(shows);
        assertThat(counter.transactions()).as("transactions begun by %s", path).isZero();
        return counter.statements();
    }

    /** The demo counsellor's user id. */
    private long demoCoach() {
        return count("SELECT id FROM users WHERE email = 'coach@demo.edu'");
    }

    private University demo() {
        return universities.findBySubdomain("demo").orElseThrow();
    }

    private SignedIn signIn(University demo, String who) {
        User user = CrossTenant.within(demo, () -> users.findByEmail(demo.id(), who + "@demo.edu"))
                .orElseThrow();
        return sessions.signIn(user);
    }

    private void assertOneSyncPerRoundTrip(String who, String home) {
        University demo = demo();
        SignedIn signedIn = signIn(demo, who);
        Set<String> pages = new LinkedHashSet<>();
        pages.add(home);
        pages.addAll(Navigation.linksOf(get(demo, signedIn, home).body()));
        assertThat(pages).as("pages of %s", who).hasSizeGreaterThan(3);
        List<String> extra = new ArrayList<>();
        for (String page : pages) {
            for (int use = 0; use < WARM_UPS; use++) {
                get(demo, signedIn, page);
            }
            Measured first = measure(demo, signedIn, page);
            Measured measured = first.agrees() ? first : measure(demo, signedIn, page);
            System.out.println(who + " " + page + ": " + measured);
            if (!measured.agrees()) {
                extra.add(page + ": " + measured);
            }
        }
        assertThat(extra).as("pages whose Syncs outnumber their round trips").isEmpty();
    }

    /** One request's Syncs beside its statements and commits. */
    private record Measured(int syncs, List<String> statements, int commits) {
        boolean agrees() {
            return syncs == statements.size() + commits;
        }

        @Override
        public String toString() {
            return syncs + " Syncs for " + statements.size() + " statements and " + commits + " commits " + statements;
        }
    }

    private Measured measure(University demo, SignedIn signedIn, String page) {
        counter.reset();
        try (ProtocolSyncs counted = ProtocolSyncs.count()) {
            assertThat(get(demo, signedIn, page).code()).as(page).isEqualTo(200);
            return new Measured(counted.syncsOn(counter.threads()), counter.statements(), counter.commits());
        }
    }

    private HttpResponse<String> get(University university, SignedIn who, String path) {
        return get(university, who, path, MediaType.TEXT_HTML_TYPE);
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
