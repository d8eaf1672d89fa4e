package com.careerai.platform.web;

import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The one place that refuses input no controller should ever see, before security and any controller:
 * more than one {@code Host} header (400), and control characters other than tab, CR and LF in the
 * path, the query or a form or JSON body (422 {@code invalid_characters}, naming the field).
 * Multipart bodies are left to their endpoints (files are binary), signed webhook bodies to their
 * processors.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestScreeningFilter implements Ordered {
    static final String MESSAGE = "Remove the control characters (such as NUL) from this text and try again.";

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> screen(
            HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> continuation) {
        if (request.getHeaders().getAll(HttpHeaders.HOST).size() > 1) {
            throw new RefusedRequestException(
                    HttpStatus.BAD_REQUEST, "bad_request", "Send exactly one Host header.", Map.of());
        }
        String rawPath = request.getUri().getRawPath();
        if (rawPath != null && ControlCharacters.anyIn(ControlCharacters.percentDecoded(rawPath, false))) {
            throw refused("path");
        }
        String rawQuery = request.getUri().getRawQuery();
        if (rawQuery != null) {
            ControlCharacters.inPairs(rawQuery).ifPresent(field -> {
                throw refused(field);
            });
        }
        Optional<MediaType> type = request.getContentType();
        boolean form =
                type.filter(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).isPresent();
        boolean json = type.filter(t -> t.getExtension().equals("json")).isPresent();
        // Webhook bodies are signed by their sender and handled whole by their processor: refusing
        // one would only make the sender retry it for days.
        boolean signed = request.getPath().startsWith("/webhooks/");
        if (!(form || json) || signed || !(request instanceof ServerHttpRequest<?> server)) {
            return continuation.proceed();
        }
        ByteBody body = server.byteBody();
        if (body instanceof AvailableByteBody received) {
            // the whole body has arrived (a small one has, as a rule): screened here, without a subscription
            screen(received.split(), form);
            return continuation.proceed();
        }
        return Mono.fromFuture(
                        body.split(ByteBody.SplitBackpressureMode.FASTEST).buffer())
                .flatMap(copy -> {
                    screen(copy, form);
                    return Mono.from(continuation.proceed());
                });
    }

    /** Refuses a form or JSON body holding a control character; the copy is released either way. */
    private static void screen(CloseableAvailableByteBody copy, boolean form) {
        if (form) {
            Optional<String> field = ControlCharacters.inPairs(textOf(copy));
            if (field.isPresent()) {
                throw refused(field.get());
            }
        } else if (jsonRefused(copy)) {
            throw refused("body");
        }
    }

    private static String textOf(CloseableAvailableByteBody body) {
        try (body) {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    /** The JSON body's bytes scanned where they lie: no decoded String (nor a copy, for a body in one buffer). */
    private static boolean jsonRefused(CloseableAvailableByteBody body) {
        ByteBuffer<?> bytes;
        try (body) {
            bytes = body.toByteBuffer();
        }
        try {
            return ControlCharacters.inJson(bytes.asNioBuffer());
        } finally {
            if (bytes instanceof ReferenceCounted counted) {
                counted.release();
            }
        }
    }

    private static RefusedRequestException refused(String field) {
        return new RefusedRequestException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "invalid_characters",
                "The request contains control characters, which no field accepts.",
                Map.of(field, MESSAGE));
    }

    @Override
    public int getOrder() {
        // after the university is resolved (so a refused form still shows its site), before security
        return ServerFilterPhase.SESSION.order();
    }
}
