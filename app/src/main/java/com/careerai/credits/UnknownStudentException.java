package com.careerai.credits;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** The user is not one of this university's (HTTP 404: other universities' users do not exist here). */
public final class UnknownStudentException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnknownStudentException() {
        super(HttpStatus.NOT_FOUND, "not_found", "There is no such student at this university.");
    }
}
