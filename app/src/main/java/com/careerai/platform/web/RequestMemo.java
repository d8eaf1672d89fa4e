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
    public static <T> T of(String key, Supplier<T> read) {
        Optional<HttpRequest<Object>> current = ServerRequestContext.currentRequest();
        return current.isEmpty() ? read.get() : of(current.get(), key, read);
    }

    /**
     * As {@link #of(String, Supplier)}, for code that holds the request but may run outside its
     * context (an authentication fetcher on its own thread). A null value is not kept: a later call
     * reads again (what was absent may have been created since).
     */
    @SuppressWarnings("unchecked")
    public static <T> T of(HttpRequest<?> request, String key, Supplier<T> read) {
        if (!isSafe(request.getMethod())) {
            return read.get();
        }
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

    /** Whether this thread serves a request (a GET or HEAD) that keeps values. */
    public static boolean active() {
        return keeping().isPresent();
    }

    /** The value this request (a GET or HEAD) keeps under {@code key}, if any. */
    public static Optional<Object> find(String key) {
        return keeping().flatMap(request -> request.getAttribute(PREFIX + key));
    }

    /**
     * Keeps {@code value} under {@code key} for the rest of this request, as {@link #of(String, Supplier)}
     * would have after reading it (a read made ahead, ADR 0076); false, keeping nothing, outside a GET or
     * HEAD or when {@code value} is null.
     */
    public static boolean keep(String key, Object value) {
        Optional<HttpRequest<Object>> current = keeping();
        if (current.isEmpty() || value == null) {
            return false;
        }
        current.get().setAttribute(PREFIX + key, value);
        return true;
    }

    /**
     * Drops what this request keeps under {@code key}: a writer of the thing calls it, so that a GET
     * which writes it (an OAuth callback signing someone in) reads it again afterwards.
     */
    public static void forget(String key) {
        ServerRequestContext.currentRequest().ifPresent(request -> request.removeAttribute(PREFIX + key, Object.class));
    }

    /** The request this thread serves, when it is one that keeps values (a GET or HEAD). */
    private static Optional<HttpRequest<Object>> keeping() {
        return ServerRequestContext.currentRequest().filter(request -> isSafe(request.getMethod()));
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }
}
