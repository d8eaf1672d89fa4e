package com.careerai.platform.web;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * A domain error a user can understand. Each subclass names its HTTP status and a stable code;
 * {@link ErrorPages} shows it as an HTML page or as {@code {"error","message","fields"}} JSON.
 */
public abstract class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;

    protected ProblemException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Messages per input field, for 400/422 answers; empty otherwise. */
    public Map<String, String> fields() {
        return Map.of();
    }
}
