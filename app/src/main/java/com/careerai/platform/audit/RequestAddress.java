package com.careerai.platform.audit;

import java.util.Optional;

/**
 * The client address of the HTTP request being served on this thread, if any, for the audit log's
 * "from which address". The feature that knows the trusted proxies implements it (auth); jobs
 * and the tenant-admin CLI have no request, and their entries carry no address.
 */
public interface RequestAddress {

    /** The current request's client address, or empty outside a request. */
    Optional<String> current();
}
