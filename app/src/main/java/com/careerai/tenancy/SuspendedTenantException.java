package com.careerai.tenancy;

/** The university exists but is suspended by the platform. Answered as a 403 page ({@link TenancyErrorHandler}). */
public final class SuspendedTenantException extends TenancyException {
    private static final long serialVersionUID = 1L;

    public SuspendedTenantException(String name) {
        super(name + " is not available on CareerAI at the moment.");
    }
}
