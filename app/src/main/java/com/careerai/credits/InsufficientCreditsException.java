package com.careerai.credits;

import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.io.Serializable;
import java.util.Optional;

/**
 * A debit found too few credits (HTTP 402). Carries what the 402 page offers instead: the other
 * currency when the wallet holds enough of it, else buying credits.
 */
public final class InsufficientCreditsException extends ProblemException {
    private static final long serialVersionUID = 1L;

    /** The other currency's price for the same tool, which the wallet can pay. */
    public record Alternative(Currency currency, int cost) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String feature;
    private final Currency currency;
    private final int cost;
    private final long balance;

    @Nullable
    private final Alternative alternative;

    public InsufficientCreditsException(
            String feature, Currency currency, int cost, long balance, @Nullable Alternative alternative) {
        super(
                HttpStatus.PAYMENT_REQUIRED,
                "insufficient_credits",
                "This needs " + cost + " " + currency.key() + " credit" + (cost == 1 ? "" : "s") + " and you have "
                        + balance + ".");
        this.feature = feature;
        this.currency = currency;
        this.cost = cost;
        this.balance = balance;
        this.alternative = alternative;
    }

    public CreditErrorCode errorCode() {
        return CreditErrorCode.NOT_ENOUGH_CREDITS;
    }

    public String feature() {
        return feature;
    }

    public Currency currency() {
        return currency;
    }

    public int cost() {
        return cost;
    }

    public long balance() {
        return balance;
    }

    /** The other currency, when the wallet holds enough of it for this tool. */
    public Optional<Alternative> alternative() {
        return Optional.ofNullable(alternative);
    }
}
