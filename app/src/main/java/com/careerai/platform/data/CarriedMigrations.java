package com.careerai.platform.data;

import java.net.URL;
import java.util.List;

/**
 * The migration entries of the application jar, as the start's one pass over the jar's entries found
 * them ({@code JarServiceIndex}, before Micronaut starts): {@link SchemaHistory} then needs no pass of
 * its own over the jar's 100,000 entries to learn which migrations this build carries (issue 19,
 * ADR 0052). Used only for the jar it was listed from; without a listing SchemaHistory lists the jar
 * itself, as before.
 */
public final class CarriedMigrations {
    /** Where Flyway finds the migrations ({@code classpath:db/migration}). */
    public static final String LOCATION = "db/migration";

    private static volatile Listing listing;

    private CarriedMigrations() {}

    /** The entries under {@link #LOCATION}{@code /} of the jar at {@code jar} (its file's URL). */
    public static void listed(URL jar, List<String> entries) {
        listing = new Listing(jar.toExternalForm(), List.copyOf(entries));
    }

    /** The listed entries of the jar at {@code jar}, or null when that jar was not listed. */
    static List<String> of(URL jar) {
        Listing known = listing;
        return known != null && known.jar.equals(jar.toExternalForm()) ? known.entries : null;
    }

    private record Listing(String jar, List<String> entries) {}
}
