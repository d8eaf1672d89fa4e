package com.careerai.interests;

import java.util.Map;

/** A refused change to interests, with the field it concerns and a message for the person who made it. */
public class InterestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    InterestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the message belongs beside. */
    public String field() {
        return field;
    }

    /** The message keyed by its field, as forms and the JSON error shape want it. */
    public Map<String, String> fields() {
        return Map.of(field, getMessage());
    }
}
