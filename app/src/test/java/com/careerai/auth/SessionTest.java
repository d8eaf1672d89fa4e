package com.careerai.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.session.SessionStore;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SessionTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions testSessions;

    @Inject
    SessionStore sessions;

    University a;
    University b;

    @BeforeAll
    void universities() {
        a = fixtures.university();
        b = fixtures.university();
    }

    private HttpResponse<String> me(University university, String header, String value) {
        HttpRequest<?> request = HttpRequest.GET("/api/v1/me").header("Host", hostOf(university.subdomain()));
        if (header != null) {
            request = ((io.micronaut.http.MutableHttpRequest<?>) request).header(header, value);
        }
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus())
                    .body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    @Test
    void cookieAndBearerTokenIdentifyTheUser() {
        User student = fixtures.student(a);
        SignedIn session = testSessions.signIn(student);
        assertThat(me(a, "Cookie", session.cookie()).body()).contains("\"email\":\"" + student.email() + "\"");
        assertThat(me(a, "Authorization", session.bearer()).body()).contains("\"userId\":" + student.id());
    }

    @Test
    void anonymousGetsUnauthorizedInTheErrorShape() {
        HttpResponse<String> response = me(a, null, null);
        assertThat(response.code()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void sessionOfOneUniversityIsRejectedOnAnother() {
        SignedIn session = testSessions.signIn(fixtures.student(a));
        assertThat(me(b, "Cookie", session.cookie()).code()).isEqualTo(401);
        assertThat(me(b, "Authorization", session.bearer()).code()).isEqualTo(401);
    }

    @Test
    void revokedSessionStopsWorking() {
        SignedIn session = testSessions.signIn(fixtures.student(a));
        assertThat(me(a, "Cookie", session.cookie()).code()).isEqualTo(200);
        sessions.revoke(session.token());
        assertThat(me(a, "Cookie", session.cookie()).code()).isEqualTo(401);
    }

    @Test
    void forgedTokenIsRejected() {
        assertThat(me(a, "Authorization", "Bearer not-a-session").code()).isEqualTo(401);
    }
}
