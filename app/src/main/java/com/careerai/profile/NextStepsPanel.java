package com.careerai.profile;

import com.careerai.interests.Interests;
import com.careerai.platform.web.DashboardPanel;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard panel 20: what to do next, from what the profile still lacks — a resume, a target
 * role, interests — and, once a default resume is saved, running CV Analysis on it. Empty when
 * nothing is missing.
 */
@Singleton
class NextStepsPanel implements DashboardPanel {
    private final CareerProfiles profiles;
    private final Interests interests;

    NextStepsPanel(CareerProfiles profiles, Interests interests) {
        this.profiles = profiles;
        this.interests = interests;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        List<Item> steps = new ArrayList<>();
        // the default resume's name comes with the profile's row the page read for its time zone
        Optional<String> resume = profiles.defaultResumeName(universityId, userId);
        if (resume.isEmpty()) {
            steps.add(new Item(
                    "Add your resume",
                    "Save it once; every tool offers it instead of asking you to paste it.",
                    "/profile#resumes",
                    null));
        } else {
            steps.add(new Item(
                    "Run CV Analysis on your default resume",
                    "“" + resume.get() + "”: a score with the reasons behind it.",
                    "/tools/cv-analysis",
                    null));
        }
        if (profiles.of(universityId, userId).targetRoles().isEmpty()) {
            steps.add(new Item(
                    "Name the roles you are aiming for",
                    "The tools fill in your target role from your profile.",
                    "/profile#details",
                    null));
        }
        if (interests.ofUser(universityId, userId).isEmpty()) {
            steps.add(new Item(
                    "Pick your interests",
                    "We recommend resources and counsellors for them.",
                    "/profile#interests",
                    null));
        }
        return Optional.of(new Panel("next-steps", "Next steps", steps, null, "/profile", "Your profile"));
    }
}
