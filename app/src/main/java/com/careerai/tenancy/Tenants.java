package com.careerai.tenancy;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** Reads the university that {@link TenantFilter} bound to a request; nothing else can set it. */
public final class Tenants {
    public static final String ATTRIBUTE = "careerai.university";

    private Tenants() {}

    /** The request's university, or empty on the public site. */
    public static Optional<University> current(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, University.class);
    }

    /** The request's university; a request without one is answered 404. */
    public static University require(HttpRequest<?> request) {
        return current(request).orElseThrow(UnknownTenantException::new);
    }
}
