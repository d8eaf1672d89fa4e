package com.careerai.credits;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.PersonalPage;
import com.careerai.platform.web.RequestExecutor;
import com.careerai.platform.web.ViewerZones;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /wallet}: balances, what each tool costs, and the transaction history. */
@Controller("/wallet")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(RequestExecutor.NAME) // on the session check's pool thread (ADR 0073)
@Hidden
class WalletController {
    private final Wallets wallets;
    private final CreditCosts costs;
    private final ViewerZones zones;
    private final LayoutModel layout;

    /** One history row: the entry and when it happened, in the viewer's zone. */
    record WalletRow(TransactionView entry, String when) {}

    WalletController(Wallets wallets, CreditCosts costs, ViewerZones zones, LayoutModel layout) {
        this.zones = zones;
        this.layout = layout;
        this.wallets = wallets;
        this.costs = costs;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @PersonalPage // the time zone comes with the session check (ADR 0072)
    ModelAndView<Map<String, Object>> wallet(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @QueryValue(defaultValue = "1") @Min(1) @Max(1_000_000) int page) {
        // the page's reads and its header's (balances, bell) in one round trip (ADR 0076)
        List<PageRead<?>> ahead = new ArrayList<>(wallets.historyReads(user.universityId(), user.userId(), page));
        ahead.add(wallets.balancesRead(user.universityId(), user.userId()));
        layout.prefetchWith(request, ahead);
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
        // the layout now, while its reads are kept (LayoutModelProcessor leaves a model's own layout)
        model.put("layout", layout.forRequest(request));
        return new ModelAndView<>("credits/wallet", model);
    }
}
