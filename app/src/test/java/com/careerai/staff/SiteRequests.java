package com.careerai.staff;

import static com.careerai.testing.IntegrationTest.hostOf;

import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import java.util.HashMap;
import java.util.Map;

/** Pages and API calls on a university's host, as a signed-in browser (cookie + CSRF) or anonymously. */
final class SiteRequests {
    private final HttpClient client;

    SiteRequests(HttpClient client) {
        this.client = client;
    }

    HttpResponse<String> get(University university, String path, @Nullable SignedIn session) {
        MutableHttpRequest<?> request = HttpRequest.GET(path)
                .accept(path.startsWith("/api/") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return exchange(university, request);
    }

    HttpResponse<String> postForm(University university, String path, SignedIn session, Map<String, String> form) {
        Map<String, String> body = new HashMap<>(form);
        body.put("csrf", session.csrf());
        return exchange(
                university,
                HttpRequest.POST(path, body)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie()));
    }

    HttpResponse<String> postJson(University university, String path, SignedIn session, String json) {
        return exchange(
                university,
                HttpRequest.POST(path, json)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .header("Authorization", session.bearer()));
    }

    HttpResponse<String> exchange(University university, MutableHttpRequest<?> request) {
        return Http.exchange(client, request.header("Host", hostOf(university.subdomain())));
    }
}
