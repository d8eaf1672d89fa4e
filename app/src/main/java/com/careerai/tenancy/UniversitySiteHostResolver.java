package com.careerai.tenancy;

import com.careerai.platform.config.CareerAiConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpHostResolver;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;

/**
 * The scheme and host of every absolute URL Micronaut or a feature builds for a request (Stripe
 * return addresses, OpenID callbacks): the configured site of the request's university, or the
 * platform's root site; never the raw Host header, which a client chooses (a
 * {@code DEMO.careerai.localhost.:6666} Host still reaches the demo university).
 */
@Singleton
@Replaces(DefaultHttpHostResolver.class)
class UniversitySiteHostResolver implements HttpHostResolver {
    private final CareerAiConfiguration configuration;

    UniversitySiteHostResolver(CareerAiConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public String resolve(@Nullable HttpRequest request) {
        if (request != null) {
            java.util.Optional<University> university = Tenants.current(request);
            if (university.isPresent()) {
                return configuration.siteUrlOf(university.get().subdomain());
            }
        }
        return configuration.rootUrl();
    }
}
