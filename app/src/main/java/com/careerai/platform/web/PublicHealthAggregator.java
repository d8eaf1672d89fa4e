package com.careerai.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /health} is public (load balancers call it), so it reports each component's status
 * (jdbc, redis, …) but never its details: no URLs, versions or error messages leave the process.
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
class PublicHealthAggregator extends DefaultHealthAggregator {

    PublicHealthAggregator(ApplicationConfiguration applicationConfiguration) {
        super(applicationConfiguration);
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
