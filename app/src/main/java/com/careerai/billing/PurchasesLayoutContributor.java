package com.careerai.billing;

import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Tells every page whether to offer a "Buy" ({@code layout.canBuy}) and, when not, why
 * ({@code layout.purchasesNote}), so other features' pages (the wallet, the 402 page) never link
 * to a purchase that would be refused.
 */
@Singleton
class PurchasesLayoutContributor implements LayoutContributor {
    private final PurchasePolicy policy;

    PurchasesLayoutContributor(PurchasePolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<PageRead<?>> reads(HttpRequest<?> request) {
        return SignedInUsers.current(request).map(policy::offerReads).orElse(List.of());
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).map(policy::offerTo).ifPresent(offer -> {
            layout.put("canBuy", offer.open());
            if (offer.reason() != null) {
                layout.put("purchasesNote", offer.reason());
            }
        });
    }
}
