package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What is needed to create a university. */
public record NewUniversity(
        String name,
        String subdomain,
        List<String> allowedDomains,
        int defaultSilver,
        int defaultGold,
        String brandColor,
        @Nullable String logoUrl) {}
