package com.careerai.profile;

import java.util.Map;

/** Refused profile or resume input: a message per field, for the form or the JSON error shape. */
public class ProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    ProfileException(Map<String, String> fields) {
        super(fields.size() == 1 ? fields.values().iterator().next() : "Please correct the fields marked.");
        this.fields = Map.copyOf(fields);
    }

    ProfileException(String field, String message) {
        this(Map.of(field, message));
    }

    /** Messages keyed by field name. */
    public Map<String, String> fields() {
        return fields;
    }
}
