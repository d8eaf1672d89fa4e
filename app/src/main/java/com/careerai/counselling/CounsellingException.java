package com.careerai.counselling;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A counselling request that cannot be done, with a stable code and a message for the person. */
public class CounsellingException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    CounsellingException(HttpStatus status, String code, String message, Map<String, String> fields) {
        super(status, code, message);
        this.fields = Map.copyOf(fields);
    }

    CounsellingException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }

    /** 404 for anything the caller may not see, so another university's ids reveal nothing. */
    static CounsellingException appointmentNotFound() {
        return new CounsellingException(HttpStatus.NOT_FOUND, "not_found", "There is no such appointment.");
    }

    static CounsellingException counsellorNotFound() {
        return new CounsellingException(HttpStatus.NOT_FOUND, "not_found", "There is no such counsellor.");
    }

    static CounsellingException studentNotFound() {
        return new CounsellingException(HttpStatus.NOT_FOUND, "not_found", "There is no such student.");
    }

    static CounsellingException invalid(String field, String message) {
        return new CounsellingException(
                HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", message, Map.of(field, message));
    }

    static CounsellingException invalid(Map<String, String> fields) {
        return new CounsellingException(
                HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "Some answers need another look.", fields);
    }

    static CounsellingException notASlot() {
        return new CounsellingException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "not_a_slot",
                "That time is not one of the counsellor's open slots. Pick a time from the list.",
                Map.of("start", "Pick one of the open slots."));
    }

    static CounsellingException bookingBlocked(String reason) {
        return new CounsellingException(HttpStatus.FORBIDDEN, "booking_blocked", reason);
    }

    static CounsellingException conflict(String code, String message) {
        return new CounsellingException(HttpStatus.CONFLICT, code, message);
    }

    static CounsellingException forbidden(String message) {
        return new CounsellingException(HttpStatus.FORBIDDEN, "forbidden", message);
    }
}
