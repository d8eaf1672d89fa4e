package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** No tool has this slug (or it is disabled for the university). */
public final class UnknownToolException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnknownToolException(String slug) {
        super(HttpStatus.NOT_FOUND, "unknown_tool", "There is no tool called '" + slug + "'.");
    }
}
