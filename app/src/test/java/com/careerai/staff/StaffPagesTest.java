package com.careerai.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.People;
import com.careerai.auth.PeopleException;
import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.WalletFixtures;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staff home, students and team pages and their API: access, figures, search, deactivation, invitations. */
@MicronautTest(transactional = false)
class StaffPagesTest extends IntegrationTest {
    private static final List<String> PAGES =
            List.of("/staff", "/staff/students", "/staff/students/invite", "/staff/team", "/staff/purchases");

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
    People people;

    @Inject
    UserAccounts users;

    SiteRequests site;
    University uni;
    University other;
    SignedIn staff;
    User student;
    SignedIn studentSession;
    User otherStudent;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void setUp() {
        site = new SiteRequests(client);
        uni = fixtures.university();
        other = fixtures.university();
        staff = sessions.signIn(fixtures.staff(uni));
        student = walletFixtures.signedUpStudent(uni);
        studentSession = sessions.signIn(student);
        otherStudent = fixtures.student(other);
    }

    @Test
    void everyStaffPageIsForStaffOfThisUniversityOnly() {
        for (String page : PAGES) {
            assertThat(site.get(uni, page, null).code())
                    .as("anonymous %s", page)
                    .isEqualTo(303);
            assertThat(site.get(uni, page, studentSession).code())
                    .as("student %s", page)
                    .isEqualTo(403);
            assertThat(site.get(uni, page, staff).code()).as("staff %s", page).isEqualTo(200);
        }
        assertThat(site.get(uni, "/staff/students/" + student.id(), staff).code())
                .isEqualTo(200);
        assertThat(site.get(uni, "/api/v1/staff/students", null).code()).isEqualTo(401);
        assertThat(site.exchange(
                                uni,
                                HttpRequest.GET("/api/v1/staff/students")
                                        .header(HttpHeaders.AUTHORIZATION, studentSession.bearer()))
                        .code())
                .isEqualTo(403);

        // another university's student is not here at all
        assertThat(site.get(uni, "/staff/students/" + otherStudent.id(), staff).code())
                .isEqualTo(404);
        assertThat(site.exchange(
                                uni,
                                HttpRequest.GET("/api/v1/staff/students/" + otherStudent.id())
                                        .header(HttpHeaders.AUTHORIZATION, staff.bearer()))
                        .code())
                .isEqualTo(404);
        assertThat(site.postForm(uni, "/staff/students/" + otherStudent.id() + "/deactivate", staff, Map.of())
                        .code())
                .isEqualTo(404);
        assertThat(site.postForm(uni, "/staff/team/" + otherStudent.id() + "/deactivate", staff, Map.of())
                        .code())
                .isEqualTo(404);
        assertThat(fixtures.in(other, () -> users.find(other.id(), otherStudent.id()))
                        .orElseThrow()
                        .active())
                .isTrue();
        assertThat(site.get(uni, "/staff/students/not-a-number", staff).code()).isEqualTo(404);

        SignedIn staffOfOther = sessions.signIn(fixtures.staff(other));
        assertThat(site.get(uni, "/staff", staffOfOther).code())
                .as("another university's staff are not signed in here")
                .isEqualTo(303);
    }

    @Test
    void staffHomeCountsTheWeekInWordsAndLinksEveryStaffPage() {
        University own = fixtures.university();
        SignedIn ownStaff = sessions.signIn(fixtures.staff(own));
        walletFixtures.signedUpStudent(own);

        String home = site.get(own, "/staff", ownStaff).body();
        assertThat(home)
                .contains("University of " + own.subdomain())
                .contains("<title>Staff home · CareerAI</title>")
                .contains("data-figure=\"students\"")
                .contains("1 student</p>")
                .contains("0 runs</p>")
                .contains("data-panel=\"counsellor-applications\"")
                .contains("None waiting");
        for (String page : List.of(
                "/staff/students",
                "/staff/team",
                "/staff/credits",
                "/staff/tools",
                "/staff/purchases",
                "/staff/counsellors",
                "/staff/appointments",
                "/staff/counselling")) {
            assertThat(home).contains("data-shortcut=\"" + page + "\"");
        }
    }

