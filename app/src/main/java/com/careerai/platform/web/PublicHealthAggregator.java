package com.careerai.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health} is public (load balancers call it), so it reports each component's status
 * (jdbc, redis, …) but never its details: no URLs, versions or error messages leave the process.
 *
 * <p>A load balancer polls it several times a second from every node: the indicators' result is
 * kept for {@code careerai.health.cache-for} (1 s by default, 0 to check on every call), and
 * callers that arrive together while it is being checked share the one check, so a poll costs no
 * database connection or Redis round trip (issue 19, ADR 0029).
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
class PublicHealthAggregator extends DefaultHealthAggregator {
    private final long cacheForNanos;
    /** Indicator set and level of detail → the shared check and when it started. */
    private final Map<String, Check> checks = new ConcurrentHashMap<>();

    private record Check(Mono<HealthResult> result, long startedAt) {}

    PublicHealthAggregator(
            ApplicationConfiguration applicationConfiguration,
            @Value("${careerai.health.cache-for:1s}") Duration cacheFor) {
        super(applicationConfiguration);
        this.cacheForNanos = cacheFor.toNanos();
    }

    @Override
    public Publisher<HealthResult> aggregate(HealthIndicator[] indicators, HealthLevelOfDetail healthLevelOfDetail) {
        if (cacheForNanos <= 0) {
            return super.aggregate(indicators, healthLevelOfDetail);
        }
        String key = healthLevelOfDetail
                + Arrays.toString(Arrays.stream(indicators)
                        .mapToInt(System::identityHashCode)
                        .sorted()
                        .toArray());
        long now = System.nanoTime();
        Check check = checks.compute(
                key,
                (k, kept) -> kept != null && now - kept.startedAt() < cacheForNanos
                        ? kept
                        : new Check(
                                Mono.from(super.aggregate(indicators, healthLevelOfDetail))
                                        .cache(),
                                now));
        return check.result();
    }

    @Override
    protected Object aggregateDetails(List<HealthResult> results) {
        Map<String, Object> statuses = new TreeMap<>();
        for (HealthResult result : results) {
            statuses.put(result.getName(), Map.of("status", result.getStatus().getName()));
        }
        return statuses;
    }
}
