package com.careerai.platform.web;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * The one way a page widens the site's Content-Security-Policy (ADR 0014): a controller names the
 * extra sources for its own response only (Razorpay Checkout's script and frames on the payment
 * page, ADR 0032); every other response keeps {@link SecurityHeadersFilter#CONTENT_SECURITY_POLICY}.
 */
public final class ContentSecurityPolicy {
    static final String ATTRIBUTE = "careerai.content-security-policy";

    private ContentSecurityPolicy() {}

    /**
     * This response's policy: the site's, with {@code scripts} added to script-src, {@code frames}
     * as frame-src and {@code connections} added to connect-src (each a space-separated list of
     * https origins).
     */
    public static void widen(HttpRequest<?> request, String scripts, String frames, String connections) {
        String policy = SecurityHeadersFilter.CONTENT_SECURITY_POLICY
                .replace("script-src 'self';", "script-src 'self' " + scripts + ";")
                .replace("connect-src 'self';", "connect-src 'self' " + connections + "; frame-src " + frames + ";");
        request.setAttribute(ATTRIBUTE, policy);
    }

    static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }
}
