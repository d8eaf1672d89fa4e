package com.careerai.profile;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.web.RequestMemo;
import com.careerai.platform.web.ViewerZones;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Students' career profiles: name (kept on the account), programme, graduation year, target roles
 * and locations, links and time zone. Tools pre-fill their forms from it; pages write dates in its
 * time zone.
 */
@Singleton
public class CareerProfiles implements ViewerZones {
    public static final int MAX_ITEMS = 5;
    static final int MAX_NAME = 80;
    static final int MAX_PROGRAMME = 120;
    static final int MAX_ITEM = 80;
    static final int MAX_URL = 300;
    /** The zone of a university that has not chosen one (universities hold no zone yet). */
    public static final ZoneId UNIVERSITY_ZONE = ZoneId.of("UTC");

    private final ProfileStore store;
    private final UserAccounts accounts;

    CareerProfiles(ProfileStore store, UserAccounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** The person's profile (empty fields when they have filled in nothing). */
    @Connectable
    public CareerProfile of(long universityId, long userId) {
        String name = accounts.find(universityId, userId)
                .map(User::name)
                .filter(n -> !n.isBlank())
                .orElse("");
        return details(universityId, userId)
                .map(d -> new CareerProfile(
                        name,
                        d.programme(),
                        d.graduationYear(),
                        d.targetRoles(),
                        d.targetLocations(),
                        d.linkedinUrl(),
                        d.portfolioUrl(),
                        d.timeZone()))
                .orElseGet(() -> CareerProfile.empty(name));
    }

    /**
     * The zone the person reads dates in: their profile's, else their university's. One short query,
     * shared with {@link #of} within a page request (the student home asks both), and none while the
     * person's snapshot is kept (ADR 0067: no connection either).
     */
    @Override
    public ZoneId zoneOf(long universityId, long userId) {
        return details(universityId, userId)
                .map(ProfileStore.Details::timeZone)
                .flatMap(CareerProfiles::zone)
                .orElse(UNIVERSITY_ZONE);
    }

    /**
     * The name of the person's default resume, if they marked one: read with the profile's row (the
     * home's next steps ask for it on the page that asks for the time zone).
     */
    public Optional<String> defaultResumeName(long universityId, long userId) {
        return Optional.ofNullable(row(universityId, userId).defaultResumeName());
    }

    private Optional<ProfileStore.Details> details(long universityId, long userId) {
        return row(universityId, userId).details();
    }

    /**
     * The profile's row and the default resume's name, read once per page request (RequestMemo: GET and
     * HEAD only), from the person's snapshot in Redis when one is kept (ADR 0067).
     */
    private ProfileStore.Row row(long universityId, long userId) {
        return RequestMemo.of("profile.details:" + universityId + ":" + userId, () -> store.row(universityId, userId));
    }

    /**
     * Checks and saves the whole profile (what is blank is cleared).
     *
     * @throws ProfileException with a message per refused field; nothing is saved then
     */
    @Transactional
    public CareerProfile save(long universityId, long userId, ProfileInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(input.name(), "name", MAX_NAME, errors);
        String programme = text(input.programme(), "programme", MAX_PROGRAMME, errors);
        Integer year = year(input.graduationYear(), errors);
        List<String> roles = items(input.targetRoles(), "targetRoles", "target roles", errors);
        List<String> locations = items(input.targetLocations(), "targetLocations", "target locations", errors);
        String linkedin = link(input.linkedinUrl(), "linkedinUrl", errors);
        String portfolio = link(input.portfolioUrl(), "portfolioUrl", errors);
        String timeZone = blank(input.timeZone()) ? null : input.timeZone().strip();
        if (timeZone != null && zone(timeZone).isEmpty()) {
            errors.put("timeZone", "Choose a time zone from the list (for example Europe/London).");
        }
        if (!errors.isEmpty()) {
            throw new ProfileException(errors);
        }
        accounts.rename(universityId, userId, name);
        store.saveDetails(
                universityId,
                userId,
                new ProfileStore.Details(programme, year, roles, locations, linkedin, portfolio, timeZone));
        return of(universityId, userId);
    }

    /** Region time zones people choose from (Europe/London, Asia/Kolkata…), sorted. */
    public static List<String> timeZones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .sorted()
                .toList();
    }

    static Optional<ZoneId> zone(String id) {
        if (id == null || !id.contains("/") || !ZoneId.getAvailableZoneIds().contains(id)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(id));
    }

    private static String text(String value, String field, int max, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String clean = value.strip().replaceAll("\\s+", " ");
        if (clean.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, "Remove the control characters.");
        } else if (clean.length() > max) {
            errors.put(field, "Keep this under " + max + " characters.");
        }
        return clean;
    }

    private static Integer year(String value, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        int now = Year.now(ZoneOffset.UTC).getValue();
        try {
            int year = Integer.parseInt(value.strip());
            if (year >= now - 60 && year <= now + 10) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(
                "graduationYear", "Enter a year between " + (now - 60) + " and " + (now + 10) + ", like " + now + ".");
        return null;
    }

    private static List<String> items(List<String> values, String field, String what, Map<String, String> errors) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> clean = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (blank(value)) {
                continue;
            }
            String item = value.strip().replaceAll("\\s+", " ");
            if (item.chars().anyMatch(Character::isISOControl) || item.length() > MAX_ITEM) {
                errors.put(field, "Keep each of your " + what + " under " + MAX_ITEM + " characters.");
                return List.of();
            }
            if (seen.add(item.toLowerCase(Locale.ROOT))) {
                clean.add(item);
            }
        }
        if (clean.size() > MAX_ITEMS) {
            errors.put(field, "List at most " + MAX_ITEMS + " " + what + ", one per line.");
            return List.of();
        }
        return clean;
    }

    /** An http(s) address with a host, or null when blank; anything else (javascript:, ftp:) refused. */
    private static String link(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String clean = value.strip();
        try {
            URI uri = new URI(clean);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && clean.length() <= MAX_URL
                    && clean.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3)) {
                return clean;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.put(field, "Enter a web address starting with https:// (or http://).");
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
