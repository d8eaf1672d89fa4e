package com.careerai.tenancy;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** The university exists but is suspended by the platform. Rendered as a 403 page. */
public final class SuspendedTenantException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public SuspendedTenantException(String name) {
        super(HttpStatus.FORBIDDEN, "university_suspended", name + " is not available on CareerAI at the moment.");
    }
}
