package com.careerai.tenancy;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A university's settings break {@link UniversityRules} or its subdomain is taken. */
public final class InvalidUniversityException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    public InvalidUniversityException(Map<String, String> fields) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_university", "The university's settings are not valid.");
        this.fields = Map.copyOf(fields);
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
