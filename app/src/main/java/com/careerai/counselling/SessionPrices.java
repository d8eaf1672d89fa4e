package com.careerai.counselling;

import com.careerai.auth.SignedInUser;
import com.careerai.billing.ExpertPayouts;
import com.careerai.billing.ExpertProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;

/**
 * A counsellor's own session types and their money prices. Only a paid expert whose Stripe
 * account takes card payments may give a type a money price (paid by card, see {@link PaidSessions});
 * removing it leaves the type free (or at its gold price).
 */
@Singleton
class SessionPrices {
    private final CounsellorStore store;
    private final ExpertPayouts payouts;
    private final TransactionOperations<Connection> transactions;

    SessionPrices(CounsellorStore store, ExpertPayouts payouts, TransactionOperations<Connection> transactions) {
        this.store = store;
        this.payouts = payouts;
        this.transactions = transactions;
    }

    List<SessionType> mine(SignedInUser counsellor) {
        return transactions.executeRead(tx -> store.sessionTypes(counsellor.universityId(), counsellor.userId()));
    }

    /** The currency the university's money prices are in. */
    String currency(SignedInUser counsellor) {
        return payouts.currency(counsellor.universityId());
    }

    ExpertPayouts.ExpertStatus status(SignedInUser counsellor) {
        return payouts.status(counsellor.universityId(), counsellor.userId());
    }

    /**
     * Sets (or, for a blank price, removes) the money price of one of the counsellor's types.
     *
     * @throws CounsellingException 422 beside {@code price} when not onboarded or the price is not one;
     *     404 for a type that is not theirs
     */
    void setPrice(SignedInUser counsellor, String slug, @Nullable String price) {
        String text = price == null ? "" : price.strip();
        Long cents = null;
        if (!text.isEmpty()) {
            if (!payouts.paidSessionsPossible(counsellor.universityId())) {
                throw CounsellingException.invalid("price", ExpertProblems.StripeRequired.MESSAGE);
            }
            if (!status(counsellor).canCharge()) {
                throw CounsellingException.invalid(
                        "price",
                        "A money price needs a payout account that takes card payments: finish Stripe onboarding on"
                                + " Payouts first.");
            }
            try {
                cents = ExpertPayouts.parsePrice("price", text);
            } catch (ExpertProblems.Invalid e) {
                throw CounsellingException.invalid("price", e.getMessage());
            }
        }
        Long amount = cents;
        boolean changed = transactions.executeWrite(tx -> store.setMoneyPrice(
                counsellor.universityId(),
                counsellor.userId(),
                slug,
                amount,
                payouts.currency(counsellor.universityId())));
        if (!changed) {
            throw CounsellingException.invalid("price", "Choose one of your session types.");
        }
    }
}
