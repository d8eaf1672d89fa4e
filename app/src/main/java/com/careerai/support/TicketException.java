package com.careerai.support;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** Refused ticket input (422 with fields) or a ticket that is not there for the caller (404). */
public class TicketException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    TicketException(Map<String, String> fields) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "invalid_input",
                fields.values().iterator().next());
        this.fields = Map.copyOf(fields);
    }

    TicketException(String field, String message) {
        this(Map.of(field, message));
    }

    private TicketException(HttpStatus status, String code, String message) {
        super(status, code, message);
        this.fields = Map.of();
    }

    static TicketException notFound() {
        return new TicketException(HttpStatus.NOT_FOUND, "not_found", "No such ticket.");
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
