package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** A load balancer's polls within the cache time are answered without running the indicators again. */
@MicronautTest(transactional = false)
class HealthCacheTest extends IntegrationTest {
    @Inject
    EmbeddedServer server;

    @Inject
    CountingIndicator indicator;

    @Override
    protected Map<String, String> extraProperties() {
        // Long enough that the test never crosses it, whatever the machine's load.
        return Map.of("spec.name", "HealthCacheTest", "careerai.health.cache-for", "1h");
    }

    @Test
    void pollsWithinTheCacheTimeRunTheIndicatorsOnce() {
        for (int i = 0; i < 20; i++) {
            RawHttp.Answer answer = RawHttp.get(server.getPort(), "/health", "Host: 10.0.0.7", "application/json");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"UP\"").contains("\"counting\":{\"status\":\"UP\"}");
        }
        assertThat(indicator.calls.get()).isEqualTo(1);
    }

    @Singleton
    @Requires(property = "spec.name", value = "HealthCacheTest")
    static class CountingIndicator implements HealthIndicator {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Publisher<HealthResult> getResult() {
            return Mono.fromSupplier(() -> {
                calls.incrementAndGet();
                return HealthResult.builder("counting", HealthStatus.UP).build();
            });
        }
    }
}
