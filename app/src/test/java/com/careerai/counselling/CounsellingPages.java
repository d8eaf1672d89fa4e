package com.careerai.counselling;

import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens counselling pages and posts their forms as a signed-in person (session cookie, CSRF field, Host header). */
final class CounsellingPages {
    private final HttpClient client;

    CounsellingPages(HttpClient client) {
        this.client = client;
    }

    HttpResponse<String> get(University at, String path, SignedIn session) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept("text/html");
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return Http.exchange(client, request.header("Host", IntegrationTest.hostOf(at.subdomain())));
    }

    HttpResponse<String> post(University at, String path, SignedIn session, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        body.put("csrf", session.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST(path, body)
                        .contentType("application/x-www-form-urlencoded")
                        .accept("text/html")
                        .header("Cookie", session.cookie())
                        .header("Host", IntegrationTest.hostOf(at.subdomain())));
    }
}
