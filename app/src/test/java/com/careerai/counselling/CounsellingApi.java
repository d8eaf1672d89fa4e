package com.careerai.counselling;

import com.careerai.credits.Http;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Calls the counselling JSON API as a signed-in person of one university (bearer token, Host header). */
final class CounsellingApi {
    private final HttpClient client;
    private final ObjectMapper json;

    CounsellingApi(HttpClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    HttpResponse<String> get(String subdomain, SignedIn session, String path) {
        return send(subdomain, session, HttpRequest.GET(path));
    }

    HttpResponse<String> post(String subdomain, SignedIn session, String path, Object body) {
        return send(subdomain, session, HttpRequest.POST(path, body));
    }

    HttpResponse<String> put(String subdomain, SignedIn session, String path, Object body) {
        return send(subdomain, session, HttpRequest.PUT(path, body));
    }

    HttpResponse<String> book(String subdomain, SignedIn session, long counsellorId, String type, Instant start) {
        return post(
                subdomain,
                session,
                "/api/v1/appointments",
                Map.of("counsellorId", counsellorId, "sessionType", type, "start", start.toString()));
    }

    private HttpResponse<String> send(String subdomain, SignedIn session, MutableHttpRequest<?> request) {
        request.header("Host", IntegrationTest.hostOf(subdomain)).accept("application/json");
        if (session != null) {
            request.header("Authorization", session.bearer());
        }
        return Http.exchange(client, request);
    }

    Map<String, Object> map(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> list(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
