package com.careerai.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public pages show each university's own texts; staff edit them at /staff/site. */
@MicronautTest(transactional = false)
class SitePagesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @Test
    void staffTextsShowOnTheirUniversitysPagesOnlyEscapedWithSafeLinks() {
        University a = fixtures.university();
        University b = fixtures.university();
        TestSessions.SignedIn staffA = sessions.signIn(fixtures.staff(a));

        HttpResponse<String> saved = post(
                a,
                staffA,
                "/staff/site/texts",
                form(
                        "heroText",
                                "Hero of A <script>alert(1)</script> {{layout.csrfToken}} see https://example.com/a?x=1&y=2.",
                        "servicesBlurb", "Blurb of A"));
        assertThat(saved.code()).as(saved.body()).isEqualTo(303);
        assertThat(post(a, staffA, "/staff/site/faq", form("question", "Question of A?", "answer", "Answer of A"))
                        .code())
                .isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action IN ('site.texts', 'site.faq.add')",
                        a.id()))
                .isEqualTo(2);

        HttpResponse<String> home = get(a, "/");
        assertThat(home.code()).isEqualTo(200);
        assertThat(home.body())
                .contains("Hero of A &lt;script&gt;alert(1)&lt;/script&gt; {{layout.csrfToken}} see ")
                .contains("<a href=\"https://example.com/a?x&#x3D;1&amp;y&#x3D;2\" rel=\"nofollow noopener\">")
                .doesNotContain("<script>alert(1)")
                .contains("<link rel=\"canonical\" href=\"http://" + hostOf(a.subdomain()) + "/\">")
                .contains("<meta property=\"og:title\"");
        assertThat(get(a, "/services").body()).contains("Blurb of A").contains("<title>Services");
        HttpResponse<String> faq = get(a, "/faq");
        assertThat(faq.body())
                .contains("Question of A?")
                .contains("Answer of A")
                .contains("<link rel=\"canonical\" href=\"http://" + hostOf(a.subdomain()) + "/faq\">")
                .contains("<meta name=\"description\"");
        assertThat(get(a, "/privacy").body()).contains(a.name());
        assertThat(get(a, "/terms").body()).contains(a.name());
        assertThat(get(a, "/counsellors").code()).isEqualTo(200);

        for (String path : new String[] {"/", "/services", "/faq"}) {
            HttpResponse<String> other = get(b, path);
            assertThat(other.code()).isEqualTo(200);
            assertThat(other.body())
                    .doesNotContain("Hero of A")
                    .doesNotContain("Blurb of A")
                    .doesNotContain("Question of A");
        }
        assertThat(get(b, "/faq").body()).contains("No questions have been answered here yet.");
    }

    @Test
    void badInputIsReRenderedWith422AndTheValuesKept() {
        University a = fixtures.university();
        TestSessions.SignedIn staff = sessions.signIn(fixtures.staff(a));
        String tooLong = "x".repeat(SiteContent.HERO_MAX + 1);
        HttpResponse<String> refused =
                post(a, staff, "/staff/site/texts", form("heroText", tooLong, "servicesBlurb", "Kept blurb"));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Keep the hero text to " + SiteContent.HERO_MAX + " characters")
                .contains("Kept blurb")
                .contains("aria-invalid=\"true\"");
        HttpResponse<String> emptyQuestion =
                post(a, staff, "/staff/site/faq", form("question", " ", "answer", "An answer kept"));
        assertThat(emptyQuestion.code()).isEqualTo(422);
        assertThat(emptyQuestion.body()).contains("Write a question of 1 to").contains("An answer kept");
        assertThat(count("SELECT count(*) FROM site_texts WHERE university_id = ?", a.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM site_faq WHERE university_id = ?", a.id()))
                .isZero();
    }

    @Test
    void staffEditOrderAndRemoveEntriesAndAnotherUniversitysEntryIsNotFound() {
        University a = fixtures.university();
        University b = fixtures.university();
        TestSessions.SignedIn staffA = sessions.signIn(fixtures.staff(a));
        TestSessions.SignedIn staffB = sessions.signIn(fixtures.staff(b));
        post(a, staffA, "/staff/site/faq", form("question", "First?", "answer", "One"));
        post(a, staffA, "/staff/site/faq", form("question", "Second?", "answer", "Two"));
        long first = count("SELECT min(id) FROM site_faq WHERE university_id = ?", a.id());
        long second = count("SELECT max(id) FROM site_faq WHERE university_id = ?", a.id());

        assertThat(post(a, staffA, "/staff/site/faq/" + second + "/move", form("direction", "up"))
                        .code())
                .isEqualTo(303);
        String page = get(a, "/faq").body();
        assertThat(page.indexOf("Second?")).isLessThan(page.indexOf("First?"));

        assertThat(post(a, staffA, "/staff/site/faq/" + first, form("question", "First, edited?", "answer", "One!"))
                        .code())
                .isEqualTo(303);
        assertThat(get(a, "/faq").body()).contains("First, edited?");

        assertThat(post(b, staffB, "/staff/site/faq/" + first + "/remove", form())
                        .code())
                .isEqualTo(404);
        assertThat(post(a, staffA, "/staff/site/faq/" + first + "/remove", form())
                        .code())
                .isEqualTo(303);
        assertThat(count("SELECT count(*) FROM site_faq WHERE university_id = ?", a.id()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE university_id = ? AND action LIKE 'site.faq.%'", a.id()))
                .isEqualTo(5);
    }

    @Test
    void theBaseDomainHasItsOwnPagesAndUniversityPagesAreNotThere() {
        for (String path : new String[] {"/about", "/pricing", "/faq", "/privacy", "/terms"}) {
            HttpResponse<String> page =
                    Http.exchange(client, HttpRequest.GET(path).header("Host", BASE_DOMAIN));
            assertThat(page.code()).as(path).isEqualTo(200);
            assertThat(page.body()).contains("<link rel=\"canonical\"").contains("CareerAI");
        }
        assertThat(Http.exchange(client, HttpRequest.GET("/services").header("Host", BASE_DOMAIN))
                        .code())
                .isEqualTo(404);
        University a = fixtures.university();
        assertThat(get(a, "/pricing").code()).isEqualTo(404);
    }

    private HttpResponse<String> get(University university, String path) {
        return Http.exchange(client, HttpRequest.GET(path).header("Host", hostOf(university.subdomain())));
    }

    private HttpResponse<String> post(
            University university, TestSessions.SignedIn staff, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", staff.csrf());
        String body = all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Http.exchange(
                client,
                HttpRequest.POST(path, body)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", hostOf(university.subdomain()))
                        .header("Cookie", staff.cookie()));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
