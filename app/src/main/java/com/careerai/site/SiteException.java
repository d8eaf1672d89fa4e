package com.careerai.site;

import java.util.Map;

/** Refused input: messages by form field. */
public class SiteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    public SiteException(Map<String, String> fields) {
        super("invalid site text: " + fields.keySet());
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
