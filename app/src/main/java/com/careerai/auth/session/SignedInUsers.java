package com.careerai.auth.session;

import com.careerai.auth.SignedInUser;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;

/** Reads the signed-in user and session facts that {@link SessionAuthenticationFetcher} attached. */
public final class SignedInUsers {
    private SignedInUsers() {}

    public static Optional<SignedInUser> current(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(authentication -> authentication.getAttributes().get(SessionAuthenticationFetcher.ATTRIBUTE_USER))
                .filter(SignedInUser.class::isInstance)
                .map(SignedInUser.class::cast);
    }

    /** The session id of the request, whether it came by cookie or bearer token. */
    public static Optional<String> sessionId(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(authentication ->
                (String) authentication.getAttributes().get(SessionAuthenticationFetcher.ATTRIBUTE_SESSION_ID));
    }

    /** The raw session token the request authenticated with (cookie or bearer), to revoke it. */
    public static Optional<String> token(HttpRequest<?> request) {
        if (request.getUserPrincipal(Authentication.class).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> cookieToken =
                request.getAttribute(SessionAuthenticationFetcher.COOKIE_SESSION_TOKEN, String.class);
        if (cookieToken.isPresent()) {
            return cookieToken;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.empty();
    }

    /** Whether the request authenticated with a bearer token (API client: no CSRF needed). */
    public static boolean viaBearer(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .map(authentication ->
                        "bearer".equals(authentication.getAttributes().get(SessionAuthenticationFetcher.ATTRIBUTE_VIA)))
                .orElse(false);
    }
}
