package com.careerai.auth.session;

import com.careerai.platform.web.LayoutContributor;
import com.careerai.tenancy.Tenants;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Shows the signed-in user in the header and gives every page the CSRF token for its forms: the
 * session's token when signed in, else the anonymous visitor's (sign-in forms).
 */
@Singleton
class SessionLayoutContributor implements LayoutContributor {
    private final CsrfTokens csrfTokens;
    private final AnonymousCsrf anonymousCsrf;

    SessionLayoutContributor(CsrfTokens csrfTokens, AnonymousCsrf anonymousCsrf) {
        this.csrfTokens = csrfTokens;
        this.anonymousCsrf = anonymousCsrf;
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).ifPresent(user -> layout.put("user", user));
        Optional<String> sessionId = SignedInUsers.sessionId(request);
        if (sessionId.isPresent()) {
            layout.put("csrfToken", csrfTokens.forSession(sessionId.get()));
        } else if (Tenants.current(request).isPresent()) {
            layout.put("csrfToken", anonymousCsrf.tokenFor(request));
        }
    }
}
