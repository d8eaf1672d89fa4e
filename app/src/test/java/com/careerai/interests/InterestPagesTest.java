package com.careerai.interests;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.credits.Http;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff manage interests on /staff/interests; everyone picks theirs on /profile and through the API. */
@MicronautTest(transactional = false)
class InterestPagesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Interests interests;

    University uni;
    SignedIn staff;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
        staff = sessions.signIn(fixtures.staff(uni));
    }

    private HttpResponse<String> page(String path, SignedIn as) {
        MutableHttpRequest<?> request =
                HttpRequest.GET(path).accept("text/html").header("Host", hostOf(uni.subdomain()));
        if (as != null) {
            request.header("Cookie", as.cookie());
        }
        return Http.exchange(client, request);
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

    private HttpResponse<String> api(String method, SignedIn as, String body) {
        MutableHttpRequest<?> request = "PUT".equals(method)
                ? HttpRequest.PUT("/api/v1/me/interests", body).contentType("application/json")
                : HttpRequest.GET("/api/v1/me/interests");
        request.header("Host", hostOf(uni.subdomain()));
        if (as != null) {
            request.header("Authorization", as.bearer());
        }
        return Http.exchange(client, request);
    }

    @Test
    void staffAddRenameAndRetireWithMessagesBesideTheFields() {
        assertThat(post("/staff/interests", staff, "name=Data+science").code()).isEqualTo(303);
        HttpResponse<String> duplicate = post("/staff/interests", staff, "name=data+science");
        assertThat(duplicate.code()).isEqualTo(422);
        assertThat(duplicate.body()).contains("class=\"field-error\"").contains("There is already an interest called");
        assertThat(post("/staff/interests", staff, "name=").body()).contains("Enter a name.");
        assertThat(post("/staff/interests", staff, "name=Bell%07").code()).isEqualTo(422);

        Interest added = fixtures.in(uni, () -> interests.all(uni.id())).stream()
                .filter(i -> i.name().equals("Data science"))
                .findFirst()
                .orElseThrow();
        assertThat(post("/staff/interests/" + added.id() + "/rename", staff, "name=Data+%26+AI")
                        .code())
                .isEqualTo(303);
        HttpResponse<String> tooLong =
                post("/staff/interests/" + added.id() + "/rename", staff, "name=" + "x".repeat(61));
        assertThat(tooLong.code()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Keep the name under 60 characters.");
        assertThat(post("/staff/interests/" + added.id() + "/retire", staff, "x=1")
                        .code())
                .isEqualTo(303);
        assertThat(page("/staff/interests", staff).body())
                .contains("Data &amp; AI")
                .contains("Retired");
        assertThat(post("/staff/interests/999999/retire", staff, "x=1").code()).isEqualTo(422);
    }

    @Test
    void aStudentPicksInterestsOnTheProfileAndRetiredPicksShowAsSuch() {
        Interest finance = fixtures.in(uni, () -> interests.add(uni.id(), "Finance", "test"));
        Interest law = fixtures.in(uni, () -> interests.add(uni.id(), "Law", "test"));
        var student = fixtures.student(uni);
        SignedIn session = sessions.signIn(student);
        HttpResponse<String> profile = page("/profile", session);
        assertThat(profile.body()).contains("id=\"interests\"").contains("value=\"" + finance.id() + "\"");
        HttpResponse<String> saved =
                post("/profile/interests", session, "interestIds=" + finance.id() + "&interestIds=" + law.id());
        assertThat(saved.code()).isEqualTo(303);
        assertThat(fixtures.in(uni, () -> interests.ofUser(uni.id(), student.id())))
                .extracting(Interest::name)
                .containsExactly("Finance", "Law");
        fixtures.run(uni, () -> interests.retire(uni.id(), law.id(), "test"));
        assertThat(page("/profile", session).body()).contains("Law (retired)");
        HttpResponse<String> refused = post("/profile/interests", session, "interestIds=" + law.id());
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body()).contains("field-error").contains("Choose among the interests offered.");
    }

    @Test
    void theApiReadsAndSetsMyInterestsAndRefusesUnknownOrRetiredOnes() {
        Interest research = fixtures.in(uni, () -> interests.add(uni.id(), "Research", "test"));
        Interest old = fixtures.in(uni, () -> interests.add(uni.id(), "Old area", "test"));
        fixtures.run(uni, () -> interests.retire(uni.id(), old.id(), "test"));
        SignedIn student = sessions.signIn(fixtures.student(uni));
        assertThat(api("GET", student, null).body()).isEqualTo("{\"interests\":[]}");
        HttpResponse<String> set = api("PUT", student, "{\"interestIds\":[" + research.id() + "]}");
        assertThat(set.code()).isEqualTo(200);
        assertThat(set.body())
                .isEqualTo("{\"interests\":[{\"id\":" + research.id() + ",\"name\":\"Research\",\"retired\":false}]}");
        for (long refused : List.of(old.id(), 99999999L)) {
            HttpResponse<String> answer = api("PUT", student, "{\"interestIds\":[" + refused + "]}");
            assertThat(answer.code()).isEqualTo(422);
            assertThat(answer.body()).contains("\"error\":\"invalid_input\"").contains("\"fields\":{\"interestIds\"");
        }
        // another university's interest is unknown here
        University other = fixtures.university();
        Interest theirs = fixtures.in(other, () -> interests.add(other.id(), "Theirs", "test"));
        assertThat(api("PUT", student, "{\"interestIds\":[" + theirs.id() + "]}")
                        .code())
                .isEqualTo(422);
        assertThat(api("GET", null, null).code()).isEqualTo(401);
    }

    @Test
    void anonymousVisitorsAndStudentsCannotManageInterests() {
        assertThat(page("/profile", null).code()).isEqualTo(303);
        assertThat(page("/staff/interests", null).code()).isEqualTo(303);
        SignedIn student = sessions.signIn(fixtures.student(uni));
        assertThat(page("/staff/interests", student).code()).isEqualTo(403);
        assertThat(post("/staff/interests", student, "name=Hack").code()).isEqualTo(403);
    }
}
