package com.careerai.analytics;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filter input of the analytics and audit routes that failed validation: 422 with a message per field. */
final class AnalyticsInputException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> fields;

    AnalyticsInputException(Map<String, String> fields) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "validation_failed",
                fields.values().iterator().next());
        this.fields = new LinkedHashMap<>(fields);
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
