package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeStripeServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.HeldRequests;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A payment provider that does not answer holds none of the request pool's threads (ADR 0077): more
 * checkouts than the pool has threads wait on the provider together, on the io pool, while a student's
 * wallet is still served.
 */
@MicronautTest(transactional = false)
class StuckProviderTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> moreProperties() {
        // Longer than stripe-java's own timeout: a checkout that waited for a thread would fail
        // there first, and the test would see it answered.
        return Map.of("micronaut.http.client.read-timeout", "120s");
    }

    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorConfiguration requestPool;

    @Test
    void theRequestPoolHasFourThreadsPerCore() {
        assertThat(requestPool.getNumberOfThreads())
                .isEqualTo(4 * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void checkoutsWaitingOnAStuckProviderLeaveTheRequestPoolFree() throws Exception {
        University uni = fixtures.university();
        int checkouts = requestPool.getNumberOfThreads() + 2;
        List<User> buyers = IntStream.range(0, checkouts)
                .mapToObj(i -> fixtures.verifiedStudent(uni))
                .toList();
        User reader = fixtures.verifiedStudent(uni);
        FakeStripeServer.Hold hold = stripe.hold();
        try {
            List<CompletableFuture<HttpResponse<String>>> started = HeldRequests.sendAtOnce(
                    buyers,
                    buyer -> Http.exchange(
                            client,
                            HttpRequest.POST("/api/v1/billing/checkout", Map.of("product", "gold-10"))
                                    .header("Host", hostOf(uni.subdomain()))
                                    .header(
                                            "Authorization",
                                            sessions.signIn(buyer).bearer())));

            // Every checkout reaches the provider: none queues behind another for a thread.
            HeldRequests.assertAllWaitAtOnceWhileThePoolServes(
                    started,
                    hold::waiting,
                    () -> Http.exchange(
                            client,
                            HttpRequest.GET("/api/v1/wallet")
                                    .header("Host", hostOf(uni.subdomain()))
                                    .header(
                                            "Authorization",
                                            sessions.signIn(reader).bearer())));
            assertThat(hold.waiting()).isEqualTo(checkouts);

            hold.release();
            for (CompletableFuture<HttpResponse<String>> checkout : started) {
                HttpResponse<String> response = checkout.get(30, TimeUnit.SECONDS);
                assertThat(response.code()).as(response.body()).isEqualTo(200);
            }
        } finally {
            hold.release();
        }
    }
}
