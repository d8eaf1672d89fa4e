package com.careerai.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.counselling.CounsellingDemo;
import com.careerai.credits.Http;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.resources.ResourcesApi.Upload;
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
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Review, browsing, search, plan gate, download counts, recommendations and the tenant wall. */
@MicronautTest(transactional = false)
class ResourceLibraryTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    UserAccounts users;

    @Inject
    Interests interests;

    @Inject
    CounsellingDemo counsellingDemo;

    @Inject
    Resources resources;

    ResourcesApi api;
    University uni;
    User coach;
    SignedIn staff;
    SignedIn counsellor;
    Interest software;
    Interest finance;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false", "careerai.resources.page-size", "3");
    }

    @BeforeAll
    void setUp() {
        api = new ResourcesApi(client, json);
        uni = fixtures.university();
        staff = sessions.signIn(fixtures.staff(uni));
        coach = fixtures.in(
                uni, () -> users.ensure(uni.id(), "coach@" + uni.subdomain() + ".edu", "Casey", Role.COUNSELLOR));
        counsellor = sessions.signIn(coach);
        software = fixtures.in(uni, () -> interests.add(uni.id(), "Software", "test"));
        finance = fixtures.in(uni, () -> interests.add(uni.id(), "Finance", "test"));
    }

    private long share(SignedIn as, String title, String description, Interest interest, String access) {
        return share(as, title, description, List.of(interest), access);
    }

    private long share(SignedIn as, String title, String description, List<Interest> tags, String access) {
        Map<String, String> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("description", description);
        fields.put(
                "interests",
                String.join(
                        ",", tags.stream().map(tag -> String.valueOf(tag.id())).toList()));
        fields.put("access", access);
        HttpResponse<String> created =
                api.share(uni.subdomain(), as, fields, new Upload("doc.pdf", "application/pdf", ResourceSamples.pdf()));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        return api.id(created);
    }

    private SignedIn student(Interest... picked) {
        User student = fixtures.student(uni);
        fixtures.run(
                uni,
                () -> interests.choose(
                        uni.id(),
                        student.id(),
                        java.util.Arrays.stream(picked).map(Interest::id).toList()));
        return sessions.signIn(student);
    }

    private HttpResponse<String> page(String path, SignedIn as) {
        MutableHttpRequest<?> request =
                HttpRequest.GET(path).accept("text/html").header("Host", hostOf(uni.subdomain()));
        if (as != null) {
            request.header("Cookie", as.cookie());
        }
        return Http.exchange(client, request);
    }

    private HttpResponse<String> post(String path, SignedIn as, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        body.put("csrf", as.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST(path, body)
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", as.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }

    @Test
    void aCounsellorsResourceWaitsForApprovalAndTheUploaderHearsOfTheDecision() {
        long id = share(counsellor, "Pending guide to fintech", "Waiting", finance, "everyone");
        SignedIn student = student(finance);
        assertThat(api.get(uni.subdomain(), student, "/api/v1/resources/" + id).code())
                .isEqualTo(404);
        assertThat(api.download(uni.subdomain(), student, id).code()).isEqualTo(404);
        assertThat(api.map(api.get(uni.subdomain(), counsellor, "/api/v1/resources/" + id)))
                .containsEntry("status", "pending");
        // the queue names each resource's categories (read with the queue, not a statement after it)
        assertThat(page("/staff/resources", staff).body())
                .contains("Pending guide to fintech")
                .contains("<span class=\"badge tag\">Finance</span>");

        HttpResponse<String> approved =
                post("/staff/resources/" + id + "/decision", staff, Map.of("decision", "approve"));
        assertThat(approved.code()).as(approved.body()).isEqualTo(303);
        assertThat(api.get(uni.subdomain(), student, "/api/v1/resources/" + id).code())
                .isEqualTo(200);
        assertThat(count(
                        "SELECT count(*) FROM outbox_events WHERE university_id = ? AND type LIKE '%NoticePublished'"
                                + " AND payload::text LIKE '%Your resource was approved%'",
                        uni.id()))
                .isEqualTo(1);
        // decided once: a second decision is a conflict
        assertThat(post("/staff/resources/" + id + "/decision", staff, Map.of("decision", "approve"))
                        .code())
                .isEqualTo(409);

        long other = share(counsellor, "Rejected draft", "Draft", finance, "everyone");
        HttpResponse<String> noReason =
                post("/staff/resources/" + other + "/decision", staff, Map.of("decision", "reject"));
        assertThat(noReason.code()).isEqualTo(422);
        assertThat(noReason.body()).contains("field-error").contains("Give a reason");
        HttpResponse<String> rejected = post(
                "/staff/resources/" + other + "/decision",
                staff,
                Map.of("decision", "reject", "reason", "Out of date"));
        assertThat(rejected.code()).isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM mail_deliveries WHERE university_id = ? AND recipient = ? AND template = 'RESOURCE'",
                        uni.id(),
                        coach.email()))
                .isEqualTo(1);
        assertThat(page("/resources/mine", counsellor).body())
                .contains("Not approved")
                .contains("Out of date");
    }

    @Test
    void withoutTheApprovalSettingACounsellorsResourceIsPublishedAtOnce() {
        University other = fixtures.university();
        SignedIn otherStaff = sessions.signIn(fixtures.staff(other));
        Map<String, String> off = new LinkedHashMap<>();
        off.put("csrf", otherStaff.csrf());
        HttpResponse<String> saved = Http.exchange(
                client,
                HttpRequest.POST("/staff/resources/settings", off)
                        .contentType("application/x-www-form-urlencoded")
                        .header("Cookie", otherStaff.cookie())
                        .header("Host", hostOf(other.subdomain())));
        assertThat(saved.code()).isEqualTo(303);
        User otherCoach = fixtures.in(
                other, () -> users.ensure(other.id(), "c@" + other.subdomain() + ".edu", "C", Role.COUNSELLOR));
        Interest tag = fixtures.in(other, () -> interests.add(other.id(), "Research", "test"));
        HttpResponse<String> created = api.share(
                other.subdomain(),
                sessions.signIn(otherCoach),
                Map.of("title", "Lab guide", "interests", String.valueOf(tag.id()), "url", "https://lab.example.org"),
                null);
        assertThat(api.map(created)).containsEntry("status", "approved");
    }

    @Test
    void everyDownloadIsRecordedAndShownToTheUploaderOnly() {
        long id = share(staff, "Counted CV guide", "Counting", software, "everyone");
        SignedIn student = student(software);
        assertThat(api.download(uni.subdomain(), student, id).code()).isEqualTo(200);
        HttpResponse<String> viaPage = page("/resources/" + id + "/download", student);
        assertThat(viaPage.code()).isEqualTo(200);
        assertThat(count(
                        "SELECT count(*) FROM resource_downloads WHERE university_id = ? AND resource_id = ?",
                        uni.id(),
                        id))
                .isEqualTo(2);
        assertThat(api.map(api.get(uni.subdomain(), staff, "/api/v1/resources/" + id)))
                .containsEntry("downloads", 2);
        assertThat(api.map(api.get(uni.subdomain(), student, "/api/v1/resources/" + id)))
                .containsEntry("downloads", null);
        assertThat(page("/resources/" + id, staff).body()).contains("<p class=\"balance-figure\">2</p>");

        Map<String, String> link = new HashMap<>(Map.of(
                "title", "Counted link", "interests", String.valueOf(software.id()), "url", "https://example.org/x"));
        long linkId = api.id(api.share(uni.subdomain(), staff, link, null));
        HttpResponse<byte[]> redirect = api.download(uni.subdomain(), student, linkId);
        assertThat(redirect.code()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("https://example.org/x");
        assertThat(count("SELECT downloads FROM resources WHERE university_id = ? AND id = ?", uni.id(), linkId))
                .isEqualTo(1);
    }

    @Test
    void premiumResourcesAreLockedUntilThePlanIncludesThem() {
        long id = share(staff, "Premium salary negotiation", "For plans", finance, "premium");
        User plain = fixtures.student(uni);
        SignedIn student = sessions.signIn(plain);
        Map<String, Object> locked = api.map(api.get(uni.subdomain(), student, "/api/v1/resources/" + id));
        assertThat(locked).containsEntry("locked", true).containsEntry("access", "premium");
        assertThat(locked.get("unlockedBy")).isEqualTo(List.of("Premium", "Ultimate"));
        HttpResponse<byte[]> refused = api.download(uni.subdomain(), student, id);
        assertThat(refused.code()).isEqualTo(403);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"error\":\"plan_required\"")
                .contains("Premium or Ultimate");
        assertThat(page("/resources/" + id, student).body()).contains("included with the Premium or Ultimate plan");

        subscribe(plain, "basic");
        assertThat(api.download(uni.subdomain(), student, id).code()).isEqualTo(403);
        subscribe(plain, "premium");
        assertThat(api.download(uni.subdomain(), student, id).code()).isEqualTo(200);
        assertThat(api.map(api.get(uni.subdomain(), student, "/api/v1/resources/" + id)))
                .containsEntry("locked", false);
        assertThat(count(
                        "SELECT count(*) FROM resource_downloads WHERE university_id = ? AND resource_id = ?",
                        uni.id(),
                        id))
                .isEqualTo(1);
    }

    private void subscribe(User student, String product) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                        getProperties().get("datasources.default.url"), "postgres", "");
                java.sql.PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO subscriptions (university_id, id, user_id, external_id, product, status, state_at)"
                                + " VALUES (?, gen_random_uuid(), ?, ?, ?, 'active', now())")) {
            statement.setLong(1, uni.id());
            statement.setLong(2, student.id());
            statement.setString(3, "sub_" + product + student.id());
            statement.setString(4, product);
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        fixtures.markPro(uni, student);
    }

    @Test
    void searchRanksTitleMatchesFirstAndFiltersByInterestAndType() {
        Interest research = fixtures.in(uni, () -> interests.add(uni.id(), "Research methods", "test"));
        long inDescription =
                share(staff, "Lab handbook", "Includes a chapter on the telescope proposal", research, "everyone");
        long inTitle = share(staff, "Telescope proposal template", "How to write one", research, "everyone");
        share(staff, "Unrelated notes", "Nothing about it", research, "everyone");
        List<Map<String, Object>> found = api.list(
                api.get(uni.subdomain(), staff, "/api/v1/resources?q=telescope%20proposals&interest=" + research.id()));
        assertThat(found).extracting(r -> ((Number) r.get("id")).longValue()).containsExactly(inTitle, inDescription);

        Map<String, String> video = new HashMap<>(Map.of(
                "title", "Research talk", "interests", String.valueOf(research.id()), "url", "https://vimeo.com/1"));
        long videoId = api.id(api.share(uni.subdomain(), staff, video, null));
        assertThat(api.list(api.get(uni.subdomain(), staff, "/api/v1/resources?type=video&interest=" + research.id())))
                .extracting(r -> ((Number) r.get("id")).longValue())
                .containsExactly(videoId);
        assertThat(api.get(uni.subdomain(), staff, "/api/v1/resources?type=exe").code())
                .isEqualTo(422);

        // four resources of this interest, three a page
        Map<String, Object> second =
                api.map(api.get(uni.subdomain(), staff, "/api/v1/resources?interest=" + research.id() + "&page=2"));
        assertThat(second).containsEntry("page", 2).containsEntry("pages", 2).containsEntry("total", 4);
        HttpResponse<String> html = page("/resources?interest=" + research.id() + "&q=telescope", staff);
        assertThat(html.body()).contains("Telescope proposal template").doesNotContain("Unrelated notes");
        assertThat(page("/resources?q=zzzzqqq", staff).body()).contains("No resource matches");
    }

    @Test
    void theStudentsHomeRecommendsResourcesAndCounsellorsForTheirInterests() {
        Interest tech = fixtures.in(uni, () -> interests.add(uni.id(), "Tech", "test"));
        fixtures.run(uni, () -> counsellingDemo.seed(uni.id())); // Morgan Mentor: expertise "tech"
        long old = share(staff, "Tech careers map", "Roles in tech", tech, "everyone");
        long popular = share(staff, "Tech interview questions", "Popular", tech, "everyone");
        SignedIn student = student(tech);
        api.download(uni.subdomain(), student, popular);
        HttpResponse<String> home = page("/", student);
        assertThat(home.body()).contains("Recommended for you").contains("Morgan Mentor");
        String body = home.body();
        assertThat(body.indexOf("/resources/" + popular + "\""))
                .isPositive()
                .isLessThan(body.indexOf("/resources/" + old + "\""));

        HttpResponse<String> without = page("/", sessions.signIn(fixtures.student(uni)));
        assertThat(without.body()).contains("Pick your interests").contains("href=\"/profile#interests\"");
        assertThat(page("/", null).body()).doesNotContain("Recommended for you");
    }

    @Test
    void recommendationsNameEveryTagAndArePremiumLockedUntilThePlanOpensThem() {
        Interest data = fixtures.in(uni, () -> interests.add(uni.id(), "Data science", "test"));
        Interest ux = fixtures.in(uni, () -> interests.add(uni.id(), "UX research", "test"));
        Interest law = fixtures.in(uni, () -> interests.add(uni.id(), "Law", "test"));
        long open = share(staff, "Data cleaning guide", "Step by step", List.of(data), "everyone");
        long premium = share(staff, "Premium data interviews", "Mock questions", List.of(ux, data), "premium");
        share(staff, "Contract law basics", "Not for data", List.of(law), "everyone");
        User plain = fixtures.student(uni);
        fixtures.run(uni, () -> interests.choose(uni.id(), plain.id(), List.of(data.id())));
        SignedInUser viewer = SignedInUser.of(plain);

        List<Resources.Recommendation> found = fixtures.in(uni, () -> resources.recommendedFor(viewer, 5));
        // newest first (same recency and downloads); every tag named, the unpicked "UX research" too
        assertThat(found).extracting(Resources.Recommendation::id).containsExactly(premium, open);
        assertThat(found.get(0).interests()).containsExactly("Data science", "UX research");
        assertThat(found.get(0).locked()).isTrue();
        assertThat(found.get(1).interests()).containsExactly("Data science");
        assertThat(found.get(1).locked()).isFalse();
        assertThat(fixtures.in(uni, () -> resources.recommendedFor(viewer, 1)))
                .extracting(Resources.Recommendation::id)
                .containsExactly(premium);
        // the home sends the university's categories and the plan ahead with the resources (ADR 0076):
        // the same names and the same lock
        SignedIn plainSession = sessions.signIn(plain);
        String home = page("/", plainSession).body();
        assertThat(home)
                .contains("Premium data interviews</a> <span class=\"badge\">Premium</span>")
                .contains("Data science, UX research");

        // a renamed tag shows its new name at once; a plan with premium resources opens the premium one
        fixtures.in(uni, () -> interests.rename(uni.id(), ux.id(), "User research", "test"));
        subscribe(plain, "premium");
        List<Resources.Recommendation> after = fixtures.in(uni, () -> resources.recommendedFor(viewer, 5));
        assertThat(after.get(0).interests()).containsExactly("Data science", "User research");
        assertThat(after).extracting(Resources.Recommendation::locked).containsExactly(false, false);
        assertThat(page("/", plainSession).body())
                .contains("Data science, User research")
                .contains("Premium data interviews</a>")
                .doesNotContain("<span class=\"badge\">Premium</span>");

        // another university's student with the same interest name is recommended none of these
        University other = fixtures.university();
        Interest theirs = fixtures.in(other, () -> interests.add(other.id(), "Data science", "test"));
        User outsider = fixtures.student(other);
        fixtures.run(other, () -> interests.choose(other.id(), outsider.id(), List.of(theirs.id())));
        assertThat(fixtures.in(other, () -> resources.recommendedFor(SignedInUser.of(outsider), 5)))
                .isEmpty();
        User without = fixtures.student(uni);
        assertThat(fixtures.in(uni, () -> resources.recommendedFor(SignedInUser.of(without), 5)))
                .isEmpty();
    }

    @Test
    void anotherUniversitysResourcesAndDownloadsAreNotFound() {
        long id = share(staff, "Home university only", "Ours", software, "everyone");
        University other = fixtures.university();
        SignedIn outsider = sessions.signIn(fixtures.student(other));
        assertThat(api.get(other.subdomain(), outsider, "/api/v1/resources/" + id)
                        .code())
                .isEqualTo(404);
        assertThat(api.download(other.subdomain(), outsider, id).code()).isEqualTo(404);
        assertThat(api.list(api.get(other.subdomain(), outsider, "/api/v1/resources")))
                .isEmpty();
        MutableHttpRequest<?> html = HttpRequest.GET("/resources/" + id)
                .accept("text/html")
                .header("Cookie", outsider.cookie())
                .header("Host", hostOf(other.subdomain()));
        assertThat(Http.exchange(client, html).code()).isEqualTo(404);
        // a session of one university means nothing on another's host
        assertThat(api.get(other.subdomain(), staff, "/api/v1/resources/" + id).code())
                .isEqualTo(401);
    }

    @Test
    void pagesRefuseAnonymousVisitorsAndTheWrongRole() {
        assertThat(page("/resources", null).code()).isEqualTo(303);
        SignedIn student = student();
        assertThat(page("/resources", student).code()).isEqualTo(200);
        assertThat(page("/resources/new", student).code()).isEqualTo(403);
        assertThat(page("/resources/mine", student).code()).isEqualTo(403);
        assertThat(page("/staff/resources", student).code()).isEqualTo(403);
        assertThat(page("/staff/resources", counsellor).code()).isEqualTo(403);
        assertThat(page("/resources/new", counsellor).body())
                .contains("Share a resource")
                .contains("enctype=\"multipart/form-data\"");
    }
}
