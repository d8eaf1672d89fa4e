package com.careerai.tenancy;

/** An administrative action named a subdomain no university has. */
public final class UniversityNotFoundException extends TenancyException {
    private static final long serialVersionUID = 1L;

    public UniversityNotFoundException(String subdomain) {
        super("No university has the subdomain '" + subdomain + "'.");
    }
}
