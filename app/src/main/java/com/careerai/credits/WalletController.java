package com.careerai.credits;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
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

    WalletController(Wallets wallets, CreditCosts costs) {
        this.wallets = wallets;
        this.costs = costs;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> wallet(
            @CurrentUser SignedInUser user, @QueryValue(defaultValue = "1") @Min(1) @Max(1_000_000) int page) {
        LedgerPage history = wallets.history(user.universityId(), user.userId(), page);
        Map<String, Object> model = new HashMap<>();
        model.put("balances", wallets.balances(user.universityId(), user.userId()));
        model.put("costs", costs.offeredAt(user.universityId()));
        model.put(
                "transactions",
                history.entries().stream()
                        .map(entry -> TransactionView.of(entry, costs))
                        .toList());
        model.put("history", history);
        model.put("previousPage", history.page() - 1);
        model.put("nextPage", history.page() + 1);
        return new ModelAndView<>("credits/wallet", model);
    }
}
