package com.careerai.auth.session;

import com.careerai.platform.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;

/** Shows the signed-in user in the header and gives every page the CSRF token for its forms. */
@Singleton
class SessionLayoutContributor implements LayoutContributor {
    private final CsrfTokens csrfTokens;

    SessionLayoutContributor(CsrfTokens csrfTokens) {
        this.csrfTokens = csrfTokens;
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).ifPresent(user -> layout.put("user", user));
        SignedInUsers.sessionId(request).ifPresent(id -> layout.put("csrfToken", csrfTokens.forSession(id)));
    }
}
