package com.careerai.profile;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A profile as typed (form or API), before {@link CareerProfiles#save} checks it: blank means
 * "not given"; {@code graduationYear} is text so a form's "20x5" reaches the check as typed.
 */
public record ProfileInput(
        @Nullable String name,
        @Nullable String programme,
        @Nullable String graduationYear,
        @Nullable List<String> targetRoles,
        @Nullable List<String> targetLocations,
        @Nullable String linkedinUrl,
        @Nullable String portfolioUrl,
        @Nullable String timeZone) {}
