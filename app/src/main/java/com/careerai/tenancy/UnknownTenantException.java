package com.careerai.tenancy;

/** No university is served at the request's host. Answered as a 404 page ({@link TenancyErrorHandler}). */
public final class UnknownTenantException extends TenancyException {
    private static final long serialVersionUID = 1L;

    public UnknownTenantException() {
        super("There is no university at this address.");
    }
}
