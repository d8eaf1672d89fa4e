package com.careerai.credits;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.ViewerZones;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** {@code /wallet}: balances, what each tool costs, and the transaction history. */
@Controller("/wallet")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class WalletController {
    private final Wallets wallets;
    private final CreditCosts costs;
    private final ViewerZones zones;

    /** One history row: the entry and when it happened, in the viewer's zone. */
    record WalletRow(TransactionView entry, String when) {}

    WalletController(Wallets wallets, CreditCosts costs, ViewerZones zones) {
        this.zones = zones;
        this.wallets = wallets;
        this.costs = costs;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> wallet(
            @CurrentUser SignedInUser user, @QueryValue(defaultValue = "1") @Min(1) @Max(1_000_000) int page) {
        LedgerPage history = wallets.history(user.universityId(), user.userId(), page);
        ZoneId zone = zones.zoneOf(user.universityId(), user.userId());
        Map<String, Object> model = new HashMap<>();
        model.put("balances", wallets.balances(user.universityId(), user.userId()));
        model.put("costs", costs.offeredAt(user.universityId()));
        model.put(
                "transactions",
                history.entries().stream()
                        .map(entry -> {
                            TransactionView view = TransactionView.of(entry, costs);
                            return new WalletRow(view, Dates.moment(view.createdAt(), zone));
                        })
                        .toList());
        model.put("history", history);
        model.put("previousPage", history.page() - 1);
        model.put("nextPage", history.page() + 1);
        return new ModelAndView<>("credits/wallet", model);
    }
}
