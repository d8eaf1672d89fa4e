package com.careerai.privacy;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A privacy request refused: unknown export (404) or a deletion in the wrong state (409/422). */
class PrivacyException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    private PrivacyException(HttpStatus status, String code, String message, Map<String, String> fields) {
        super(status, code, message);
        this.fields = Map.copyOf(fields);
    }

    static PrivacyException exportNotFound() {
        return new PrivacyException(HttpStatus.NOT_FOUND, "export_not_found", "No such export.", Map.of());
    }

    static PrivacyException studentNotFound() {
        return new PrivacyException(HttpStatus.NOT_FOUND, "student_not_found", "No such student.", Map.of());
    }

    static PrivacyException noDeletionPending() {
        return new PrivacyException(
                HttpStatus.CONFLICT,
                "no_deletion_pending",
                "There is no account deletion to confirm or cancel.",
                Map.of());
    }

    static PrivacyException alreadyScheduled() {
        return new PrivacyException(
                HttpStatus.CONFLICT,
                "deletion_scheduled",
                "Your account is already scheduled for deletion; cancel it first to start again.",
                Map.of());
    }

    static PrivacyException invalid(String field, String message) {
        return new PrivacyException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", message, Map.of(field, message));
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
