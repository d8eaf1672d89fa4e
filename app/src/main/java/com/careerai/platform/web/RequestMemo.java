package com.careerai.platform.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers a read for the rest of the current page request, so that what the layout and a page's
 * panels both show (the header balances and the balances panel, the bell and the notifications
 * panel) is asked of the database once per request (issue 19). Only GET and HEAD requests are
 * remembered: a request that changes data may read, write and read again. Outside a request (jobs,
 * tests, the CLI) every call reads.
 */
public final class RequestMemo {
    private static final String PREFIX = "careerai.memo.";

    private RequestMemo() {}

    /** The value kept under {@code key} in this request, else {@code read}'s, kept for the request. */
    @SuppressWarnings("unchecked")
    public static <T> T of(String key, Supplier<T> read) {
        Optional<HttpRequest<Object>> current = ServerRequestContext.currentRequest();
        if (current.isEmpty() || !isSafe(current.get().getMethod())) {
            return read.get();
        }
        HttpRequest<Object> request = current.get();
        String attribute = PREFIX + key;
        Optional<Object> kept = request.getAttribute(attribute);
        if (kept.isPresent()) {
            return (T) kept.get();
        }
        T value = read.get();
        if (value != null) {
            request.setAttribute(attribute, value);
        }
        return value;
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }
}
