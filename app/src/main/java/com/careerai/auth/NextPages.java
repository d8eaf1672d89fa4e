package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;

/** Where to go after signing in: only a path on this same site, never another host. */
public final class NextPages {
    public static final String HOME = "/";
    private static final int MAX_LENGTH = 512;

    private NextPages() {}

    /** Whether the redirect can be sent at all ({@code /%zz} cannot: it is no URI). */
    private static boolean isUri(String next) {
        try {
            java.net.URI uri = new java.net.URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** {@code next} when it is a local path, else {@code "/"}. */
    public static String safe(@Nullable String next) {
        if (next == null
                || next.isEmpty()
                || next.length() > MAX_LENGTH
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.startsWith("/signin")
                || next.startsWith("/signout")
                || next.startsWith("/oauth/")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')
                || !isUri(next)) {
            return HOME;
        }
        return next;
    }
}
