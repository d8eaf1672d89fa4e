package com.careerai.billing;

import com.careerai.credits.Currency;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A credit pack or a plan from the catalogue ({@code careerai.billing.products}).
 *
 * @param id the catalogue key, e.g. {@code gold-10}, {@code premium}
 * @param priceCents the price in the currency's minor unit; per month for a plan
 * @param currency ISO currency of the price, lower case
 * @param creditsCurrency what the credits are
 * @param credits what a pack buys, or what a plan grants with every paid month
 * @param stripePrice a Stripe Price id sold instead of an inline price, if configured
 * @param includes what a plan includes besides credits (zero for packs)
 * @param featured whether the pricing page highlights it
 * @param extraFeatures further lines for the pricing page
 */
public record Product(
        String id,
        Kind kind,
        String name,
        @Nullable String description,
        long priceCents,
        String currency,
        Currency creditsCurrency,
        int credits,
        @Nullable String stripePrice,
        PlanIncludes includes,
        boolean featured,
        List<String> extraFeatures) {

    /** A pack is paid once; a plan monthly. */
    public enum Kind {
        PACK,
        PLAN
    }

    /**
     * What a plan includes besides its monthly credits; other features (counselling, reviews,
     * resources) read it through {@link Plans}.
     *
     * @param counsellingSessions counselling sessions per month; a negative number means unlimited
     * @param cvReviews CV reviews by a counsellor per month
     * @param premiumResources whether premium resources are open
     */
    public record PlanIncludes(int counsellingSessions, int cvReviews, boolean premiumResources) {
        public static final PlanIncludes NONE = new PlanIncludes(0, 0, false);

        /** Whether the plan puts no monthly limit on counselling sessions. */
        public boolean unlimitedCounselling() {
            return counsellingSessions < 0;
        }
    }

    /** The same product priced in another currency (sold inline, so without a Stripe Price). */
    Product pricedIn(long cents, String isoCurrency) {
        return new Product(
                id,
                kind,
                name,
                description,
                cents,
                isoCurrency,
                creditsCurrency,
                credits,
                null,
                includes,
                featured,
                extraFeatures);
    }

    public boolean isPlan() {
        return kind == Kind.PLAN;
    }

    /** The price as shown: "$9", "$49.50". */
    public String price() {
        return Money.format(priceCents, currency);
    }

    /**
     * Every line the pricing page lists for this product. A plan's benefits are listed only when a
     * feature delivers them ({@code deliveredBy}: benefit → that feature's name, shown beside it).
     */
    public List<String> features(Map<PlanBenefit, String> deliveredBy) {
        List<String> lines = new ArrayList<>();
        String credit = credits + " " + creditsCurrency.key() + " credit" + (credits == 1 ? "" : "s");
        lines.add(isPlan() ? credit + " every month" : credit + ", never expire");
        if (isPlan()) {
            String counselling = deliveredBy.get(PlanBenefit.COUNSELLING_SESSIONS);
            if (counselling != null && includes.unlimitedCounselling()) {
                lines.add("Unlimited counselling sessions · " + counselling);
            } else if (counselling != null && includes.counsellingSessions() > 0) {
                lines.add(plural(includes.counsellingSessions(), "counselling session") + " a month · " + counselling);
            }
            String reviews = deliveredBy.get(PlanBenefit.CV_REVIEWS);
            if (includes.cvReviews() > 0 && reviews != null) {
                lines.add(plural(includes.cvReviews(), "CV review") + " by a counsellor a month · " + reviews);
            }
            String resources = deliveredBy.get(PlanBenefit.PREMIUM_RESOURCES);
            if (includes.premiumResources() && resources != null) {
                lines.add("Premium resources and guides · " + resources);
            }
            lines.add("Pro badge while your plan is active");
        }
        lines.addAll(extraFeatures);
        return List.copyOf(lines);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
