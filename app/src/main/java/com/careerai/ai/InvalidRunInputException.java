package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** The input does not satisfy the tool's input schema: 422 with a message per field. */
public final class InvalidRunInputException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    public InvalidRunInputException(Map<String, String> fields) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", "Please check the highlighted fields.");
        this.fields = Map.copyOf(fields);
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
