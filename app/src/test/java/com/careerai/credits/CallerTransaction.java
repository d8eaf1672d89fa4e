package com.careerai.credits;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;

/** Calls {@link Wallets#debit} inside a transaction of its own, as the AI-runs feature will. */
@Singleton
public class CallerTransaction {
    private final Wallets wallets;

    CallerTransaction(Wallets wallets) {
        this.wallets = wallets;
    }

    /** Debits, then fails: the debit must roll back with the caller's work. */
    @Transactional
    public void debitThenFail(long universityId, long userId, String feature, Currency currency, UUID runId) {
        wallets.debit(universityId, userId, feature, currency, runId);
        throw new IllegalStateException("the caller failed after the debit");
    }

    /** Debits and swallows a refusal, as a careless caller might. */
    @Transactional
    public boolean debitSwallowingRefusal(
            long universityId, long userId, String feature, Currency currency, UUID runId) {
        try {
            wallets.debit(universityId, userId, feature, currency, runId);
            return true;
        } catch (InsufficientCreditsException e) {
            return false;
        }
    }
}
