package com.careerai.auth.google;

import com.careerai.auth.NextPages;
import com.careerai.auth.session.SessionCookies;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Ends a Google sign-in the way a code sign-in ends: opens OUR server-side session (Redis), sets
 * OUR session cookie and sends the browser where it was going. Replaces Micronaut Security's
 * JWT-cookie login handler: CareerAI issues no JWTs.
 */
@Singleton
class SessionLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {
    private static final Set<String> KNOWN_FAILURES =
            Set.of("domain_not_allowed", "email_not_verified", "google_account_conflict", "google_failed");

    private final SessionCookies sessionCookies;

    SessionLoginHandler(SessionCookies sessionCookies) {
        this.sessionCookies = sessionCookies;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Optional<University> university = Tenants.current(request);
        Object universityId = authentication.getAttributes().get(GoogleAuthenticationMapper.ATTRIBUTE_UNIVERSITY_ID);
        Object userId = authentication.getAttributes().get(GoogleAuthenticationMapper.ATTRIBUTE_USER_ID);
        if (university.isEmpty()
                || !(universityId instanceof Number uid)
                || uid.longValue() != university.get().id()
                || !(userId instanceof Number id)) {
            return failed("google_failed");
        }
        return HttpResponse.seeOther(URI.create(next(request)))
                .cookie(sessionCookies
                        .signIn(request, uid.longValue(), id.longValue())
                        .cookie())
                .cookie(clearedNext());
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(
            Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return failed("google_failed");
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        String code = response.getMessage().filter(KNOWN_FAILURES::contains).orElse("google_failed");
        return failed(code);
    }

    private static MutableHttpResponse<?> failed(String code) {
        return HttpResponse.seeOther(
                        URI.create("/signin?google_error=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .cookie(clearedNext());
    }

    private static String next(HttpRequest<?> request) {
        try {
            return request.getCookies()
                    .findCookie(GoogleSignInController.NEXT_COOKIE)
                    .map(Cookie::getValue)
                    .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
                    .map(NextPages::safe)
                    .orElse(NextPages.HOME);
        } catch (IllegalArgumentException malformed) {
            return NextPages.HOME;
        }
    }

    private static Cookie clearedNext() {
        return Cookie.of(GoogleSignInController.NEXT_COOKIE, "")
                .path(GoogleSignInController.CALLBACK_PATH)
                .maxAge(Duration.ZERO);
    }
}
