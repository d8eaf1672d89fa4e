package com.careerai.credits;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.DashboardPanel;
import com.careerai.platform.web.Plural;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Dashboard panel 10: the student's silver and gold, and what each buys (prices from configuration,
 * so each currency's "Buys: …" line is written once, not on every home page).
 */
@Singleton
class BalancesPanel implements DashboardPanel {
    private final Wallets wallets;
    private final @Nullable String silverBuys;
    private final @Nullable String goldBuys;

    BalancesPanel(Wallets wallets, CreditCosts costs) {
        this.wallets = wallets;
        this.silverBuys = buys(costs, Currency.SILVER);
        this.goldBuys = buys(costs, Currency.GOLD);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, long userId, ZoneId zone) {
        return List.of(wallets.balancesRead(universityId, userId));
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        Balances balances = wallets.balances(universityId, userId);
        return Optional.of(new Panel(
                "balances",
                "Your credits",
                List.of(item("Silver", balances.silver(), silverBuys), item("Gold", balances.gold(), goldBuys)),
                null,
                "/wallet",
                "Wallet and history"));
    }

    private static Item item(String name, long held, @Nullable String buys) {
        return new Item(name + ": " + Plural.of(held, "credit"), buys, null, held == 0 ? "Empty" : null);
    }

    /** "Buys: CV Analysis (2), Job Pack (5)" for what the currency pays for, or null when nothing. */
    private static @Nullable String buys(CreditCosts costs, Currency currency) {
        List<String> buys = costs.all().stream()
                .filter(cost -> cost.cost(currency).isPresent())
                .map(cost -> {
                    OptionalInt price = cost.cost(currency);
                    return cost.label() + " (" + (price.getAsInt() == 0 ? "free" : price.getAsInt()) + ")";
                })
                .toList();
        return buys.isEmpty() ? null : "Buys: " + buys.stream().collect(Collectors.joining(", "));
    }
}
