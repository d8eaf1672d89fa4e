package com.careerai.profile;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** No saved resume with that id among the caller's own (another person's is the same 404). */
public class ResumeNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    ResumeNotFoundException() {
        super(HttpStatus.NOT_FOUND, "not_found", "No such saved resume.");
    }
}
