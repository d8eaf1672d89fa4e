package com.careerai.auth.session;

import com.careerai.auth.User;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Opens sessions and writes their cookie: host-only ({@code __Host-} prefix, {@code Path=/}, no
 * {@code Domain}, so a sibling university's site can neither read nor set it), HttpOnly, Secure
 * outside dev, SameSite=Lax.
 */
@Singleton
public class SessionCookies {
    /**
     * A session just opened.
     *
     * @param token the session token: the cookie's value and the API bearer token
     * @param cookie the cookie to set
     * @param expiresAt when the session ends unless revoked earlier
     */
    public record OpenedSession(String token, Cookie cookie, Instant expiresAt) {}

    private final SessionStore sessions;
    private final SessionConfiguration configuration;

    SessionCookies(SessionStore sessions, SessionConfiguration configuration) {
        this.sessions = sessions;
        this.configuration = configuration;
    }

    /** Opens a session for {@code user} in the user's own university. */
    public OpenedSession open(User user) {
        return open(user.universityId(), user.id());
    }

    /** Opens a session for the user {@code userId} of {@code universityId}. */
    public OpenedSession open(long universityId, long userId) {
        String token = sessions.open(universityId, userId);
        return new OpenedSession(
                token,
                cookie(configuration.cookieName(), token).maxAge(configuration.getLifetime()),
                Instant.now().plus(configuration.getLifetime()));
    }

    /**
     * Signs {@code user} in with a brand-new session and ends the session the browser came with,
     * if any: a session id chosen or seen before sign-in is never promoted (no fixation).
     */
    public OpenedSession signIn(io.micronaut.http.HttpRequest<?> request, long universityId, long userId) {
        request.getCookies().findCookie(configuration.cookieName()).ifPresent(old -> sessions.revoke(old.getValue()));
        return open(universityId, userId);
    }

    public OpenedSession signIn(io.micronaut.http.HttpRequest<?> request, User user) {
        return signIn(request, user.universityId(), user.id());
    }

    /** Tells the browser to forget its session cookie. */
    public Cookie cleared() {
        return cookie(configuration.cookieName(), "").maxAge(Duration.ZERO);
    }

    /** The anonymous CSRF seed cookie (lives as long as the browser session). */
    Cookie csrfSeed(String seed) {
        return cookie(configuration.csrfCookieName(), seed);
    }

    private Cookie cookie(String name, String value) {
        return Cookie.of(name, value)
                .path("/")
                .httpOnly(true)
                .secure(configuration.isSecureCookie())
                .sameSite(SameSite.Lax);
    }
}
