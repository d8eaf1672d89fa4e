package com.careerai.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Http;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The career profile and saved resumes on /profile and the API, and the tool forms that use them. */
@MicronautTest(transactional = false)
class ProfileTest extends IntegrationTest {
    private static final String RESUME =
            "Ada Student\nExperience\n- Built a data pipeline that cut reporting time by 40%\n"
                    + "Education: BSc Computer Science\nSkills: Python, SQL";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    SavedResumes resumes;

    @Inject
    CareerProfiles profiles;

    @Inject
    Wallets wallets;

    University uni;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false", "careerai.ai.mode", "mock");
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
    }

    private HttpResponse<String> page(String path, SignedIn as) {
        return Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept("text/html")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Cookie", as.cookie()));
    }

    private HttpResponse<String> post(String path, SignedIn as, String form) {
        return Http.exchange(
                client,
                HttpRequest.POST(path, form + "&csrf=" + as.csrf())
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", as.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }

    private HttpResponse<String> api(String method, String path, SignedIn as, String body) {
        MutableHttpRequest<?> request =
                switch (method) {
                    case "PUT" -> HttpRequest.PUT(path, body).contentType("application/json");
                    case "POST" -> HttpRequest.POST(path, body).contentType("application/json");
                    case "DELETE" -> HttpRequest.DELETE(path);
                    default -> HttpRequest.GET(path);
                };
        return Http.exchange(
                client,
                request.accept("application/json")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Authorization", as.bearer()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theHomesNextStepsNameTheDefaultResumeAndFollowEveryChangeAtTheNextLoad() {
        User student = fixtures.verifiedStudent(uni);
        SignedIn session = sessions.signIn(student);
        assertThat(nextSteps(session)).contains("Add your resume").doesNotContain("Run CV Analysis");

        SavedResume first = fixtures.in(uni, () -> resumes.add(uni.id(), student.id(), "Data roles", RESUME, false));
        assertThat(nextSteps(session))
                .contains("Run CV Analysis on your default resume")
                .contains("“Data roles”")
                .doesNotContain("Add your resume");

        SavedResume second =
                fixtures.in(uni, () -> resumes.add(uni.id(), student.id(), "Finance roles", RESUME, false));
        assertThat(nextSteps(session)).as("the first stays the default").contains("“Data roles”");
        fixtures.run(uni, () -> resumes.makeDefault(uni.id(), student.id(), second.id()));
        assertThat(nextSteps(session)).contains("“Finance roles”").doesNotContain("Data roles");
        assertThat(nextSteps(session)).contains("Name the roles you are aiming for");
        assertThat(post("/profile", session, "name=Ada&targetRoles=Analyst&timeZone=" + enc("Asia/Kolkata"))
                        .code())
                .isEqualTo(303);
        assertThat(nextSteps(session))
                .as("the profile's row and the resume's name come from one read")
                .contains("“Finance roles”")
                .doesNotContain("Name the roles you are aiming for");

        fixtures.run(uni, () -> resumes.delete(uni.id(), student.id(), second.id()));
        assertThat(nextSteps(session)).as("the one left became the default").contains("“Data roles”");
        fixtures.run(uni, () -> resumes.delete(uni.id(), student.id(), first.id()));
        assertThat(nextSteps(session)).contains("Add your resume").doesNotContain("Run CV Analysis");
    }

    /** The next-steps panel of the student's home page. */
    private String nextSteps(SignedIn session) {
        HttpResponse<String> home = page("/", session);
        assertThat(home.code()).isEqualTo(200);
        String body = home.body();
        int start = body.indexOf("data-panel=\"next-steps\"");
        assertThat(start).as("the next-steps panel is on the home page").isPositive();
        return body.substring(start, body.indexOf("</section>", start));
    }

    @Test
    void aStudentFillsInTheCareerProfileAndBadInputComesBackBesideTheFields() {
        User student = fixtures.student(uni);
        SignedIn session = sessions.signIn(student);
        assertThat(page("/profile", session).body())
                .contains("id=\"details\"")
                .contains("id=\"resumes\"")
                .contains("id=\"interests\"")
                .contains("No saved resumes yet.");

        HttpResponse<String> refused = post(
                "/profile",
                session,
                "name=Ada+Lovelace&programme=BSc+Maths&graduationYear=20x7&targetRoles=Analyst" + "&linkedinUrl="
                        + enc("javascript:alert(1)") + "&portfolioUrl=&timeZone=Mars%2FBase");
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Please correct the fields marked below.")
                .contains("Enter a year between")
                .contains("Enter a web address starting with https://")
                .contains("Choose a time zone from the list")
                .contains("value=\"BSc Maths\"")
                .contains("value=\"20x7\"");
        assertThat(fixtures.in(uni, () -> profiles.of(uni.id(), student.id())).programme())
                .as("nothing saved from a refused form")
                .isNull();

        HttpResponse<String> saved = post(
                "/profile",
                session,
                "name=Ada+Lovelace&programme=BSc+Maths&graduationYear=2027&targetRoles="
                        + enc("Data Analyst\nData Scientist") + "&targetLocations=" + enc("London\nRemote")
                        + "&linkedinUrl=" + enc("https://www.linkedin.com/in/ada") + "&portfolioUrl="
                        + "&timeZone=" + enc("Asia/Kolkata"));
        assertThat(saved.code()).isEqualTo(303);
        CareerProfile profile = fixtures.in(uni, () -> profiles.of(uni.id(), student.id()));
        assertThat(profile.name()).isEqualTo("Ada Lovelace");
        assertThat(profile.targetRoles()).containsExactly("Data Analyst", "Data Scientist");
        assertThat(profile.targetLocations()).containsExactly("London", "Remote");
        assertThat(profile.graduationYear()).isEqualTo(2027);
        assertThat(fixtures.in(uni, () -> profiles.zoneOf(uni.id(), student.id()))
                        .getId())
                .isEqualTo("Asia/Kolkata");
        String savedPage = page("/profile?saved=details", session).body();
        assertThat(savedPage)
                .contains("Your profile is saved.")
                .doesNotContain("Please correct the fields")
                .contains("Ada Lovelace")
                .contains("<option value=\"Asia/Kolkata\" selected>");
        assertThat(savedPage.split("\" selected>", -1)).as("one zone selected").hasSize(2);
        assertThat(page("/profile", sessions.signIn(fixtures.student(uni))).body())
                .as("the options every view shares keep no one's choice")
                .contains("<option value=\"Asia/Kolkata\">")
                .doesNotContain("\" selected>");
    }

    @Test
    void savedResumesAreAddedRenamedMadeDefaultAndDeleted() {
        User student = fixtures.student(uni);
        SignedIn session = sessions.signIn(student);
        assertThat(post("/profile/resumes", session, "name=Data+roles&resume=" + enc(RESUME))
                        .code())
                .isEqualTo(303);
        HttpResponse<String> noText = post("/profile/resumes", session, "name=Empty&resume=");
        assertThat(noText.code()).isEqualTo(422);
        assertThat(noText.body()).contains("Paste your resume").contains("value=\"Empty\"");
        HttpResponse<String> duplicate = post("/profile/resumes", session, "name=data+roles&resume=x");
        assertThat(duplicate.body()).contains("You already have a resume called data roles.");
        assertThat(post("/profile/resumes", session, "name=Finance&resume=Finance+CV+text&isDefault=on")
                        .code())
                .isEqualTo(303);

        var saved = fixtures.in(uni, () -> resumes.of(uni.id(), student.id()));
        assertThat(saved).extracting(SavedResume::name).containsExactly("Finance", "Data roles");
        assertThat(saved.get(0).isDefault()).isTrue();
        long data = saved.get(1).id();

        assertThat(post("/profile/resumes/" + data + "/default", session, "x=1").code())
                .isEqualTo(303);
        assertThat(post("/profile/resumes/" + data, session, "name=Data+roles+v2")
                        .code())
                .isEqualTo(303);
        HttpResponse<String> badName = post("/profile/resumes/" + data, session, "name=");
        assertThat(badName.code()).isEqualTo(422);
        assertThat(badName.body()).contains("Give the resume a name");
        assertThat(page("/profile", session).body())
                .contains("Data roles v2")
                .contains("Default")
                .contains("characters");

        assertThat(post("/profile/resumes/" + data + "/delete", session, "x=1").code())
                .isEqualTo(303);
        var left = fixtures.in(uni, () -> resumes.of(uni.id(), student.id()));
        assertThat(left).extracting(SavedResume::name).containsExactly("Finance");
        assertThat(left.get(0).isDefault())
                .as("the newest left becomes the default")
                .isTrue();

        SignedIn other = sessions.signIn(fixtures.student(uni));
        long finance = left.get(0).id();
        assertThat(post("/profile/resumes/" + finance + "/delete", other, "x=1").code())
                .as("another student's resume does not exist for them")
                .isEqualTo(404);
        assertThat(fixtures.in(uni, () -> resumes.of(uni.id(), student.id()))).hasSize(1);
    }

    @Test
    void theApiReadsAndWritesTheProfileAndResumesWithErrorsInTheJsonShape() {
        SignedIn session = sessions.signIn(fixtures.student(uni));
        assertThat(api("GET", "/api/v1/me/profile", session, null).body())
                .contains("\"effectiveTimeZone\":\"UTC\"")
                .contains("\"targetRoles\":[]");
        HttpResponse<String> bad = api(
                "PUT", "/api/v1/me/profile", session, "{\"portfolioUrl\":\"ftp://x.example\",\"graduationYear\":1800}");
        assertThat(bad.code()).isEqualTo(422);
        assertThat(bad.body())
                .contains("\"error\":\"invalid_input\"")
                .contains("\"portfolioUrl\"")
                .contains("\"graduationYear\"");
        HttpResponse<String> put = api(
                "PUT",
                "/api/v1/me/profile",
                session,
                "{\"name\":\"Grace\",\"targetRoles\":[\"Engineer\"],\"timeZone\":\"Europe/London\"}");
        assertThat(put.code()).isEqualTo(200);
        assertThat(put.body()).contains("\"name\":\"Grace\"").contains("\"effectiveTimeZone\":\"Europe/London\"");

        HttpResponse<String> created =
                api("POST", "/api/v1/me/resumes", session, "{\"name\":\"Main\",\"text\":\"My resume text\"}");
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).contains("\"isDefault\":true").contains("\"text\":\"My resume text\"");
        String id = created.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(api("POST", "/api/v1/me/resumes", session, "{\"name\":\"\"}").body())
                .contains("\"fields\"")
                .contains("\"text\"");
        assertThat(api("GET", "/api/v1/me/resumes", session, null).body())
                .contains("\"name\":\"Main\"")
                .contains("\"max\":10");
        assertThat(api("PUT", "/api/v1/me/resumes/" + id, session, "{\"name\":\"Main v2\"}")
                        .body())
                .contains("\"name\":\"Main v2\"")
                .contains("\"text\":\"My resume text\"");

        SignedIn other = sessions.signIn(fixtures.student(uni));
        HttpResponse<String> notTheirs = api("PUT", "/api/v1/me/resumes/" + id, other, "{\"name\":\"Mine\"}");
        assertThat(notTheirs.code()).isEqualTo(404);
        assertThat(notTheirs.body()).contains("\"error\":\"not_found\"");
        assertThat(api("DELETE", "/api/v1/me/resumes/" + id, other, null).code())
                .isEqualTo(404);
        assertThat(api("DELETE", "/api/v1/me/resumes/" + id, session, null).code())
                .isEqualTo(204);
        assertThat(api("GET", "/api/v1/me/resumes", session, null).body()).contains("\"resumes\":[]");
    }

    @Test
    void toolFormsOfferSavedResumesAndPrefillTheTargetRole() {
        User student = fixtures.verifiedStudent(uni);
        fixtures.run(
                uni,
                () -> wallets.grant(
                        uni.id(), student.id(), Currency.SILVER, 20, "profile:" + student.id(), "test", "t"));
        SignedIn session = sessions.signIn(student);
        fixtures.run(
                uni,
                () -> profiles.save(
                        uni.id(),
                        student.id(),
                        new ProfileInput(
                                "Ada", null, null, java.util.List.of("Data Analyst"), null, null, null, null)));
        SavedResume main = fixtures.in(uni, () -> resumes.add(uni.id(), student.id(), "Main CV", RESUME, true));

        String form = page("/tools/cv-analysis", session).body();
        assertThat(form)
                .contains("value=\"Data Analyst\"")
                .contains("name=\"savedResume\" value=\"" + main.id() + "\" checked")
                .contains("Main CV");
        assertThat(page("/tools/job-pack", session).body())
                .contains("id=\"jobTitle\" name=\"jobTitle\" type=\"text\" maxlength=\"150\" value=\"Data Analyst\"")
                .contains("name=\"savedResume\" value=\"" + main.id() + "\" checked");

        HttpResponse<String> started = post(
                "/tools/cv-analysis",
                session,
                "targetRole=Data+Analyst&savedResume=" + main.id() + "&resume=&currency=silver&formToken="
                        + java.util.UUID.randomUUID());
        assertThat(started.code()).isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM ai_runs WHERE university_id = ? AND user_id = ? AND input->>'resume' = ?",
                        uni.id(),
                        student.id(),
                        RESUME))
                .isEqualTo(1);

        User stranger = fixtures.student(uni);
        long others = fixtures.in(
                        uni, () -> resumes.add(uni.id(), stranger.id(), "Theirs", "Someone else's resume text", true))
                .id();
        HttpResponse<String> refused = post(
                "/tools/cv-analysis",
                session,
                "targetRole=Data+Analyst&savedResume=" + others + "&resume=&currency=silver&formToken="
                        + java.util.UUID.randomUUID());
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose one of your saved resumes").doesNotContain("Someone else");

        String run = started.header("Location").substring("/runs/".length());
        assertThat(page("/tools/cv-analysis?from=" + run, session).body())
                .as("Try again fills the box with the run's text and chooses it")
                .contains("Built a data pipeline")
                .contains("name=\"savedResume\" value=\"paste\" checked");
    }
}
