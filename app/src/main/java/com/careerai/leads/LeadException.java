package com.careerai.leads;

import java.util.Map;

/** Refused lead input, with a message per field for the form or the JSON error shape. */
public class LeadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    LeadException(Map<String, String> fields) {
        super(fields.values().iterator().next());
        this.fields = Map.copyOf(fields);
    }

    LeadException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fields() {
        return fields;
    }
}
