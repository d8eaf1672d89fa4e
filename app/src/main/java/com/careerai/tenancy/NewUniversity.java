package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;

/** What is needed to create a university. */
public record NewUniversity(
        String name,
        String subdomain,
        List<String> allowedDomains,
        int defaultSilver,
        int defaultGold,
        String brandColor,
        @Nullable String logoUrl) {

    /** The colour of a university that has not chosen one (the column's default). */
    public static final String DEFAULT_BRAND_COLOR = "#1F4E79";

    /**
     * The same values in their stored form: trimmed, subdomain and domains lower-case, domains
     * without duplicates, colour upper-case, blank logo URL absent.
     */
    public NewUniversity normalised() {
        return new NewUniversity(
                name == null ? "" : name.trim(),
                subdomain == null ? "" : subdomain.trim().toLowerCase(Locale.ROOT),
                allowedDomains == null
                        ? List.of()
                        : allowedDomains.stream()
                                .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                                .filter(domain -> !domain.isEmpty())
                                .distinct()
                                .toList(),
                defaultSilver,
                defaultGold,
                brandColor == null || brandColor.isBlank()
                        ? DEFAULT_BRAND_COLOR
                        : brandColor.trim().toUpperCase(Locale.ROOT),
                logoUrl == null || logoUrl.isBlank() ? null : logoUrl.trim());
    }

    /** The settings of an existing university, in this shape (for validating a change). */
    static NewUniversity of(University university) {
        return new NewUniversity(
                university.name(),
                university.subdomain(),
                university.allowedDomains(),
                university.defaultSilver(),
                university.defaultGold(),
                university.brandColor(),
                university.logoUrl());
    }
}
