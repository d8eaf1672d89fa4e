package com.careerai.auth.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Session settings ({@code careerai.session.*}). */
@ConfigurationProperties("careerai.session")
public class SessionConfiguration {
    private Duration lifetime = Duration.ofDays(14);
    private boolean secureCookie = true;

    /** How long a session or API token lasts after sign-in. */
    public Duration getLifetime() {
        return lifetime;
    }

    public void setLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /**
     * Whether the cookie is {@code Secure} and {@code __Host-} prefixed; off only in dev, where the
     * demo is served over plain HTTP.
     */
    public boolean isSecureCookie() {
        return secureCookie;
    }

    public void setSecureCookie(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    public String cookieName() {
        return secureCookie ? "__Host-careerai_session" : "careerai_session";
    }

    /** Cookie holding the seed of an anonymous visitor's CSRF token (sign-in forms). */
    public String csrfCookieName() {
        return secureCookie ? "__Host-careerai_csrf" : "careerai_csrf";
    }
}
