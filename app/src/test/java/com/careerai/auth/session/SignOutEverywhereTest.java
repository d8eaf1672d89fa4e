package com.careerai.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.Browser;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two web nodes on one PostgreSQL and one Redis: signing out on one ends the session on both. */
@MicronautTest(transactional = false)
class SignOutEverywhereTest extends IntegrationTest {
    @Inject
    EmbeddedServer nodeA;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    EmbeddedServer nodeB;

    @BeforeAll
    void startSecondNode() {
        nodeB = ApplicationContext.run(EmbeddedServer.class, new HashMap<String, Object>(getProperties()));
    }

    @AfterAll
    void stopSecondNode() {
        nodeB.close();
    }

    @Test
    void signingOutOnOneNodeRevokesTheSessionOnTheOther() {
        University university = fixtures.university();
        SignedIn session = sessions.signIn(fixtures.student(university));
        String host = hostOf(university.subdomain());
        try (Browser onA = new Browser(nodeA.getURL(), host);
                Browser onB = new Browser(nodeB.getURL(), host)) {
            for (Browser node : new Browser[] {onA, onB}) {
                String[] cookie = session.cookie().split("=", 2);
                node.setCookie(cookie[0], cookie[1]);
                assertThat(node.get("/api/v1/me").status()).isEqualTo(200);
            }
            assertThat(onA.postJson("/api/v1/auth/signout", "{}", "X-CSRF-Token", session.csrf())
                            .status())
                    .isEqualTo(204);
            assertThat(onB.get("/api/v1/me", "Accept", "application/json").status())
                    .isEqualTo(401);
            assertThat(onB.get("/api/v1/me", "Authorization", session.bearer()).status())
                    .isEqualTo(401);
        }
    }
}
