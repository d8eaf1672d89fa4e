package com.careerai.credits;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A credit operation refused for its input (HTTP 422), naming the input field at fault. */
public final class CreditOperationException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final CreditErrorCode errorCode;
    private final String field;

    public CreditOperationException(CreditErrorCode errorCode, String field, String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", message);
        this.errorCode = errorCode;
        this.field = field;
    }

    public CreditErrorCode errorCode() {
        return errorCode;
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, String> fields() {
        return Map.of(field, getMessage());
    }
}
