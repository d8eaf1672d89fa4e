package com.careerai.resources;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.DashboardPanel;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard panel 60: resources tagged with the student's interests (recent, then popular); with
 * no interests picked, a nudge to pick some.
 */
@Singleton
class RecommendedResourcesPanel implements DashboardPanel {
    static final int SHOWN = 5;

    private final Resources resources;
    private final UserAccounts accounts;

    RecommendedResourcesPanel(Resources resources, UserAccounts accounts) {
        this.resources = resources;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, long userId, ZoneId zone) {
        return accounts.find(universityId, userId)
                .map(SignedInUser::of)
                .map(student -> resources.recommendedReads(student, SHOWN))
                .orElse(List.of());
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        List<Item> items = accounts.find(universityId, userId)
                .map(SignedInUser::of)
                .map(student -> resources.recommendedFor(student, SHOWN).stream()
                        .map(r -> new Item(
                                r.title(),
                                r.kind() + (r.interests().isEmpty() ? "" : " · " + String.join(", ", r.interests())),
                                "/resources/" + r.id(),
                                r.locked() ? "Premium" : null))
                        .toList())
                .orElse(List.of());
        return Optional.of(new Panel(
                "resources",
                "Recommended for you",
                items,
                "Pick your interests on your profile and we will recommend resources here.",
                items.isEmpty() ? "/profile#interests" : "/resources",
                items.isEmpty() ? "Pick your interests" : "All resources"));
    }
}
