package com.careerai.auth.session;

import jakarta.inject.Singleton;

/**
 * The CSRF token of a signed-in browser session: a keyed hash of the session id, so it needs no
 * storage and dies with the session (anonymous visitors get one from a cookie seed instead). Forms send it as the {@code csrf} field (or query parameter
 * for multipart forms), scripts as the {@code X-CSRF-Token} header.
 */
@Singleton
public class CsrfTokens {
    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final Secrets secrets;

    CsrfTokens(Secrets secrets) {
        this.secrets = secrets;
    }

    public String forSession(String sessionId) {
        return secrets.hmac("csrf", sessionId);
    }

    public boolean matches(String sessionId, String presented) {
        return Secrets.constantTimeEquals(forSession(sessionId), presented);
    }

    /**
     * The CSRF token of an anonymous visitor (sign-in forms): a keyed hash of the random seed in
     * the visitor's CSRF cookie, so the page carries the token and only this site's cookie proves it.
     */
    public String forAnonymous(String seed) {
        return secrets.hmac("csrf-anonymous", seed);
    }
}
