package com.careerai.tenancy;

/**
 * A tenancy rule that was broken: no university at a host or subdomain, a suspended one, invalid
 * settings. Plain domain exceptions that know nothing of HTTP: {@link TenancyErrorHandler} answers
 * them at the web edge, tenant-admin prints their message.
 */
public abstract sealed class TenancyException extends RuntimeException
        permits UnknownTenantException,
                SuspendedTenantException,
                UniversityNotFoundException,
                InvalidUniversityException {
    private static final long serialVersionUID = 1L;

    TenancyException(String message) {
        super(message);
    }
}
