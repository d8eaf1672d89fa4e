package com.careerai.tenancy;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** No university is served at the request's host. Rendered as a 404 page. */
public final class UnknownTenantException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public UnknownTenantException() {
        super(HttpStatus.NOT_FOUND, "unknown_university", "There is no university at this address.");
    }
}
