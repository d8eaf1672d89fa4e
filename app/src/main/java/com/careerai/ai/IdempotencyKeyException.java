package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A run's idempotency key refused (422): malformed, or already used for a different request. */
public final class IdempotencyKeyException extends ProblemException {
    private static final long serialVersionUID = 1L;

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    private final String field;

    private IdempotencyKeyException(String code, String field, String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
        this.field = field;
    }

    static IdempotencyKeyException reused(String field) {
        return new IdempotencyKeyException(
                "idempotency_key_reused",
                field,
                IdempotencyKey.FORM_FIELD.equals(field)
                        ? "This form was already used to start a run with different answers. Check your answers and"
                                + " submit again."
                        : "This key was already used to start a different run in the last 24 hours. Use a new key"
                                + " for a new request.");
    }

    static IdempotencyKeyException malformed(String field) {
        return new IdempotencyKeyException(
                "invalid_idempotency_key", field, "Use 1 to 255 visible ASCII characters (for example a UUID).");
    }

    @Override
    public Map<String, String> fields() {
        return Map.of(field, getMessage());
    }
}
