package com.careerai.auth.session;

import jakarta.inject.Singleton;

/**
 * The CSRF token of a signed-in browser session: a keyed hash of the session id, so it needs no
 * storage and dies with the session. Forms send it as the {@code csrf} field (or query parameter
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
}
