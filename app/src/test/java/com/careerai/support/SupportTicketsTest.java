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
        properties.put("careerai.support.max-attachment-size", "64KB");
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
        // the assignee filter: nobody's until a staff member takes it, then theirs
        assertThat(get(a, asStaff, "/staff/support?assignee=nobody").body()).contains("Cannot upload my CV");
        assertThat(get(a, asStaff, "/staff/support?assignee=me").body()).doesNotContain("Cannot upload my CV");
        assertThat(form(a, asStaff, "/staff/support/" + id + "/assign", "assignee=me")
                        .code())
                .isEqualTo(303);
        assertThat(get(a, asStaff, "/staff/support?assignee=me").body()).contains("Cannot upload my CV");
        assertThat(get(a, asStaff, "/staff/support?assignee=nobody").body()).doesNotContain("Cannot upload my CV");
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

    HttpResponse<String> attach(
            University host, TestSessions.SignedIn as, String path, String fileName, byte[] content) {
        return Http.exchange(
                client,
                HttpRequest.POST(
                                path + "?csrf=" + as.csrf(),
                                io.micronaut.http.client.multipart.MultipartBody.builder()
                                        .addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                                        .build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .header("Host", hostOf(host.subdomain()))
                        .header("Cookie", as.cookie()));
    }

    long openTicket(TestSessions.SignedIn student, String subject) {
        HttpResponse<String> opened =
                form(a, student, "/support", "subject=" + subject.replace(' ', '+') + "&category=general&message=Help");
        assertThat(opened.code()).as(opened.body()).isEqualTo(303);
        return Long.parseLong(opened.header("Location").replace("/support/", ""));
    }

    static byte[] pdf(int size) {
        byte[] content = new byte[size];
        java.util.Arrays.fill(content, (byte) ' ');
        byte[] head = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, content, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, content, size - tail.length, tail.length);
        return content;
    }

    @Test
    void staffResolveATicketTheStudentMayRateItOrReopenItByWritingAndClosingIsFinal() {
        User student = fixtures.verifiedStudent(a);
        TestSessions.SignedIn asStudent = sessions.signIn(student);
        TestSessions.SignedIn asStaff = sessions.signIn(fixtures.staff(a));
        long id = openTicket(asStudent, "Resolve me");

        assertThat(form(a, asStaff, "/staff/support/" + id + "/resolve", "x=1").code())
                .isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM tickets WHERE id = ? AND status = 'RESOLVED' AND resolved_at IS NOT NULL",
                        id))
                .isEqualTo(1);
        assertThat(get(a, asStudent, "/support/" + id).body()).contains("Reply below and it opens again");
        assertThat(get(a, asStaff, "/staff/support?status=RESOLVED").body()).contains("Resolve me");

        assertThat(form(a, asStudent, "/support/" + id + "/messages", "message=Still+broken")
                        .code())
                .isEqualTo(303);
        assertThat(count("SELECT count(*) FROM tickets WHERE id = ? AND status = 'OPEN' AND resolved_at IS NULL", id))
                .isEqualTo(1);

        assertThat(form(a, asStaff, "/staff/support/" + id + "/resolve", "x=1").code())
                .isEqualTo(303);
        assertThat(form(a, asStudent, "/support/" + id + "/rating", "rating=5").code())
                .isEqualTo(303);
        assertThat(form(a, asStaff, "/staff/support/" + id + "/close", "x=1").code())
                .isEqualTo(303);
        HttpResponse<String> again = form(a, asStaff, "/staff/support/" + id + "/resolve", "x=1");
        assertThat(again.code()).isEqualTo(422);
        assertThat(again.body()).contains("closed already");
        assertThat(count("SELECT count(*) FROM tickets WHERE id = ? AND status = 'CLOSED' AND csat = 5", id))
                .isEqualTo(1);
    }

    @Test
    void staffSetSupportHoursAndTargetsWithFieldMessagesAndTheQueueUsesThem() {
        University c = fixtures.university();
        TestSessions.SignedIn asStaff = sessions.signIn(fixtures.staff(c));
        HttpResponse<String> page = get(c, asStaff, "/staff/support/settings");
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"UTC\"")
                .contains("value=\"09:00\"")
                .contains("value=\"17:00\"")
                .contains(
                        "name=\"firstResponseHours\" type=\"number\" min=\"1\" max=\"720\" inputmode=\"numeric\" value=\"4\"")
                .contains("value=\"24\"");

        HttpResponse<String> invalid = form(
                c,
                asStaff,
                "/staff/support/settings",
                "timeZone=Mars%2FOlympus&dayStart=18:00&dayEnd=09:00&firstResponseHours=0&resolutionHours=abc");
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("value=\"Mars/Olympus\"")
                .contains("Use a time zone name")
                .contains("Tick at least one working day")
                .contains("Closing time must be after opening time")
                .contains("Enter whole business hours from 1 to 720");

        HttpResponse<String> saved = form(
                c,
                asStaff,
                "/staff/support/settings",
                "timeZone=Asia%2FKolkata&days=1&days=2&days=3&days=4&days=5&days=6&dayStart=10:00&dayEnd=18:30"
                        + "&firstResponseHours=2&resolutionHours=8");
        assertThat(saved.code()).as(saved.body()).isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM support_settings WHERE university_id = ? AND time_zone = 'Asia/Kolkata'"
                                + " AND work_days = '1,2,3,4,5,6' AND day_end = '18:30' AND first_response_minutes = 120"
                                + " AND resolution_minutes = 480",
                        c.id()))
                .isEqualTo(1);
        assertThat(get(c, asStaff, "/staff/support").body())
                .contains("first response within 2 h 0 min")
                .contains("10:00–18:30 Asia/Kolkata");
    }

    @Test
    void aVisitorAsksForHelpOnTheContactPageAndStaffAnswerByEmail() throws Exception {
        TestSessions.Anonymous visitor = sessions.anonymous();
        String email = "parent-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> invalid = Http.exchange(
                client,
                HttpRequest.POST(
                                "/contact/support",
                                "name=&email=nope&subject=&category=general&message=&csrf=" + visitor.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Cookie", visitor.cookie()));
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("Enter your name")
                .contains("so we can answer you")
                .contains("Write a message");

        HttpResponse<String> asked = Http.exchange(
                client,
                HttpRequest.POST(
                                "/contact/support",
                                "name=Pat+Parent&email=" + email + "&subject=Open+day+parking&category=general"
                                        + "&message=Where+can+we+park%3F&website=&csrf=" + visitor.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(a.subdomain()))
                        .header("Cookie", visitor.cookie()));
        assertThat(asked.code()).as(asked.body()).isEqualTo(303);
        long id = count("SELECT max(id) FROM tickets WHERE requester_email = ? AND requester_id IS NULL", email);
        assertThat(id).isPositive();

        TestSessions.SignedIn asStaff = sessions.signIn(fixtures.staff(a));
        assertThat(get(a, asStaff, "/staff/support/" + id).body())
                .contains("Pat Parent")
                .contains("Where can we park?");
        assertThat(form(a, asStaff, "/staff/support/" + id + "/replies", "kind=reply&message=Car+park+B+is+free")
                        .code())
                .isEqualTo(303);
        jakarta.mail.internet.MimeMessage reply = mail.awaitNext(email);
        assertThat(reply.getSubject()).contains("Open day parking").contains("#" + id);
        assertThat(TestMailServer.text(reply)).contains("Car park B is free").contains("Pat Parent");
    }

    @Test
    void attachmentsAreCheckedStoredAndDownloadedOnlyByTheRequesterAndStaff() {
        TestSessions.SignedIn asStudent = sessions.signIn(fixtures.verifiedStudent(a));
        TestSessions.SignedIn asStaff = sessions.signIn(fixtures.staff(a));
        TestSessions.SignedIn other = sessions.signIn(fixtures.verifiedStudent(a));
        long id = openTicket(asStudent, "With a file");

        HttpResponse<String> program = attach(
                a,
                asStudent,
                "/support/" + id + "/attachments",
                "cv.pdf",
                ("MZ" + "\u0090\u0000".repeat(200)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(program.code()).isEqualTo(422);
        assertThat(program.body()).contains("is a program").contains("ticket-file-error");
        HttpResponse<String> tooLarge = attach(a, asStudent, "/support/" + id + "/attachments", "big.pdf", pdf(70_000));
        assertThat(tooLarge.code()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("larger than 64 KB");

        HttpResponse<String> attached =
                attach(a, asStudent, "/support/" + id + "/attachments", "my cv.pdf", pdf(2_000));
        assertThat(attached.code()).as(attached.body()).isEqualTo(303);
        HttpResponse<String> staffAttached =
                attach(a, asStaff, "/staff/support/" + id + "/attachments", "answer.pdf", pdf(1_000));
        assertThat(staffAttached.code()).as(staffAttached.body()).isEqualTo(303);
        long studentFile = count(
                "SELECT id FROM ticket_attachments WHERE ticket_id = ? AND NOT from_staff AND file_name = 'my cv.pdf'",
                id);

        assertThat(get(a, asStudent, "/support/" + id).body())
                .contains("my cv.pdf")
                .contains("answer.pdf");
        assertThat(get(a, asStaff, "/staff/support/" + id).body()).contains("my cv.pdf");
        HttpResponse<String> download = get(a, asStaff, "/staff/support/" + id + "/attachments/" + studentFile);
        assertThat(download.code()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        assertThat(download.body()).startsWith("%PDF-1.4");
        assertThat(get(a, asStudent, "/support/" + id + "/attachments/" + studentFile)
                        .code())
                .isEqualTo(200);
        assertThat(get(a, other, "/support/" + id + "/attachments/" + studentFile)
                        .code())
                .isEqualTo(404);
        assertThat(attach(a, other, "/support/" + id + "/attachments", "x.pdf", pdf(1_000))
                        .code())
                .isEqualTo(404);
    }

    @Inject
    SupportPersonalData personalData;

    @Test
    void aStudentsTicketsMessagesAndFilesAreExportedAndErased() {
        User student = fixtures.verifiedStudent(a);
        TestSessions.SignedIn asStudent = sessions.signIn(student);
        TestSessions.SignedIn asStaff = sessions.signIn(fixtures.staff(a));
        long id = openTicket(asStudent, "Personal matter");
        assertThat(form(a, asStaff, "/staff/support/" + id + "/replies", "kind=note&message=Seems+stressed")
                        .code())
                .isEqualTo(303);
        assertThat(attach(a, asStudent, "/support/" + id + "/attachments", "letter.pdf", pdf(1_000))
                        .code())
                .isEqualTo(303);

        com.careerai.platform.privacy.PersonalData.Part part =
                fixtures.in(a, () -> personalData.export(a.id(), student.id()));
        assertThat(part.records().toString()).contains("Personal matter").contains("Seems stressed");
        assertThat(part.files()).singleElement().satisfies(f -> assertThat(f.fileName())
                .endsWith("letter.pdf"));

        fixtures.run(a, () -> personalData.erase(a.id(), student.id()));
        fixtures.run(a, () -> personalData.erase(a.id(), student.id()));
        assertThat(count("SELECT count(*) FROM tickets WHERE id = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM ticket_attachments WHERE ticket_id = ?", id))
                .isZero();
        assertThat(fixtures.in(a, () -> personalData.export(a.id(), student.id()))
                        .records())
                .isEqualTo(java.util.List.of());
    }
}