    @Test
    void studentsAreSearchedFilteredAndPaged() {
        University own = fixtures.university();
        User ownStaffUser = fixtures.staff(own);
        SignedIn ownStaff = sessions.signIn(ownStaffUser);
        User findMe = fixtures.in(
                own,
                () -> users.ensure(
                        own.id(), "ada.lovelace@" + own.allowedDomains().get(0), "Ada Lovelace", Role.STUDENT));
        for (int i = 0; i < 26; i++) {
            fixtures.student(own);
        }

        String all = site.get(own, "/staff/students", ownStaff).body();
        assertThat(all).contains("1–25 of 27 students").contains("Page 1 of 2").contains("page=2");
        assertThat(site.get(own, "/staff/students?page=2", ownStaff).body()).contains("26–27 of 27 students");

        assertThat(site.get(own, "/staff/students?q=LOVELACE", ownStaff).body())
                .contains("data-summary>1 student<")
                .contains("data-student=\"" + findMe.id() + "\"");
        assertThat(site.get(own, "/staff/students?q=ada.lovelace%40", ownStaff).body())
                .contains("data-student=\"" + findMe.id() + "\"");
        assertThat(site.get(own, "/staff/students?q=%25", ownStaff).body())
                .as("a LIKE wildcard is searched for literally")
                .contains("No student matches this search");
        assertThat(site.get(own, "/staff/students?plan=pro", ownStaff).body()).contains("No student matches");

        fixtures.run(own, () -> people.deactivate(own.id(), SignedInUser.of(ownStaffUser), findMe.id()));
        assertThat(site.get(own, "/staff/students?status=deactivated", ownStaff).body())
                .contains("data-summary>1 student<")
                .contains("data-student=\"" + findMe.id() + "\"");
        assertThat(site.get(own, "/staff/students?status=active", ownStaff).body())
                .contains("26 students");

        HttpResponse<String> api = site.exchange(
                own,
                HttpRequest.GET("/api/v1/staff/students?q=lovelace")
                        .header(HttpHeaders.AUTHORIZATION, ownStaff.bearer()));
        assertThat(api.code()).isEqualTo(200);
        assertThat(api.body()).contains("\"total\":1").contains("\"email\":\"ada.lovelace@");
    }

    @Test
    void studentPageShowsBalancesLedgerRunsAndAppointments() {
        String page = site.get(uni, "/staff/students/" + student.id(), staff).body();
        assertThat(page)
                .contains("data-balance=\"silver\">20<")
                .contains("data-balance=\"gold\">3<")
                .contains("Credit history")
                .contains("+20")
                .contains("No runs yet.")
                .contains("No appointments.")
                .contains("data-deactivate");
        HttpResponse<String> api = site.exchange(
                uni,
                HttpRequest.GET("/api/v1/staff/students/" + student.id())
                        .header(HttpHeaders.AUTHORIZATION, staff.bearer()));
        assertThat(api.body())
                .contains("\"balances\":{\"silver\":20,\"gold\":3}")
                .contains("\"runCount\":0");
    }

