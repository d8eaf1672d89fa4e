package com.careerai.referrals;

import com.careerai.auth.session.SessionConfiguration;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code /join?ref=CODE} on a university's host: a code of this university is kept in a cookie of
 * this host for 30 days and the visitor goes on to sign up; a code of another university, or none,
 * does nothing but lead to sign-in. Someone already signed in simply goes home.
 */
@Controller("/join")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class JoinController {
    static final String COOKIE = "careerai_ref";
    static final Duration KEPT = Duration.ofDays(30);

    private final Referrals referrals;
    private final SessionConfiguration sessions;

    JoinController(Referrals referrals, SessionConfiguration sessions) {
        this.referrals = referrals;
        this.sessions = sessions;
    }

    @Get
    HttpResponse<?> join(
            HttpRequest<?> request, @CurrentUniversity University university, @QueryValue @Nullable String ref) {
        if (SignedInUsers.current(request).isPresent()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create("/signin"));
        String code = ref == null ? null : ref.strip().toUpperCase(Locale.ROOT);
        if (code != null && referrals.known(university.id(), code)) {
            response.cookie(Cookie.of(COOKIE, code)
                    .path("/")
                    .httpOnly(true)
                    .secure(sessions.isSecureCookie())
                    .sameSite(SameSite.Lax)
                    .maxAge(KEPT));
        }
        return response;
    }
}
