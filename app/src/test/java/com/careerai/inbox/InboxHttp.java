package com.careerai.inbox;

import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests on a university's host as a browser (pages, forms with the CSRF field) or an API client (bearer). */
record InboxHttp(HttpClient client, University university) {

    HttpResponse<String> page(String path, @Nullable SignedIn session) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept("text/html");
        if (session != null) {
            request.header("Cookie", session.cookie());
        }
        return send(request);
    }

    HttpResponse<String> form(String path, SignedIn session, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("csrf", session.csrf());
        return send(HttpRequest.POST(path, body)
                .contentType("application/x-www-form-urlencoded")
                .accept("text/html")
                .header("Cookie", session.cookie()));
    }

    HttpResponse<String> api(String method, String path, @Nullable SignedIn session, @Nullable String json) {
        MutableHttpRequest<?> request =
                switch (method) {
                    case "GET" -> HttpRequest.GET(path);
                    case "PUT" ->
                        HttpRequest.PUT(path, json == null ? "" : json).contentType("application/json");
                    default -> HttpRequest.POST(path, json == null ? "" : json).contentType("application/json");
                };
        if (session != null) {
            request.bearerAuth(session.token());
        }
        return send(request.accept("application/json"));
    }

    private HttpResponse<String> send(MutableHttpRequest<?> request) {
        return Http.exchange(client, request.header("Host", IntegrationTest.hostOf(university.subdomain())));
    }
}
