package com.careerai.tenancy;

import java.util.Set;

/** Names that serve the platform itself and can never be a university's subdomain. */
public final class ReservedSubdomains {
    /** Kept in step with the CHECK constraint on universities.subdomain (V1 migration). */
    public static final Set<String> NAMES = Set.of(
            "www",
            "api",
            "admin",
            "ops",
            "app",
            "static",
            "mail",
            "assets",
            "cdn",
            "help",
            "status",
            "webhooks",
            "auth");

    private ReservedSubdomains() {}

    public static boolean isReserved(String subdomain) {
        return NAMES.contains(subdomain);
    }
}
