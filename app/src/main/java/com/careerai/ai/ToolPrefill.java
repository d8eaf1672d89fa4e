package com.careerai.ai;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import com.careerai.profile.CareerProfile;
import com.careerai.profile.CareerProfiles;
import com.careerai.profile.SavedResume;
import com.careerai.profile.SavedResumes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a tool form takes from the student's career profile: fields pre-filled (main target role as
 * the job title, target roles, links, programme, first location) and the saved resumes offered in a
 * picker, the default chosen. A form field {@code savedResume} holds the chosen resume's id, or
 * {@link #PASTE} for the text box.
 */
@Singleton
class ToolPrefill {
    static final String FIELD = "savedResume";
    static final String PASTE = "paste";

    private final CareerProfiles profiles;
    private final SavedResumes resumes;

    ToolPrefill(CareerProfiles profiles, SavedResumes resumes) {
        this.profiles = profiles;
        this.resumes = resumes;
    }

    /** Profile values for the fields this tool's input has (only those it has). */
    Map<String, String> values(SignedInUser user, AiTool tool) {
        CareerProfile profile = profiles.of(user.universityId(), user.userId());
        Map<String, String> candidates = new HashMap<>();
        if (!profile.targetRoles().isEmpty()) {
            String main = profile.targetRoles().get(0);
            candidates.put("targetRole", main);
            candidates.put("jobTitle", main);
            candidates.put("role", main);
            candidates.put("targetRoles", String.join("\n", profile.targetRoles()));
        }
        if (!profile.links().isEmpty()) {
            candidates.put("profileLinks", String.join("\n", profile.links()));
        }
        if (profile.programme() != null) {
            candidates.put("field", profile.programme());
        }
        if (!profile.targetLocations().isEmpty()) {
            candidates.put("location", profile.targetLocations().get(0));
        }
        Map<String, String> values = new HashMap<>();
        candidates.forEach((field, value) -> {
            if (tool.inputSchema().path("properties").has(field)) {
                values.put(field, value);
            }
        });
        return values;
    }

    static boolean takesResume(AiTool tool) {
        return tool.inputSchema().path("properties").has("resume");
    }

    /** What {@link #picker} reads (the saved resumes, for a tool that takes one), for a page to send ahead (ADR 0076). */
    List<PageRead<?>> pickerReads(SignedInUser user, AiTool tool) {
        return takesResume(tool) ? List.of(resumes.ofRead(user.universityId(), user.userId())) : List.of();
    }

    /**
     * The picker's rows ({@code id, name, isDefault, checked}) — empty when the tool takes no
     * resume or none is saved. Checked: the submitted choice, else the default unless the form
     * already holds a pasted text (a "Try again" of a run).
     */
    List<Map<String, Object>> picker(SignedInUser user, AiTool tool, Map<String, String> values) {
        if (!takesResume(tool)) {
            return List.of();
        }
        List<SavedResume> saved = resumes.of(user.universityId(), user.userId());
        String chosen = values.get(FIELD);
        if (chosen == null) {
            String pasted = values.getOrDefault("resume", "");
            chosen = !pasted.isBlank()
                    ? PASTE
                    : saved.stream()
                            .filter(SavedResume::isDefault)
                            .findFirst()
                            .map(r -> String.valueOf(r.id()))
                            .orElse(PASTE);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SavedResume resume : saved) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", resume.id());
            row.put("name", resume.name());
            row.put("isDefault", resume.isDefault());
            row.put("checked", String.valueOf(resume.id()).equals(chosen));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The form as the tool reads it: a chosen saved resume's text in {@code resume}.
     *
     * @throws InvalidRunInputException when the chosen resume is not one of the student's
     */
    Map<String, String> resolve(SignedInUser user, Map<String, String> form) {
        String chosen = form.getOrDefault(FIELD, PASTE).strip();
        if (chosen.isEmpty() || chosen.equals(PASTE)) {
            return form;
        }
        Optional<SavedResume> resume;
        try {
            resume = resumes.find(user.universityId(), user.userId(), Long.parseLong(chosen));
        } catch (NumberFormatException e) {
            resume = Optional.empty();
        }
        Map<String, String> resolved = new HashMap<>(form);
        resolved.put(
                "resume",
                resume.orElseThrow(() -> new InvalidRunInputException(
                                Map.of("resume", "Choose one of your saved resumes, or paste one.")))
                        .text());
        return resolved;
    }
}
