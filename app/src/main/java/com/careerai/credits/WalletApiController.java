package com.careerai.credits;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.RequestExecutor;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;

/** The signed-in user's wallet for API clients. */
@Controller("/api/v1/wallet")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(RequestExecutor.NAME) // on the session check's pool thread (ADR 0073)
@Tag(name = "Credits")
class WalletApiController {
    private final Wallets wallets;
    private final CreditCosts costs;
    private final PageReads reads;

    WalletApiController(Wallets wallets, CreditCosts costs, PageReads reads) {
        this.wallets = wallets;
        this.reads = reads;
        this.costs = costs;
    }

    /** Balances and the newest transactions. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record WalletView(long silver, long gold, List<TransactionView> transactions) {}

    /** One page of the history. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record TransactionsPage(int page, int pageSize, long total, long pages, List<TransactionView> transactions) {}

    @Get
    @Operation(summary = "Your balances and latest transactions")
    WalletView wallet(@CurrentUser SignedInUser user) {
        // the balances and the history's first page in one round trip (ADR 0076)
        List<PageRead<?>> ahead = new ArrayList<>(wallets.historyReads(user.universityId(), user.userId(), 1));
        ahead.add(wallets.balancesRead(user.universityId(), user.userId()));
        reads.prefetch(ahead);
        Balances balances = wallets.balances(user.universityId(), user.userId());
        LedgerPage latest = wallets.history(user.universityId(), user.userId(), 1);
        return new WalletView(balances.silver(), balances.gold(), views(latest));
    }

    @Get("/transactions")
    @Operation(summary = "Your transactions, newest first, a page at a time (from 1)")
    TransactionsPage transactions(
            @CurrentUser SignedInUser user, @QueryValue(defaultValue = "1") @Min(1) @Max(1_000_000) int page) {
        LedgerPage history = wallets.history(user.universityId(), user.userId(), page);
        return new TransactionsPage(
                history.page(), history.pageSize(), history.total(), history.pages(), views(history));
    }

    private List<TransactionView> views(LedgerPage page) {
        return page.entries().stream()
                .map(entry -> TransactionView.of(entry, costs))
                .toList();
    }
}
