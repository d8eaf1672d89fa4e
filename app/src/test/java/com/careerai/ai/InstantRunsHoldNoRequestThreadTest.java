package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Http;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeOpenAiServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.HeldRequests;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An instant (synchronous) tool's run waits for the model on its own executor, not on a request thread
 * (ADR 0077): more students than the request pool has threads wait for the model at once, and another
 * student's wallet is served meanwhile.
 */
@MicronautTest(transactional = false)
class InstantRunsHoldNoRequestThreadTest extends IntegrationTest {
    static final FakeOpenAiServer OPEN_AI = new FakeOpenAiServer();
    /** Two more than the request pool's threads (4 per core). */
    static final int RUNS = 4 * Runtime.getRuntime().availableProcessors() + 2;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.ai.mode", "openai",
                "careerai.ai.api-key", "test-key",
                "careerai.ai.base-url", OPEN_AI.baseUrl(),
                "careerai.ai.call-timeout", "60s",
                "careerai.ai.sync-timeout", "60s",
                "careerai.ai.sync-threads", String.valueOf(RUNS),
                "careerai.ai.sync-queue-limit", "0",
                "micronaut.http.client.read-timeout", "60s");
    }

    @AfterAll
    void stopOpenAi() {
        OPEN_AI.close();
    }

    @Test
    void studentsWaitingForAnInstantAnswerLeaveTheRequestPoolFree() throws Exception {
        University uni = fixtures.university();
        List<User> students = IntStream.range(0, RUNS)
                .mapToObj(i -> fixtures.verifiedStudent(uni))
                .toList();
        fixtures.run(
                uni,
                () -> students.forEach(student -> wallets.grant(
                        uni.id(), student.id(), Currency.SILVER, 5, "setup:" + student.id(), "test", "setup")));
        User reader = fixtures.verifiedStudent(uni);
        CountDownLatch release = new CountDownLatch(1);
        OPEN_AI.otherwise(body -> new FakeOpenAiServer.Held(release, ToolSamples.answer("internship-finder")));
        Map<String, Object> body = Map.of(
                "currency",
                "silver",
                "input",
                ToolSchemas.JSON.convertValue(ToolSamples.input("internship-finder"), Map.class));
        try {
            List<CompletableFuture<HttpResponse<String>>> started = HeldRequests.sendAtOnce(
                    students,
                    student -> Http.exchange(
                            client,
                            HttpRequest.POST("/api/v1/tools/internship-finder/runs", body)
                                    .header("Host", hostOf(uni.subdomain()))
                                    .header(
                                            "Authorization",
                                            sessions.signIn(student).bearer())));

            // Every student's run is with the model at once: none queues behind another for a thread.
            HeldRequests.assertAllWaitAtOnceWhileThePoolServes(
                    started,
                    OPEN_AI::held,
                    () -> Http.exchange(
                            client,
                            HttpRequest.GET("/api/v1/wallet")
                                    .header("Host", hostOf(uni.subdomain()))
                                    .header(
                                            "Authorization",
                                            sessions.signIn(reader).bearer())));

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> run : started) {
                HttpResponse<String> answer = run.get(60, TimeUnit.SECONDS);
                assertThat(answer.code()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"status\":\"SUCCEEDED\"");
            }
        } finally {
            release.countDown();
        }
    }
}
