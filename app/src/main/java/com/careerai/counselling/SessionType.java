package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;

/**
 * What a counsellor offers. {@code priceGold} null means free; {@code included} means a plan
 * session pays for it while the student's plan has sessions left this month.
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
        boolean active) {

    boolean free() {
        return priceGold == null;
    }
}
