package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A marked model's page is rendered once per distinct model: an equal model (another map with the
 * same content) gets the kept bytes, any difference renders again, and an unmarked model is never
 * kept. The student's home is kept, and its data is read on every load, so what changed shows at the
 * next load — the header's balance right after a top-up or a debit, the bell and the notifications
 * panel after a notice, the balances panel, the recent runs (the next steps: {@code ProfileTest}).
 */
@MicronautTest(transactional = false)
class RenderedPagesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    RenderedPages kept;

    @Inject
    Wallets wallets;

    private record Row(String label, List<String> tags) {}

    @Override
    protected Map<String, String> extraProperties() {
        // a context's first home renders cold: on a machine shared by four builds that took over 10 s
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @Test
    void anEqualModelGetsTheKeptPageAndAnyDifferenceRendersAgain() throws IOException {
        RenderedPages pages = new RenderedPages();
        AtomicInteger renders = new AtomicInteger();

        assertThat(write(pages, model("Ada", 1), renders)).isEqualTo("Ada: [Row[label=a, tags=[x, 1]]]");
        assertThat(write(pages, model("Ada", 1), renders)).isEqualTo("Ada: [Row[label=a, tags=[x, 1]]]");
        assertThat(renders).as("the second, equal model was not rendered").hasValue(1);
        assertThat(pages.hits()).isEqualTo(1);

        assertThat(write(pages, model("Ada", 2), renders)).isEqualTo("Ada: [Row[label=a, tags=[x, 2]]]");
        assertThat(write(pages, model("Bea", 1), renders)).isEqualTo("Bea: [Row[label=a, tags=[x, 1]]]");
        assertThat(renders).as("a value deep in the model, a top-level value").hasValue(3);

        Map<String, Object> kept = model("Ada", 1);
        StringWriter text = new StringWriter();
        pages.page("view", kept, () -> new WholePage(render(kept, renders))).writeTo(text);
        assertThat(text.toString()).as("the kept page through a writer").isEqualTo("Ada: [Row[label=a, tags=[x, 1]]]");
        assertThat(renders).hasValue(3);

        ByteArrayOutputStream latin = new ByteArrayOutputStream();
        Map<String, Object> other = model("Zoë", 1);
        pages.page("view", other, () -> new WholePage(render(other, renders)))
                .writeTo(latin, StandardCharsets.ISO_8859_1);
        assertThat(latin.toString(StandardCharsets.ISO_8859_1)).isEqualTo("Zoë: [Row[label=a, tags=[x, 1]]]");
        assertThat(write(pages, model("Zoë", 1), renders))
                .as("a page written in another charset is not kept")
                .isEqualTo("Zoë: [Row[label=a, tags=[x, 1]]]");
        assertThat(renders).hasValue(5);
    }

    @Test
    void onlyMarkedModelsArePagesToKeep() {
        Map<String, Object> model = new HashMap<>(Map.of("name", "Ada"));
        assertThat(RenderedPages.marked(model)).isFalse();
        RenderedPages.keep(model);
        assertThat(RenderedPages.marked(model)).isTrue();
    }

    @Test
    void anUnchangedHomeIsTheSamePageAndEveryChangeShowsAtTheNextLoad() {
        University university = fixtures.university();
        User user = fixtures.verifiedStudent(university);
        SignedIn student = sessions.signIn(user);
        String first = home(university, student);
        long hits = kept.hits();
        assertThat(home(university, student)).as("the same data, the same page").isEqualTo(first);
        assertThat(kept.hits())
                .as("the second load's model equals the first's: a kept page")
                .isEqualTo(hits + 1);
        long silver = fixtures.in(university, () -> wallets.balances(university.id(), user.id()))
                .silver();

        fixtures.in(
                university,
                () -> wallets.topUp(
                        university.id(), user.id(), Currency.SILVER, 7, "test:kept-" + user.id(), Map.of()));
        String toppedUp = home(university, student);
        assertThat(toppedUp)
                .as("the header's balance and the balances panel after a top-up")
                .contains("<span class=\"coin silver\"></span>" + (silver + 7) + " ")
                .contains("Silver: " + (silver + 7) + " credits");

        fixtures.in(
                university,
                () -> wallets.debitAmount(
                        university.id(),
                        user.id(),
                        "cv-analysis",
                        Currency.SILVER,
                        3,
                        UUID.randomUUID(),
                        "test:kept-debit-" + user.id()));
        assertThat(home(university, student))
                .as("the header's balance after a debit")
                .contains("<span class=\"coin silver\"></span>" + (silver + 4) + " ")
                .contains("Silver: " + (silver + 4) + " credits");

        assertThat(home(university, student)).doesNotContain("Kept page notice");
        execute(
                "INSERT INTO notifications (university_id, user_id, kind, title, event_id)"
                        + " VALUES (?, ?, 'RUN', 'Kept page notice', gen_random_uuid())",
                university.id(),
                user.id());
        assertThat(home(university, student))
                .as("the bell and the notifications panel after a notice")
                .contains("Notifications, 1 unread")
                .contains("Kept page notice");

        execute(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, model, demo, input,"
                        + " output, attempts, started_at, finished_at, title) VALUES (?, gen_random_uuid(), ?,"
                        + " 'job-pack', 'SUCCEEDED', 'SILVER', 1, 'mock', false, '{}', '{\"summary\": \"x\"}', 1,"
                        + " now(), now(), 'Kept page run')",
                university.id(),
                user.id());
        assertThat(home(university, student))
                .as("the recent runs panel after a run")
                .contains("Kept page run");
    }

    private static Map<String, Object> model(String name, int tag) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("rows", List.of(new Row("a", List.of("x", String.valueOf(tag)))));
        model.put("layout", new HashMap<>(Map.of("path", "/")));
        RenderedPages.keep(model);
        return model;
    }

    private static Writable render(Map<String, Object> model, AtomicInteger renders) {
        return out -> {
            renders.incrementAndGet();
            out.write(model.get("name") + ": " + model.get("rows"));
        };
    }

    private static String write(RenderedPages pages, Map<String, Object> model, AtomicInteger renders)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pages.page("view", model, () -> new WholePage(render(model, renders))).writeTo(bytes, StandardCharsets.UTF_8);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String home(University university, SignedIn student) {
        HttpResponse<String> response = http.toBlocking()
                .exchange(
                        HttpRequest.GET("/")
                                .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                .header(HttpHeaders.AUTHORIZATION, student.bearer())
                                .accept(MediaType.TEXT_HTML),
                        String.class);
        assertThat(response.code()).isEqualTo(200);
        return response.body();
    }
}
