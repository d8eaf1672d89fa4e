package com.careerai.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every response, errors included (ADR 0014): a Content-Security-Policy that
 * allows scripts only from this site's own files (no inline scripts, no {@code on*=} handlers), no
 * framing, no MIME sniffing, a referrer that stays on the site, HSTS when configured, and
 * {@code Cache-Control: no-store} on everything a signed-in user is shown; and the {@code date}
 * header, kept for each second ({@link DateHeader}), where Micronaut wrote it for every response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter implements Ordered {
    /**
     * Styles may be inline (the layout sets the university's colour); images may come from the
     * university's logo address.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private final HttpHardeningConfiguration configuration;

    SecurityHeadersFilter(HttpHardeningConfiguration configuration) {
        this.configuration = configuration;
    }

    @ResponseFilter
    public void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("date", DateHeader.now());
        headers.set("Content-Security-Policy", ContentSecurityPolicy.of(request).orElse(CONTENT_SECURITY_POLICY));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        if (configuration.isHsts()) {
            headers.set(
                    "Strict-Transport-Security",
                    "max-age=" + configuration.getHstsMaxAge().toSeconds() + "; includeSubDomains");
        }
        if (request.getUserPrincipal().isPresent() && !request.getPath().startsWith("/static/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
