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
        if (status.getCode() >= 500) {
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
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer;
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
            return "The request could not be read: check its JSON and the type and format of each value.";
        }
        return message;
    }
}
