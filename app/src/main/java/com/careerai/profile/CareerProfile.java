package com.careerai.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A student's career profile: what the tools pre-fill and the dashboard builds on. The name is the
 * person's (kept with their account); {@code timeZone} null means the university's.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CareerProfile(
        String name,
        @Nullable String programme,
        @Nullable Integer graduationYear,
        List<String> targetRoles,
        List<String> targetLocations,
        @Nullable String linkedinUrl,
        @Nullable String portfolioUrl,
        @Nullable String timeZone) {

    public CareerProfile {
        targetRoles = List.copyOf(targetRoles);
        targetLocations = List.copyOf(targetLocations);
    }

    /** Nothing filled in yet, but the name. */
    static CareerProfile empty(String name) {
        return new CareerProfile(name, null, null, List.of(), List.of(), null, null, null);
    }

    /** The links given, one per line (LinkedIn first), as the Skill Mapper's "profile links" want them. */
    public List<String> links() {
        return java.util.stream.Stream.of(linkedinUrl, portfolioUrl)
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
