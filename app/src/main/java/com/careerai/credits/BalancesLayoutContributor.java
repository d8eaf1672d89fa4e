package com.careerai.credits;

import com.careerai.auth.Role;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a signed-in student's balances in the header ({@code layout.balances}, one primary-key
 * read) and links their wallet in the navigation.
 */
@Singleton
class BalancesLayoutContributor implements LayoutContributor {
    private final Wallets wallets;

    BalancesLayoutContributor(Wallets wallets) {
        this.wallets = wallets;
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request)
                .filter(user -> user.role() == Role.STUDENT)
                .ifPresent(user -> {
                    layout.put("balances", wallets.balances(user.universityId(), user.userId()));
                    navigation(layout)
                            .add(Map.of(
                                    "href",
                                    "/wallet",
                                    "label",
                                    "Wallet",
                                    "active",
                                    request.getPath().startsWith("/wallet")));
                });
    }

    /** The layout's navigation links, shared with other features' contributors. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> navigation(Map<String, Object> layout) {
        return (List<Map<String, Object>>) layout.computeIfAbsent("nav", key -> new ArrayList<Map<String, Object>>());
    }
}
