package com.careerai.platform.web;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * A request refused before it reaches any controller (malformed, hostile or ambiguous input),
 * answered in the usual error shape.
 */
public class RefusedRequestException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> fields;

    /**
     * What the API says of a body it cannot read (not JSON, or the wrong JSON types): the same
     * sentence as for Micronaut's own decoding errors, which name Java types and parser internals.
     */
    public static final String UNREADABLE =
            "The request could not be read: check its JSON and the type and format of each value.";

    public RefusedRequestException(HttpStatus status, String code, String message, Map<String, String> fields) {
        super(status, code, message);
        this.fields = Map.copyOf(fields);
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
