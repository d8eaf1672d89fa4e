package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request's Host header names: the platform's own site on the bare base domain, one
 * university's subdomain, or something that is neither (an IP, a foreign domain, a nested name).
 */
public sealed interface HostName {
    Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    /** The bare base domain: the public site. */
    record Root() implements HostName {}

    /** {@code <subdomain>.<base>}: a candidate university (not yet looked up). */
    record Tenant(String subdomain) implements HostName {}

    /** Anything else. */
    record Foreign() implements HostName {}

    /** Parses a Host header value (case-insensitive, port ignored) against the base domain. */
    static HostName parse(@Nullable String host, String baseDomain) {
        if (host == null || host.isBlank()) {
            return new Foreign();
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return new Foreign(); // IPv6 literal
        }
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals(baseDomain)) {
            return new Root();
        }
        String suffix = "." + baseDomain;
        if (!name.endsWith(suffix)) {
            return new Foreign();
        }
        String subdomain = name.substring(0, name.length() - suffix.length());
        if (!LABEL.matcher(subdomain).matches() || ReservedSubdomains.isReserved(subdomain)) {
            return new Foreign();
        }
        return new Tenant(subdomain);
    }
}
