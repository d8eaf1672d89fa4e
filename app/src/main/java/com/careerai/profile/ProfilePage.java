package com.careerai.profile;

import com.careerai.auth.SignedInUser;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.Plural;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The model of {@code /profile}: every section, one of them possibly refused and shown as typed. */
@Singleton
class ProfilePage {
    /**
     * A refused section: {@code section} is "details", "new" (the add-resume form), "interests" or a
     * resume's id; {@code errors} by field; {@code values} as typed.
     */
    record Refused(@Nullable String section, Map<String, String> errors, Map<String, Object> values) {
        static Refused none() {
            return new Refused(null, Map.of(), Map.of());
        }

        boolean is(String name) {
            return name.equals(section);
        }
    }

    private static final Map<String, String> SAVED = Map.of(
            "details", "Your profile is saved. The tools fill in your target role from it.",
            "resume", "Your resume is saved. The tools offer it in their forms.",
            "renamed", "The resume is renamed.",
            "default", "That resume is now your default: the tools choose it first.",
            "deleted", "The resume is deleted.",
            "interests", "Your interests are saved. Your home page now recommends resources and counsellors for them.");

    private final CareerProfiles profiles;
    private final SavedResumes resumes;
    private final Interests interests;

    ProfilePage(CareerProfiles profiles, SavedResumes resumes, Interests interests) {
        this.profiles = profiles;
        this.resumes = resumes;
        this.interests = interests;
    }

    /**
     * What the page reads from PostgreSQL, for it to send with the header's reads in one round trip (ADR
     * 0076): the resumes and the university's categories (the profile and the person's own interests come
     * from their snapshots). They were a read transaction and a round trip more.
     */
    List<PageRead<?>> reads(SignedInUser user) {
        return List.of(resumes.ofRead(user.universityId(), user.userId()), interests.allRead(user.universityId()));
    }

    Map<String, Object> model(SignedInUser user, Refused refused, @Nullable String saved) {
        long university = user.universityId();
        CareerProfile profile = profiles.of(university, user.userId());
        ZoneId zone = profiles.zoneOf(university, user.userId());
        Map<String, Object> model = new HashMap<>();
        model.put("name", user.displayName());
        model.put("email", user.email());
        model.put("role", user.role().name().toLowerCase(java.util.Locale.ROOT));
        model.put("student", user.role() == com.careerai.auth.Role.STUDENT);
        model.put("saved", saved == null ? null : SAVED.get(saved));
        model.put("details", details(profile, refused));
        model.put("detailsErrors", refused.is("details") ? refused.errors() : Map.of());
        model.put("detailsRefused", refused.is("details"));
        model.put("resumes", resumes(university, user.userId(), zone, refused));
        model.put("newResume", refused.is("new") ? refused.values() : Map.of());
        model.put("newResumeErrors", refused.is("new") ? refused.errors() : Map.of());
        model.put("maxResumes", SavedResumes.MAX_RESUMES);
        interests(university, user.userId(), refused, model);
        return model;
    }

    private static Map<String, Object> details(CareerProfile profile, Refused refused) {
        Map<String, Object> values = new HashMap<>();
        if (refused.is("details")) {
            values.putAll(refused.values());
        } else {
            values.put("name", profile.name());
            values.put("programme", profile.programme());
            values.put("graduationYear", profile.graduationYear());
            values.put("targetRoles", String.join("\n", profile.targetRoles()));
            values.put("targetLocations", String.join("\n", profile.targetLocations()));
            values.put("linkedinUrl", profile.linkedinUrl());
            values.put("portfolioUrl", profile.portfolioUrl());
            values.put("timeZone", profile.timeZone());
        }
        Object chosen = values.get("timeZone");
        values.put(
                "zones",
                CareerProfiles.timeZones().stream()
                        .map(id -> Map.of("id", id, "selected", id.equals(chosen)))
                        .toList());
        values.put("universityZone", CareerProfiles.UNIVERSITY_ZONE.getId());
        return values;
    }

    private List<Map<String, Object>> resumes(long university, long userId, ZoneId zone, Refused refused) {
        return resumes.of(university, userId).stream()
                .map(resume -> {
                    String id = String.valueOf(resume.id());
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", resume.id());
                    row.put("name", resume.name());
                    row.put("nameValue", refused.is(id) ? refused.values().get("name") : resume.name());
                    row.put("isDefault", resume.isDefault());
                    row.put("size", Plural.of(resume.text().length(), "character"));
                    row.put("preview", preview(resume.text()));
                    row.put("updated", Dates.moment(resume.updatedAt(), zone));
                    row.put("errors", refused.is(id) ? refused.errors() : Map.of());
                    return row;
                })
                .toList();
    }

    private void interests(long university, long userId, Refused refused, Map<String, Object> model) {
        List<Interest> mine = interests.ofUser(university, userId);
        Set<String> ticked = refused.is("interests")
                ? new HashSet<>(castList(refused.values().get("interestIds")))
                : mine.stream().map(i -> String.valueOf(i.id())).collect(Collectors.toSet());
        model.put(
                "offered",
                interests.offered(university).stream()
                        .map(i -> Map.<String, Object>of(
                                "id", i.id(), "name", i.name(), "checked", ticked.contains(String.valueOf(i.id()))))
                        .toList());
        model.put("retired", mine.stream().filter(Interest::retired).toList());
        model.put("error", refused.is("interests") ? refused.errors().get("interests") : null);
        model.put("max", Interests.MAX_CHOICES);
    }

    private static List<String> castList(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static String preview(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 90 ? line.substring(0, 90) + "…" : line;
    }
}
