package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** No such run for this student in this university (including someone else's run). */
public final class RunNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public RunNotFoundException() {
        super(HttpStatus.NOT_FOUND, "run_not_found", "We could not find that run.");
    }
}
