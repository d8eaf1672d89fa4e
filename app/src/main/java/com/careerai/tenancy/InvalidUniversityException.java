package com.careerai.tenancy;

import java.util.Map;

/** A university's settings break {@link UniversityRules} or its subdomain is taken. */
public final class InvalidUniversityException extends TenancyException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    public InvalidUniversityException(Map<String, String> fields) {
        super("The university's settings are not valid.");
        this.fields = Map.copyOf(fields);
    }

    /** A message per setting that is not valid, keyed by the setting's name. */
    public Map<String, String> fields() {
        return fields;
    }
}
