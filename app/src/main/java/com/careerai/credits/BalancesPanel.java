package com.careerai.credits;

import com.careerai.platform.web.DashboardPanel;
import com.careerai.platform.web.Plural;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Dashboard panel 10: the student's silver and gold, and what each buys (prices from configuration). */
@Singleton
class BalancesPanel implements DashboardPanel {
    private final Wallets wallets;
    private final CreditCosts costs;

    BalancesPanel(Wallets wallets, CreditCosts costs) {
        this.wallets = wallets;
        this.costs = costs;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        Balances balances = wallets.balances(universityId, userId);
        return Optional.of(new Panel(
                "balances",
                "Your credits",
                List.of(
                        item(Currency.SILVER, "Silver", balances.silver()),
                        item(Currency.GOLD, "Gold", balances.gold())),
                null,
                "/wallet",
                "Wallet and history"));
    }

    private Item item(Currency currency, String name, long held) {
        List<String> buys = costs.all().stream()
                .filter(cost -> cost.cost(currency).isPresent())
                .map(cost -> {
                    OptionalInt price = cost.cost(currency);
                    return cost.label() + " (" + (price.getAsInt() == 0 ? "free" : price.getAsInt()) + ")";
                })
                .toList();
        String detail = buys.isEmpty() ? null : "Buys: " + buys.stream().collect(Collectors.joining(", "));
        return new Item(name + ": " + Plural.of(held, "credit"), detail, null, held == 0 ? "Empty" : null);
    }
}
