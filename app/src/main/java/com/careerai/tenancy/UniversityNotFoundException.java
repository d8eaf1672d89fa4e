package com.careerai.tenancy;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** An administrative action named a subdomain no university has. */
public final class UniversityNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UniversityNotFoundException(String subdomain) {
        super(HttpStatus.NOT_FOUND, "university_not_found", "No university has the subdomain '" + subdomain + "'.");
    }
}
