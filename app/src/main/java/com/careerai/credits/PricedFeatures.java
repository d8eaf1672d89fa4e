package com.careerai.credits;

import java.util.List;
import java.util.Set;

/**
 * Implemented by a feature that charges credits, to name what it sells: the AI tools, later
 * counselling sessions. Prices stay configuration keyed by the same slugs
 * ({@code careerai.credits.costs.<slug>.silver|gold}); credits itself knows no feature's names, it
 * shows these in the wallet, the history and the 402 page.
 */
public interface PricedFeatures {

    /** What this feature sells, in the order pages list them. */
    List<PricedFeature> pricedFeatures();

    /**
     * Slugs the university has switched off: they leave its price lists (the wallet). None by
     * default.
     */
    default Set<String> switchedOff(long universityId) {
        return Set.of();
    }

    /**
     * One thing that can be paid for with credits.
     *
     * @param slug the ledger's {@code feature} and the key of its price ({@code job-pack})
     * @param name what people read ("Job Pack")
     */
    record PricedFeature(String slug, String name) {}
}
