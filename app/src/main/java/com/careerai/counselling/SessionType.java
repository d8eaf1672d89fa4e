package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;

/**
 * What a counsellor offers. {@code priceGold} null means free; {@code included} means a plan
 * session pays for it while the student's plan has sessions left this month. A paid expert's type
 * may instead carry a money price ({@code priceCents} in {@code priceCurrency}), paid by card.
 */
record SessionType(
        long universityId,
        long id,
        long counsellorId,
        String slug,
        String name,
        int minutes,
        @Nullable Integer priceGold,
        boolean included,
        boolean active,
        @Nullable Long priceCents,
        @Nullable String priceCurrency) {

    boolean free() {
        return priceGold == null && priceCents == null;
    }

    /** A money price: paid by card through Stripe (a paid expert's session). */
    boolean paidByCard() {
        return priceCents != null;
    }
}
