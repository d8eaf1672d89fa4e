package com.careerai.web;

import com.careerai.auth.SignedInUser;
import com.careerai.counselling.Counsellors;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.resources.Resources;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Recommended for you" panel of a student's home: resources tagged with their interests and
 * counsellors whose expertise names one of them; without interests, a nudge to pick some.
 */
@Singleton
class Recommendations {
    static final int RESOURCES = 6;
    static final int COUNSELLORS = 3;

    private final Interests interests;
    private final Resources resources;
    private final Counsellors counsellors;

    Recommendations(Interests interests, Resources resources, Counsellors counsellors) {
        this.interests = interests;
        this.resources = resources;
        this.counsellors = counsellors;
    }

    Map<String, Object> forStudent(SignedInUser student) {
        List<String> names = interests.ofUser(student.universityId(), student.userId()).stream()
                .filter(interest -> !interest.retired())
                .map(Interest::name)
                .toList();
        Map<String, Object> panel = new HashMap<>();
        panel.put("interests", names);
        panel.put("hasInterests", !names.isEmpty());
        panel.put("resources", names.isEmpty() ? List.of() : resources.recommendedFor(student, RESOURCES));
        panel.put(
                "counsellors",
                counsellors.withExpertiseIn(student.universityId(), names).stream()
                        .limit(COUNSELLORS)
                        .toList());
        return panel;
    }
}
