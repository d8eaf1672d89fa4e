package com.careerai.resources;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A resources request that cannot be done, with a stable code and a message for the person. */
public class ResourceException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    ResourceException(HttpStatus status, String code, String message, Map<String, String> fields) {
        super(status, code, message);
        this.fields = Map.copyOf(fields);
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }

    /** 404 for anything the caller may not see, so another university's ids reveal nothing. */
    static ResourceException notFound() {
        return new ResourceException(HttpStatus.NOT_FOUND, "not_found", "There is no such resource.", Map.of());
    }

    static ResourceException invalid(String field, String message) {
        return new ResourceException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", message, Map.of(field, message));
    }

    static ResourceException invalid(Map<String, String> fields) {
        String message = fields.size() == 1 ? fields.values().iterator().next() : "Some answers need another look.";
        return new ResourceException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", message, fields);
    }

    /** A file refused for its content, size or name (field {@code file}). */
    static ResourceException refusedFile(String message) {
        return new ResourceException(HttpStatus.UNPROCESSABLE_ENTITY, "file_refused", message, Map.of("file", message));
    }

    static ResourceException planRequired(String message) {
        return new ResourceException(HttpStatus.FORBIDDEN, "plan_required", message, Map.of());
    }

    static ResourceException forbidden(String message) {
        return new ResourceException(HttpStatus.FORBIDDEN, "forbidden", message, Map.of());
    }

    static ResourceException conflict(String message) {
        return new ResourceException(HttpStatus.CONFLICT, "conflict", message, Map.of());
    }
}
