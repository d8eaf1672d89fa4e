package com.careerai.auth;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** Why staff cannot do something to a person: a 404 for someone not here, 409 for a rule. */
public final class PeopleException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private PeopleException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    static PeopleException notFound() {
        return new PeopleException(HttpStatus.NOT_FOUND, "person_not_found", "There is no such person here.");
    }

    static PeopleException refused(String code, String message) {
        return new PeopleException(HttpStatus.CONFLICT, code, message);
    }

    static PeopleException invalid(String message) {
        return new PeopleException(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", message);
    }
}
