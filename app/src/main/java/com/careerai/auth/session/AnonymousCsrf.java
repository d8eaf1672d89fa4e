package com.careerai.auth.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CSRF seed of a visitor who is not signed in: read from the CSRF cookie, or made up for this
 * request (and then set as a cookie on its response by {@link CsrfFilter}).
 */
@Singleton
class AnonymousCsrf {
    static final String NEW_SEED_ATTRIBUTE = "careerai.csrf.new-seed";
    private static final Pattern SEED = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final SessionConfiguration configuration;
    private final CsrfTokens csrfTokens;

    AnonymousCsrf(SessionConfiguration configuration, CsrfTokens csrfTokens) {
        this.configuration = configuration;
        this.csrfTokens = csrfTokens;
    }

    /** The seed the browser holds, if it sent a well-formed one. */
    Optional<String> presentedSeed(HttpRequest<?> request) {
        return request.getCookies()
                .findCookie(configuration.csrfCookieName())
                .map(Cookie::getValue)
                .filter(seed -> SEED.matcher(seed).matches());
    }

    /** The token for this visitor's pages, creating a seed (cookie to be set) when there is none. */
    String tokenFor(HttpRequest<?> request) {
        String seed = presentedSeed(request)
                .or(() -> request.getAttribute(NEW_SEED_ATTRIBUTE, String.class))
                .orElseGet(() -> {
                    String created = Secrets.randomToken();
                    request.setAttribute(NEW_SEED_ATTRIBUTE, created);
                    return created;
                });
        return csrfTokens.forAnonymous(seed);
    }

    /** The token a state-changing request of this visitor must carry, if the browser holds a seed. */
    Optional<String> expectedToken(HttpRequest<?> request) {
        return presentedSeed(request).map(csrfTokens::forAnonymous);
    }
}
