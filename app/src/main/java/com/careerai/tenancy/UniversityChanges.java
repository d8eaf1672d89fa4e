package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings to change on a university; a {@code null} component stays as it is, an empty
 * {@code logoUrl} removes the logo. The subdomain and the status are changed elsewhere, never here.
 */
public record UniversityChanges(
        @Nullable String name,
        @Nullable List<String> allowedDomains,
        @Nullable Integer defaultSilver,
        @Nullable Integer defaultGold,
        @Nullable String brandColor,
        @Nullable String logoUrl) {

    /** Every setting of {@code university}: what a repeated onboarding asks for. */
    public static UniversityChanges of(NewUniversity university) {
        NewUniversity n = university.normalised();
        return new UniversityChanges(
                n.name(),
                n.allowedDomains(),
                n.defaultSilver(),
                n.defaultGold(),
                n.brandColor(),
                n.logoUrl() == null ? "" : n.logoUrl());
    }

    /** The settings {@code current} would have after these changes, normalised. */
    public NewUniversity applyTo(University current) {
        return new NewUniversity(
                        name != null ? name : current.name(),
                        current.subdomain(),
                        allowedDomains != null ? allowedDomains : current.allowedDomains(),
                        defaultSilver != null ? defaultSilver : current.defaultSilver(),
                        defaultGold != null ? defaultGold : current.defaultGold(),
                        brandColor != null ? brandColor : current.brandColor(),
                        logoUrl != null ? logoUrl : current.logoUrl())
                .normalised();
    }

    /**
     * The settings these changes would really change on {@code current}, as
     * {@code field → {from, to}} in a stable order; empty when nothing would change. Email
     * domains compare as a set.
     */
    public Map<String, Map<String, Object>> differences(University current) {
        NewUniversity before = NewUniversity.of(current).normalised();
        NewUniversity after = applyTo(current);
        Map<String, Map<String, Object>> differences = new LinkedHashMap<>();
        difference(differences, "name", before.name(), after.name());
        if (!new HashSet<>(before.allowedDomains()).equals(new HashSet<>(after.allowedDomains()))) {
            differences.put("allowedDomains", fromTo(before.allowedDomains(), after.allowedDomains()));
        }
        difference(differences, "defaultSilver", before.defaultSilver(), after.defaultSilver());
        difference(differences, "defaultGold", before.defaultGold(), after.defaultGold());
        difference(differences, "brandColor", before.brandColor(), after.brandColor());
        difference(differences, "logoUrl", before.logoUrl(), after.logoUrl());
        return differences;
    }

    private static void difference(
            Map<String, Map<String, Object>> differences, String field, @Nullable Object from, @Nullable Object to) {
        if (!Objects.equals(from, to)) {
            differences.put(field, fromTo(from, to));
        }
    }

    private static Map<String, Object> fromTo(@Nullable Object from, @Nullable Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
