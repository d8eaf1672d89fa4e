package com.careerai.privacy;

import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.LayoutContributor;
import com.careerai.platform.web.ViewerZones;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * While a person's account waits out its deletion grace, every page they see says so and links to
 * the cancel button ({@code layout.deletion} in the base layout).
 */
@Singleton
class DeletionBanner implements LayoutContributor {
    // Looked up on first use: the layout (and with it the HTTP server and its error pages) is built
    // at start-up, and should not build the privacy feature's graph down to JobRunr's scheduler then.
    private final BeanProvider<AccountDeletions> deletions;
    private final ViewerZones zones;

    DeletionBanner(BeanProvider<AccountDeletions> deletions, ViewerZones zones) {
        this.deletions = deletions;
        this.zones = zones;
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).ifPresent(user -> deletions
                .get()
                .scheduledErasure(user.universityId(), user.userId())
                .ifPresent(at -> layout.put(
                        "deletion",
                        Map.of("eraseOn", Dates.day(at, zones.zoneOf(user.universityId(), user.userId()))))));
    }
}
