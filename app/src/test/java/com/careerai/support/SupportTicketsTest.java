package com.careerai.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ticket lifecycle through pages and API: a student opens a ticket, staff reply (the student is
 * emailed and sees it) and add an internal note (never shown), close; the student rates once;
 * another university's or another student's ticket → 404.
 */
@MicronautTest(transactional = false)
class SupportTicketsTest extends IntegrationTest {
    final TestMailServer mail = TestMailServer.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    University a;
    University b;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    @BeforeAll
    void universities() {
        a = fixtures.university();
        b = fixtures.university();
    }

    @AfterAll
    void stop() {
        mail.close();
    }

    HttpResponse<String> form(University host, TestSessions.SignedIn as, String path, String body) {
        return Http.exchange(
                client,
                HttpRequest.POST(path, body + "&csrf=" + as.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(host.subdomain()))
                        .header("Cookie", as.cookie()));
    }

    HttpResponse<String> get(University host, TestSessions.SignedIn as, String path) {
        return Http.exchange(
                client,
                HttpRequest.GET(path).header("Host", hostOf(host.subdomain())).header("Cookie", as.cookie()));
    }

    @Test
    void aStudentOpensATicketStaffReplyTheStudentSeesItAndRatesItOnce() throws Exception {
        User student = fixtures.verifiedStudent(a);
        TestSessions.SignedIn asStudent = sessions.signIn(student);
        TestSessions.SignedIn asStaff = sessions.signIn(fixtures.staff(a));

        HttpResponse<String> opened = form(
                a,
                asStudent,
                "/support",
                "subject=Cannot+upload+my+CV&category=technical&message=The+upload+spins+forever");
        assertThat(opened.code()).as(opened.body()).isEqualTo(303);
        long id = Long.parseLong(opened.header("Location").replace("/support/", ""));

        HttpResponse<String> queue = get(a, asStaff, "/staff/support?status=OPEN");
        assertThat(queue.body()).contains("Cannot upload my CV");
        assertThat(form(a, asStaff, "/staff/support/" + id + "/replies", "kind=note&message=Probably+the+proxy+again")
                        .code())
                .isEqualTo(303);
        assertThat(form(a, asStaff, "/staff/support/" + id + "/replies", "kind=reply&message=Please+try+again+now")
                        .code())
                .isEqualTo(303);

        HttpResponse<String> page = get(a, asStudent, "/support/" + id);
        assertThat(page.body()).contains("Please try again now").doesNotContain("proxy again");
        assertThat(TestMailServer.text(mail.awaitNext(student.email()))).contains("Please try again now");
        assertThat(count(
                        "SELECT count(*) FROM tickets WHERE id = ? AND status = 'PENDING_STUDENT'"
                                + " AND first_response_at IS NOT NULL",
                        id))
                .isEqualTo(1);

        assertThat(form(a, asStudent, "/support/" + id + "/rating", "rating=5").code())
                .isEqualTo(422);
        assertThat(form(a, asStaff, "/staff/support/" + id + "/close", "x=1").code())
                .isEqualTo(303);
        assertThat(form(a, asStudent, "/support/" + id + "/rating", "rating=4").code())
                .isEqualTo(303);
        assertThat(form(a, asStudent, "/support/" + id + "/rating", "rating=1").code())
                .isEqualTo(422);
        assertThat(count("SELECT csat FROM tickets WHERE id = ?", id)).isEqualTo(4);
        assertThat(get(a, asStudent, "/support/" + id).body()).contains("You rated this help 4 out of 5");
    }

    @Test
    void theApiOpensListsAndRepliesAndRefusesBadCategories() {
        User student = fixtures.verifiedStudent(a);
        TestSessions.SignedIn asStudent = sessions.signIn(student);
        TestSessions.SignedIn asStaff = sessions.signIn(fixtures.staff(a));
        HttpResponse<String> bad = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/tickets", Map.of("subject", "Hi", "category", "gossip", "message", "x"))
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asStudent.bearer()));
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.body()).contains("\"category\"");

        HttpResponse<String> created = Http.exchange(
                client,
                HttpRequest.POST(
                                "/api/v1/tickets",
                                Map.of("subject", "Refund?", "category", "billing", "message", "Charged twice"))
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asStudent.bearer()));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        assertThat(Http.exchange(
                                client,
                                HttpRequest.GET("/api/v1/tickets")
                                        .header("Host", hostOf(a.subdomain()))
                                        .header("Authorization", asStudent.bearer()))
                        .body())
                .contains("Refund?");
        HttpResponse<String> staffQueue = Http.exchange(
                client,
                HttpRequest.GET("/api/v1/staff/tickets?category=billing")
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asStaff.bearer()));
        assertThat(staffQueue.body()).contains("Refund?").contains("firstResponseBreached");
        HttpResponse<String> reply = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/staff/tickets/" + id + "/replies", Map.of("message", "Refunded."))
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asStaff.bearer()));
        assertThat(reply.code()).as(reply.body()).isEqualTo(201);
        HttpResponse<String> answer = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/tickets/" + id + "/messages", Map.of("message", "Thanks!"))
                        .header("Host", hostOf(a.subdomain()))
                        .header("Authorization", asStudent.bearer()));
        assertThat(answer.code()).isEqualTo(201);
        assertThat(answer.body()).contains("Refunded.").contains("\"status\":\"OPEN\"");
    }

    @Test
    void anotherStudentsOrAnotherUniversitysTicketIsNotFound() {
        TestSessions.SignedIn owner = sessions.signIn(fixtures.verifiedStudent(a));
        HttpResponse<String> opened =
                form(a, owner, "/support", "subject=Private+matter&category=counselling&message=Secret");
        long id = Long.parseLong(opened.header("Location").replace("/support/", ""));
        TestSessions.SignedIn other = sessions.signIn(fixtures.verifiedStudent(a));
        TestSessions.SignedIn staffB = sessions.signIn(fixtures.staff(b));

        assertThat(get(a, other, "/support/" + id).code()).isEqualTo(404);
        assertThat(form(a, other, "/support/" + id + "/messages", "message=hi").code())
                .isEqualTo(404);
        assertThat(get(b, staffB, "/staff/support/" + id).code()).isEqualTo(404);
        HttpResponse<String> replyB = Http.exchange(
                client,
                HttpRequest.POST("/api/v1/staff/tickets/" + id + "/replies", Map.of("message", "x"))
                        .header("Host", hostOf(b.subdomain()))
                        .header("Authorization", staffB.bearer()));
        assertThat(replyB.code()).isEqualTo(404);
        assertThat(get(b, staffB, "/staff/support").body()).doesNotContain("Private matter");
    }
}
