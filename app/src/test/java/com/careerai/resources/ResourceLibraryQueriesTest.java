package com.careerai.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.credits.Http;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.resources.ResourcesApi.Upload;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the library page (bench/run's resources scenario, issue 19) to its round trips: the count, the
 * page of resources with their tags' ids, the university's categories and the header's reads, sent
 * together (ADR 0076).
 */
@MicronautTest(transactional = false)
class ResourceLibraryQueriesTest extends IntegrationTest {
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
    Interests interests;

    @Inject
    StatementCounter counter;

    private University uni;
    private SignedIn student;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true", "careerai.resources.page-size", "2");
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        Interest software = fixtures.in(uni, () -> interests.add(uni.id(), "Software", "test"));
        Interest finance = fixtures.in(uni, () -> interests.add(uni.id(), "Finance", "test"));
        Interest archived = fixtures.in(uni, () -> interests.add(uni.id(), "Archived topic", "test"));
        ResourcesApi api = new ResourcesApi(client, json);
        List<List<Interest>> tags = List.of(
                List.of(software), List.of(finance, software), List.of(archived), List.of(software), List.of(finance));
        for (int i = 0; i < tags.size(); i++) {
            Map<String, String> fields = new HashMap<>();
            fields.put("title", "Interview guide " + i);
            fields.put("description", "Interview practice, part " + i);
            fields.put(
                    "interests",
                    String.join(
                            ",",
                            tags.get(i).stream()
                                    .map(tag -> String.valueOf(tag.id()))
                                    .toList()));
            fields.put("access", i == 1 ? "premium" : "everyone");
            HttpResponse<String> created = api.share(
                    uni.subdomain(), staff, fields, new Upload("doc.pdf", "application/pdf", ResourceSamples.pdf()));
            assertThat(created.code()).as(created.body()).isEqualTo(201);
        }
        fixtures.run(uni, () -> interests.retire(uni.id(), archived.id(), "test"));
        student = sessions.signIn(fixtures.verifiedStudent(uni));
    }

    @Test
    void aLibraryPageIsOneRoundTripWithoutATransaction() {
        page("/resources?q=interview"); // warm: the university by host and the session are cached afterwards
        counter.reset();

        HttpResponse<String> page = page("/resources?q=interview");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("Interview guide").contains("Found: 5");
        List<String> statements = counter.statements();
        assertThat(statements)
                .as("round trips of the library page: %s", statements)
                .hasSize(1);
        assertThat(statements.get(0))
                .contains("SELECT count(*) FROM resources r")
                .contains("AS interest_ids")
                .contains("FROM interests")
                .contains("FROM notifications");
        assertThat(counter.connections()).as("connections checked out").isLessThanOrEqualTo(1);
        assertThat(counter.transactions()).as("transactions begun").isZero();
    }

    @Test
    void eachResourceShowsItsTagsByNameRetiredOnesTooAndTheFilterOffersOnlyCurrentOnes() {
        HttpResponse<String> page = page("/resources?page=2"); // newest first: guides 2 and 1

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("Interview guide 2")
                .contains("Interview guide 1")
                .doesNotContain("Interview guide 3")
                .contains("Archived topic")
                .contains(">Finance<")
                .contains(">Software<");
        assertThat(page.body()).containsOnlyOnce("Archived topic");
    }

    @Test
    void aPagePastTheLastShowsTheLastReadingItsRowsOnceMore() {
        page("/resources?page=9");
        counter.reset();

        HttpResponse<String> page = page("/resources?page=9");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("Interview guide 0").doesNotContain("Interview guide 1");
        assertThat(counter.statements())
                .as("statements: %s", counter.statements())
                .hasSize(2);
        assertThat(counter.statements().get(1)).contains("AS interest_ids").doesNotContain("count(*)");
        assertThat(counter.transactions()).isZero();
        // however far past: the page's offset is no int that overflows
        HttpResponse<String> farthest = page("/resources?page=" + Integer.MAX_VALUE);
        assertThat(farthest.code()).isEqualTo(200);
        assertThat(farthest.body()).contains("Interview guide 0");
    }

    private HttpResponse<String> page(String path) {
        return Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept("text/html")
                        .header("Host", hostOf(uni.subdomain()))
                        .header("Cookie", student.cookie()));
    }
}
