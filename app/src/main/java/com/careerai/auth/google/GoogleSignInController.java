package com.careerai.auth.google;

import com.careerai.auth.NextPages;
import com.careerai.auth.session.SessionConfiguration;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Starts "Continue with Google": remembers where to return in a short-lived cookie, then hands
 * over to Micronaut Security's {@code /oauth/login/google} (which sets the state and nonce).
 */
@Hidden
@Controller("/signin/google")
@Secured(SecurityRule.IS_ANONYMOUS)
class GoogleSignInController {
    static final String NEXT_COOKIE = "careerai_signin_next";
    static final String CALLBACK_PATH = "/oauth/callback/" + GoogleSignIn.PROVIDER;

    private final GoogleSignIn googleSignIn;
    private final SessionConfiguration sessionConfiguration;

    GoogleSignInController(GoogleSignIn googleSignIn, SessionConfiguration sessionConfiguration) {
        this.googleSignIn = googleSignIn;
        this.sessionConfiguration = sessionConfiguration;
    }

    @Get
    HttpResponse<?> start(@Nullable @QueryValue String next) {
        if (!googleSignIn.isEnabled()) {
            throw new GoogleSignInUnavailableException();
        }
        Cookie cookie = Cookie.of(NEXT_COOKIE, URLEncoder.encode(NextPages.safe(next), StandardCharsets.UTF_8))
                .path(CALLBACK_PATH)
                .maxAge(Duration.ofMinutes(10))
                .httpOnly(true)
                .secure(sessionConfiguration.isSecureCookie())
                .sameSite(SameSite.Lax);
        return HttpResponse.seeOther(URI.create("/oauth/login/" + GoogleSignIn.PROVIDER))
                .cookie(cookie);
    }

    /** 404: Google sign-in is not configured on this deployment. */
    static final class GoogleSignInUnavailableException extends ProblemException {
        private static final long serialVersionUID = 1L;

        GoogleSignInUnavailableException() {
            super(
                    HttpStatus.NOT_FOUND,
                    "not_found",
                    "Google sign-in is not set up here. Sign in with a code sent by email.");
        }
    }
}
