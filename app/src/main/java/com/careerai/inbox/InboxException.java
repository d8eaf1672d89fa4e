package com.careerai.inbox;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A notification or announcement request that cannot be done, with a stable code and a message. */
class InboxException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    private InboxException(HttpStatus status, String code, String message, Map<String, String> fields) {
        super(status, code, message);
        this.fields = Map.copyOf(fields);
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }

    /** 404 for anything the caller may not see, so another user's or university's ids reveal nothing. */
    static InboxException notFound() {
        return new InboxException(HttpStatus.NOT_FOUND, "not_found", "There is no such notification.", Map.of());
    }

    static InboxException announcementNotFound() {
        return new InboxException(HttpStatus.NOT_FOUND, "not_found", "There is no such announcement.", Map.of());
    }

    static InboxException invalid(Map<String, String> fields) {
        return new InboxException(
                HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "Some answers need another look.", fields);
    }

    static InboxException conflict(String code, String message) {
        return new InboxException(HttpStatus.CONFLICT, code, message, Map.of());
    }
}
