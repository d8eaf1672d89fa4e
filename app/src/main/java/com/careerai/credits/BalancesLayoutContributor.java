package com.careerai.credits;

import com.careerai.auth.Role;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Puts a signed-in student's balances in the header ({@code layout.balances}, one primary-key
 * read). The read happens only off the Netty event loop.
 */
@Singleton
class BalancesLayoutContributor implements LayoutContributor {
    private final Wallets wallets;

    BalancesLayoutContributor(Wallets wallets) {
        this.wallets = wallets;
    }

    @Override
    public List<PageRead<?>> reads(HttpRequest<?> request) {
        return SignedInUsers.current(request)
                .filter(user -> user.role() == Role.STUDENT)
                .<List<PageRead<?>>>map(user -> List.of(wallets.balancesRead(user.universityId(), user.userId())))
                .orElse(List.of());
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request)
                .filter(user -> user.role() == Role.STUDENT)
                .ifPresent(user -> {
                    layout.put("balances", wallets.balances(user.universityId(), user.userId()));
                });
    }
}
