package com.careerai.testing;

import com.careerai.auth.User;
import com.careerai.auth.session.CsrfTokens;
import com.careerai.auth.session.SessionConfiguration;
import com.careerai.auth.session.SessionStore;
import jakarta.inject.Singleton;

/** Signs a user in without the sign-in flow, for tests of features behind sign-in. */
@Singleton
public class TestSessions {
    /**
     * A session as a browser and an API client would hold it.
     *
     * @param token the raw session token (also usable as {@code Authorization: Bearer})
     * @param cookie the {@code Cookie} header value carrying the session
     * @param csrf the CSRF token forms of this session must send
     */
    public record SignedIn(String token, String cookie, String csrf) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    private final SessionStore sessions;
    private final SessionConfiguration configuration;
    private final CsrfTokens csrfTokens;

    TestSessions(SessionStore sessions, SessionConfiguration configuration, CsrfTokens csrfTokens) {
        this.sessions = sessions;
        this.configuration = configuration;
        this.csrfTokens = csrfTokens;
    }

    /**
     * A visitor who is not signed in, as a browser that opened a page holds it.
     *
     * @param cookie the {@code Cookie} header value carrying the CSRF seed
     * @param csrf the token the visitor's forms send
     */
    public record Anonymous(String cookie, String csrf) {}

    public Anonymous anonymous() {
        String seed = com.careerai.auth.session.Secrets.randomToken();
        return new Anonymous(configuration.csrfCookieName() + "=" + seed, csrfTokens.forAnonymous(seed));
    }

    public SignedIn signIn(User user) {
        String token = sessions.open(user.universityId(), user.id());
        return new SignedIn(
                token, configuration.cookieName() + "=" + token, csrfTokens.forSession(sessions.idOf(token)));
    }
}
