package com.careerai.leads;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Twilio's HTTP client, making every request exactly once. The SDK's own {@code reliableRequest}
 * repeats a request that answered 5xx or 429 — for a message or a call that may already have gone
 * out, and Twilio has no idempotency key — so retries are left to the follow-up's claim (ADR 0021).
 * With {@code apiBase} set, requests go to that address instead of {@code *.twilio.com} (the tests'
 * stand-in), path and query kept.
 */
final class SingleAttemptHttpClient extends NetworkHttpClient {
    @Nullable
    private final String apiBase;

    SingleAttemptHttpClient(@Nullable String apiBase) {
        this.apiBase = apiBase == null || apiBase.isBlank() ? null : apiBase.replaceAll("/+$", "");
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(apiBase == null ? request : rebased(request, apiBase));
    }

    private static Request rebased(Request original, String apiBase) {
        URI uri = URI.create(original.getUrl());
        String target = apiBase + uri.getRawPath();
        Request copy = new Request(original.getMethod(), target) {
            @Override
            protected String buildURL() {
                return target;
            }
        };
        copy(original.getQueryParams(), copy::addQueryParam);
        copy(original.getPostParams(), copy::addPostParam);
        copy(original.getHeaderParams(), copy::addHeaderParam);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        if (original.getContentType() != null) {
            copy.setContentType(original.getContentType());
        }
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        if (original.getUserAgentExtensions() != null) {
            copy.setUserAgentExtensions(original.getUserAgentExtensions());
        }
        return copy;
    }

    private static void copy(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
        from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
    }
}
