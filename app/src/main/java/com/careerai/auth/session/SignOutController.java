package com.careerai.auth.session;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * Signing out revokes the session in Redis, so the cookie and the bearer token stop working on
 * every node at once, and clears the cookie.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SignOutController {
    private final SessionStore sessions;
    private final SessionCookies sessionCookies;

    SignOutController(SessionStore sessions, SessionCookies sessionCookies) {
        this.sessions = sessions;
        this.sessionCookies = sessionCookies;
    }

    /** The header's sign-out form (field {@code csrf}); anonymous visitors are just sent home. */
    @Hidden
    @Post(
            uri = "/signout",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signOut(HttpRequest<?> request) {
        endEverySession(request);
        return HttpResponse.seeOther(URI.create("/")).cookie(sessionCookies.cleared());
    }

    @Post("/api/v1/auth/signout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(io.micronaut.http.HttpStatus.NO_CONTENT)
    @Tag(name = "Auth")
    @Operation(
            summary = "Sign out",
            description = "Ends every session and bearer token of the signed-in user on every node. Cookie callers "
                    + "send X-CSRF-Token; bearer callers need no CSRF token.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    HttpResponse<?> apiSignOut(HttpRequest<?> request) {
        endEverySession(request);
        return HttpResponse.noContent().cookie(sessionCookies.cleared());
    }

    /** Signing out ends every session of the user (other browsers, API tokens), on every node. */
    private void endEverySession(HttpRequest<?> request) {
        SignedInUsers.token(request).ifPresent(sessions::revoke);
        SignedInUsers.current(request).ifPresent(user -> sessions.revokeAll(user.universityId(), user.userId()));
    }
}
