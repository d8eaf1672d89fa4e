package com.careerai.privacy;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.LayoutContributor;
import com.careerai.platform.web.ViewerZones;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * While a person's account waits out its deletion grace, every page they see says so and links to
 * the cancel button ({@code layout.deletion} in the base layout). The date comes with the user row
 * the sign-in check has read for this request ({@link AccountDeletions} keeps it there, ADR 0042), so
 * the banner costs a page no statement of its own (issue 19).
 */
@Singleton
class DeletionBanner implements LayoutContributor {
    private final UserAccounts accounts;
    private final ViewerZones zones;

    DeletionBanner(UserAccounts accounts, ViewerZones zones) {
        this.accounts = accounts;
        this.zones = zones;
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).ifPresent(user -> accounts.find(request, user.universityId(), user.userId())
                .flatMap(User::erasureScheduled)
                .ifPresent(at -> layout.put(
                        "deletion",
                        Map.of("eraseOn", Dates.day(at, zones.zoneOf(user.universityId(), user.userId()))))));
    }
}