    @Test
    void deactivationEndsEverySessionAtOnceAndIsAudited() {
        User leaving = fixtures.verifiedStudent(uni);
        SignedIn browser = sessions.signIn(leaving);
        SignedIn phone = sessions.signIn(leaving);
        assertThat(me(browser)).isEqualTo(200);

        HttpResponse<String> done =
                site.postForm(uni, "/staff/students/" + leaving.id() + "/deactivate", staff, Map.of());
        assertThat(done.code()).isEqualTo(303);
        assertThat(me(browser)).as("cookie session ended").isEqualTo(401);
        assertThat(me(phone)).as("every other session too").isEqualTo(401);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'user.deactivated'"
                                + " AND details->>'user' = ?",
                        uni.id(),
                        Long.toString(leaving.id())))
                .isEqualTo(1);
        assertThat(site.get(uni, "/staff/students/" + leaving.id() + "?notice=deactivated", staff)
                        .body())
                .contains("data-account=\"deactivated\"")
                .contains("signed out everywhere");

        HttpResponse<String> code = otpRequest(leaving.email());
        assertThat(code.code()).isEqualTo(403);
        assertThat(code.body()).contains("account_deactivated");

        assertThat(site.postForm(uni, "/staff/students/" + leaving.id() + "/reactivate", staff, Map.of())
                        .code())
                .isEqualTo(303);
        assertThat(me(browser))
                .as("reactivation does not bring old sessions back")
                .isEqualTo(401);
        assertThat(otpRequest(leaving.email()).code()).isEqualTo(202);
    }

    @Test
    void invitingAListIsAllOrNothing() {
        University own = fixtures.university();
        SignedIn ownStaff = sessions.signIn(fixtures.staff(own));
        User existing = fixtures.student(own);
        String domain = own.allowedDomains().get(0);

        HttpResponse<String> refused = site.postForm(
                own,
                "/staff/students/invite",
                ownStaff,
                Map.of("addresses", "email,name\nada@" + domain + ",Ada\nnot-an-address,Nobody\ngrace@" + domain));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body())
                .contains("1 row is not an email address, so nobody was invited")
                .contains("data-bad-rows")
                .contains("<td>3</td>")
                .contains("not-an-address");
        assertThat(invitations(own)).isZero();
        assertThat(mails(own)).isZero();

        HttpResponse<String> api = site.postJson(
                own, "/api/v1/staff/students/invitations", ownStaff, "{\"addresses\":\"ada@" + domain + "\\nbad@\"}");
        assertThat(api.code()).isEqualTo(422);
        assertThat(api.body()).contains("\"row 2\"");
        assertThat(invitations(own)).isZero();

        HttpResponse<String> invited = site.postForm(
                own,
                "/staff/students/invite",
                ownStaff,
                Map.of("addresses", "email\nada@" + domain + "\r\nGrace@" + domain + "; " + existing.email() + "\n\n"));
        assertThat(invited.code()).isEqualTo(303);
        assertThat(invited.header(HttpHeaders.LOCATION)).isEqualTo("/staff/students?invited=2&skipped=1");
        assertThat(invitations(own)).isEqualTo(2);
        assertThat(mails(own)).isEqualTo(2);
        assertThat(site.get(own, "/staff/students?invited=2&skipped=1", ownStaff)
                        .body())
                .contains("2 invitations sent; 1 address already had an account and was left alone.");
    }

    @Test
    void staffManageTheTeamButCannotLockThemselvesOut() {
        University own = fixtures.university();
        User alice = fixtures.staff(own);
        User bob = fixtures.staff(own);
        User coach = fixtures.in(own, () -> users.ensure(own.id(), "coach@elsewhere.org", "Coach", Role.COUNSELLOR));
        SignedIn aliceSession = sessions.signIn(alice);

        assertThat(site.get(own, "/staff/team", aliceSession).body())
                .contains("2 active staff members · 1 active counsellor")
                .contains("data-member=\"" + coach.id() + "\"");

        HttpResponse<String> demoteSelf =
                site.postForm(own, "/staff/team/" + alice.id() + "/role", aliceSession, Map.of("role", "COUNSELLOR"));
        assertThat(demoteSelf.code()).isEqualTo(409);
        assertThat(demoteSelf.body()).contains("You cannot change your own role");
        assertThat(site.postForm(own, "/staff/team/" + alice.id() + "/deactivate", aliceSession, Map.of())
                        .code())
                .isEqualTo(409);

        assertThat(site.postForm(own, "/staff/team/" + bob.id() + "/role", aliceSession, Map.of("role", "COUNSELLOR"))
                        .code())
                .isEqualTo(303);
        assertThat(fixtures.in(own, () -> users.find(own.id(), bob.id()))
                        .orElseThrow()
                        .role())
                .isEqualTo(Role.COUNSELLOR);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'user.role.changed'",
                        own.id()))
                .isEqualTo(1);

        // the last active staff member cannot be removed, even by someone acting outside the pages
        SignedInUser byCoach = SignedInUser.of(coach);
        assertThatThrownBy(() -> fixtures.run(own, () -> people.deactivate(own.id(), byCoach, alice.id())))
                .isInstanceOfSatisfying(
                        PeopleException.class, e -> assertThat(e.code()).isEqualTo("last_staff_member"));
        assertThatThrownBy(() ->
                        fixtures.run(own, () -> people.changeRole(own.id(), byCoach, alice.id(), Role.COUNSELLOR)))
                .isInstanceOf(PeopleException.class);

        HttpResponse<String> badInvite = site.postForm(
                own, "/staff/team/invite", aliceSession, Map.of("email", "not an address", "role", "STAFF"));
        assertThat(badInvite.code()).isEqualTo(422);
        assertThat(badInvite.body()).contains("invite-email-error");
        assertThat(site.postForm(
                                own,
                                "/staff/team/invite",
                                aliceSession,
                                Map.of("email", "New.Coach@Example.org", "role", "COUNSELLOR"))
                        .code())
                .isEqualTo(303);
        assertThat(site.get(own, "/staff/team", aliceSession).body())
                .contains("data-invitation=\"new.coach@example.org\"");
        // inviting someone to a role is a role change in waiting: audited with who, what and whom
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'user.invited'"
                                + " AND details->>'email' = 'new.coach@example.org' AND details->>'role' = 'COUNSELLOR'",
                        own.id()))
                .isEqualTo(1);
    }

    @Test
    void theTeamPageListsOnlyTheTeamsInvitationsStillWaiting() {
        University own = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(own));
        String insert = "INSERT INTO invitations (university_id, email, role, invited_by, expires_at, accepted_at)"
                + " VALUES (?, ?, ?, 'test', now() + ?::interval, ?::timestamptz)";
        execute(insert, own.id(), "waiting.coach@example.org", "COUNSELLOR", "7 days", null);
        execute(insert, own.id(), "waiting.staff@example.org", "STAFF", "7 days", null);
        execute(insert, own.id(), "accepted.coach@example.org", "COUNSELLOR", "7 days", "2026-01-01T00:00:00Z");
        execute(insert, own.id(), "expired.coach@example.org", "COUNSELLOR", "-1 day", null);
        execute(insert, own.id(), "a.student@example.org", "STUDENT", "7 days", null);

        String page = site.get(own, "/staff/team", staff).body();

        assertThat(page)
                .contains(
                        "data-invitation=\"waiting.coach@example.org\"",
                        "data-invitation=\"waiting.staff@example.org\"")
                .doesNotContain("accepted.coach@", "expired.coach@", "a.student@");
        // newest first
        assertThat(page.indexOf("waiting.staff@")).isLessThan(page.indexOf("waiting.coach@"));
    }

    private int me(SignedIn session) {
        return site.exchange(
                        uni,
                        HttpRequest.GET("/api/v1/me")
                                .header("Cookie", session.cookie())
                                .accept(MediaType.APPLICATION_JSON))
                .code();
    }

    private HttpResponse<String> otpRequest(String email) {
        return site.exchange(
                uni,
                HttpRequest.POST("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}")
                        .contentType(MediaType.APPLICATION_JSON));
    }

    private long invitations(University university) {
        return count("SELECT count(*) FROM invitations WHERE university_id = ? AND role = 'STUDENT'", university.id());
    }

    private long mails(University university) {
        return count(
                "SELECT count(*) FROM mail_deliveries WHERE university_id = ? AND template = 'INVITATION'",
                university.id());
    }
}
