package com.careerai.tenancy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a university's settings follow, as one message per broken field (keys are the
 * {@link NewUniversity} component names). The database's CHECK constraints are the second wall.
 */
public final class UniversityRules {
    /** Upper bound of a default allowance: a typo guard, far above any real allowance. */
    public static final int MAX_ALLOWANCE = 1_000_000;

    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern COLOR = Pattern.compile("^#[0-9A-F]{6}$");

    private UniversityRules() {}

    /** What is wrong with {@code university} (already {@link NewUniversity#normalised()}); empty when valid. */
    public static Map<String, String> problems(NewUniversity university) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (university.name().isEmpty() || university.name().length() > 200) {
            problems.put("name", "is required, at most 200 characters");
        } else if (university.name().chars().anyMatch(Character::isISOControl)) {
            // the name becomes the display name of every email the university sends
            problems.put("name", "must be one line of text, without control characters such as line breaks");
        }
        String subdomain = university.subdomain();
        if (!HostName.LABEL.matcher(subdomain).matches()) {
            problems.put(
                    "subdomain",
                    "'" + subdomain + "' is not a DNS label (a-z, 0-9 and inner hyphens, at most 63 characters)");
        } else if (ReservedSubdomains.isReserved(subdomain)) {
            problems.put("subdomain", "'" + subdomain + "' is reserved for the platform");
        }
        if (university.allowedDomains().isEmpty()) {
            problems.put("allowedDomains", "at least one email domain is required");
        } else {
            university.allowedDomains().stream()
                    .filter(domain -> !DOMAIN.matcher(domain).matches())
                    .findFirst()
                    .ifPresent(domain -> problems.put("allowedDomains", "'" + domain + "' is not a domain name"));
        }
        allowance(problems, "defaultSilver", university.defaultSilver());
        allowance(problems, "defaultGold", university.defaultGold());
        if (!COLOR.matcher(university.brandColor()).matches()) {
            problems.put("brandColor", "'" + university.brandColor() + "' is not a colour like #A31F34");
        }
        if (university.logoUrl() != null && !isWebAddress(university.logoUrl())) {
            problems.put("logoUrl", "'" + university.logoUrl() + "' is not an https:// or http:// address");
        }
        return problems;
    }

    private static void allowance(Map<String, String> problems, String field, int value) {
        if (value < 0) {
            problems.put(field, "must be 0 or more, not " + value);
        } else if (value > MAX_ALLOWANCE) {
            problems.put(field, "must be at most " + MAX_ALLOWANCE + ", not " + value);
        }
    }

    private static boolean isWebAddress(String value) {
        if (value.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
