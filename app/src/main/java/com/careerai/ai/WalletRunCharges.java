package com.careerai.ai;

import com.careerai.credits.CreditCosts;
import com.careerai.credits.CreditErrorCode;
import com.careerai.credits.CreditOperationException;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Runs are paid from the student's wallet: costs from {@link CreditCosts}, debit and refund by {@link Wallets}. */
@Singleton
class WalletRunCharges implements RunCharges {
    private final Wallets wallets;
    private final CreditCosts costs;

    WalletRunCharges(Wallets wallets, CreditCosts costs) {
        this.wallets = wallets;
        this.costs = costs;
    }

    @Override
    public Map<String, Integer> costs(String tool) {
        Map<String, Integer> byCurrency = new LinkedHashMap<>();
        for (Currency currency : Currency.values()) {
            costs.cost(tool, currency).ifPresent(cost -> byCurrency.put(currency.name(), cost));
        }
        return byCurrency;
    }

    @Override
    public int cost(String tool, String currency) {
        return costs.require(tool, parse(currency));
    }

    /**
     * A free run (cost 0) writes no ledger row: the ledger refuses a zero DEBIT, a free run has
     * nothing to refund, and the audit has nothing to match. Its {@code ai_runs} row records it.
     */
    @Override
    public void debit(long universityId, long userId, String tool, String currency, UUID runId) {
        Currency paidWith = parse(currency);
        if (costs.require(tool, paidWith) == 0) {
            return;
        }
        wallets.payForRun(universityId, userId, tool, paidWith, runId);
    }

    @Override
    public void refund(long universityId, UUID runId) {
        wallets.refund(universityId, runId);
    }

    private static Currency parse(String currency) {
        return Currency.parse(currency)
                .orElseThrow(() -> new CreditOperationException(
                        CreditErrorCode.CURRENCY_NOT_OFFERED, "currency", "Choose silver or gold credits."));
    }

    @Override
    public java.util.Map<String, Long> balances(long universityId, long userId) {
        com.careerai.credits.Balances balances = wallets.balances(universityId, userId);
        return java.util.Map.of("SILVER", balances.silver(), "GOLD", balances.gold());
    }
}
