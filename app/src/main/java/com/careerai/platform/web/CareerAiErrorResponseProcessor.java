package com.careerai.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives Micronaut's own errors (no route, bad JSON, conversion errors, unhandled exceptions) the
 * same shape as ours, and never shows an internal message or stack trace for a 5xx.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
@io.micronaut.context.annotation.Primary
class CareerAiErrorResponseProcessor implements ErrorResponseProcessor<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(CareerAiErrorResponseProcessor.class);

    private final ErrorPages errorPages;

    CareerAiErrorResponseProcessor(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String message;
        Map<String, String> fields = new LinkedHashMap<>();
        boolean databaseAway = false;
        if (isBrokenMultipart(context, status)) {
            status = HttpStatus.BAD_REQUEST;
            message = BROKEN_MULTIPART;
        } else if (status.getCode() >= 500
                && isDatabaseUnavailable(context.getRootCause().orElse(null))) {
            LOG.warn(
                    "Database unavailable on {}: {}",
                    context.getRequest(),
                    context.getRootCause().get().toString());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            message = "This is briefly unavailable. Please try again shortly.";
            databaseAway = true;
        } else if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(cause -> LOG.error("Unhandled error on {}", context.getRequest(), cause));
            message = "Something went wrong on our side. Please try again in a moment.";
        } else if (status == HttpStatus.NOT_FOUND) {
            message = "We could not find that page.";
        } else if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            message = "The request is too large.";
        } else {
            message = context.getErrors().stream()
                    .findFirst()
                    .map(Error::getMessage)
                    .map(CareerAiErrorResponseProcessor::forPeople)
                    .orElse(status.getReason());
            for (Error error : context.getErrors()) {
                error.getPath().ifPresent(path -> fields.putIfAbsent(path, forPeople(error.getMessage())));
            }
        }
        MutableHttpResponse<Object> answer =
                errorPages.respond(context.getRequest(), status, ErrorPages.codeFor(status), message, fields);
        if (databaseAway) {
            answer.header(io.micronaut.http.HttpHeaders.RETRY_AFTER, "5");
        }
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer;
    }

    /**
     * PostgreSQL restarting or unreachable (connection refused or cut, the server shutting down,
     * too many connections, the pool timing out waiting for one): a moment's outage, answered 503
     * with Retry-After like Redis's (found by bench/chaos.sh), not a 500.
     */
    static boolean isDatabaseUnavailable(Throwable error) {
        // Also the pool's closed connection: when the server cuts a connection mid-transaction the pool
        // closes it, and the data layer's clean-up (resetting read-only or auto-commit on it) then fails
        // with HikariCP's "Connection is closed" (no SQL state), hiding the 57P01 that started it.
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now; 53300: too many
                // connections
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    static final String BROKEN_MULTIPART = "The upload could not be read: its parts must be separated by the boundary"
            + " named in its Content-Type header (multipart/form-data; boundary=…).";

    /**
     * A multipart body without a boundary, or whose parts are not separated by the boundary its
     * header names. Netty's decoder then never finds a part and buffers the body as one endless
     * preamble until its buffer limit, which Micronaut reports as 413 ("Length of buffered form
     * field exceeds …"); without a boundary it cannot start at all. Both are malformed requests
     * (400), not large ones: a part over the size limit keeps its 413.
     */
    static boolean isBrokenMultipart(ErrorContext context, HttpStatus status) {
        io.micronaut.http.MediaType type = context.getRequest().getContentType().orElse(null);
        if (type == null || !"multipart".equalsIgnoreCase(type.getType()) || status.getCode() < 400) {
            return false;
        }
        String boundary = type.getParametersMap().entrySet().stream()
                .filter(e -> e.getKey().toString().equalsIgnoreCase("boundary"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("")
                .replace("\"", "")
                .trim();
        if (boundary.isEmpty()) {
            return status != HttpStatus.UNAUTHORIZED
                    && status != HttpStatus.FORBIDDEN
                    && status != HttpStatus.NOT_FOUND;
        }
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE && status != HttpStatus.BAD_REQUEST) {
            return false;
        }
        Throwable cause = context.getRootCause().orElse(null);
        String why = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        return why.startsWith("Length of buffered form field")
                || cause
                        instanceof
                        io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.ErrorDataDecoderException;
    }

    /**
     * Micronaut's own messages for unreadable input name Java types, settings and parser
     * internals ({@code Failed to convert argument [page]…}, {@code com.careerai…}); clients get a
     * plain sentence instead. Messages of our own and of bean validation are kept.
     */
    static String forPeople(String message) {
        if (message == null
                || message.contains("com.")
                || message.contains("java.")
                || message.contains("micronaut")
                || message.contains("Exception")
                || message.contains("Failed to convert")
                || message.contains("Unexpected character")
                || message.contains("[")
                || message.length() > 300) {
            return RefusedRequestException.UNREADABLE;
        }
        return message;
    }
}
