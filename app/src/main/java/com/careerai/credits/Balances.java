package com.careerai.credits;

import io.micronaut.serde.annotation.Serdeable;

/** A wallet's balances. */
@Serdeable
public record Balances(long silver, long gold) {
    public static final Balances EMPTY = new Balances(0, 0);

    public long of(Currency currency) {
        return currency == Currency.SILVER ? silver : gold;
    }
}
