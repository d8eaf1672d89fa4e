package com.careerai.credits;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Sends a request and returns the answer whatever its status (the blocking client throws for 4xx/5xx). */
public final class Http {
    private Http() {}

    public static HttpResponse<String> exchange(HttpClient client, HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus())
                    .body(e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
