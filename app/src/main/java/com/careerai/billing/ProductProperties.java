package com.careerai.billing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One thing students can buy: {@code careerai.billing.products.<id>.*}. A {@code pack} is paid
 * once and tops the wallet up; a {@code plan} is paid monthly, grants {@code credits} with every
 * paid invoice and makes the student Pro while its subscription is active. Read through
 * {@link Catalogue}, which checks every value at start-up.
 */
@EachProperty("careerai.billing.products")
public class ProductProperties {
    private final String id;
    private String kind = "";
    private String name = "";
    private long priceCents;
    private String currency = "usd";
    private String creditsCurrency = "gold";
    private int credits;

    @Nullable
    private String stripePrice;

    @Nullable
    private String description;

    private int counsellingSessions;
    private int cvReviews;
    private boolean premiumResources;
    private boolean featured;
    private List<String> features = List.of();
    private java.util.Map<String, Long> prices = java.util.Map.of();

    ProductProperties(@Parameter String id) {
        this.id = id;
    }

    /** The product's id, e.g. {@code gold-10} or {@code premium} (its key in the configuration). */
    public String getId() {
        return id;
    }

    /** {@code pack} or {@code plan}. */
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    /** What students see, e.g. "10 gold credits" or "Premium". */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The price in the currency's minor unit (cents); per month for a plan. */
    public long getPriceCents() {
        return priceCents;
    }

    public void setPriceCents(long priceCents) {
        this.priceCents = priceCents;
    }

    /** ISO currency of the price, lower case ({@code usd}). */
    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** {@code gold} or {@code silver}: the credits bought or granted. */
    public String getCreditsCurrency() {
        return creditsCurrency;
    }

    public void setCreditsCurrency(String creditsCurrency) {
        this.creditsCurrency = creditsCurrency;
    }

    /** Credits a pack buys, or a plan grants with every paid month. */
    public int getCredits() {
        return credits;
    }

    public void setCredits(int credits) {
        this.credits = credits;
    }

    /**
     * A Stripe Price id ({@code price_…}) to sell instead of an inline price; lets plans changed
     * in the customer portal be recognised. Optional.
     */
    @Nullable
    public String getStripePrice() {
        return stripePrice;
    }

    public void setStripePrice(@Nullable String stripePrice) {
        this.stripePrice = stripePrice;
    }

    /**
     * The price in other currencies, in their minor unit ({@code prices.inr: 74900}), for
     * universities that charge in that currency (payment settings); a product without a price in
     * a university's currency is not offered there.
     */
    public java.util.Map<String, Long> getPrices() {
        return prices;
    }

    public void setPrices(@Nullable java.util.Map<String, Long> prices) {
        this.prices = prices == null ? java.util.Map.of() : prices;
    }

    /** One line under the name on the pricing page. */
    @Nullable
    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    /** Plans: counselling sessions included per month; a negative number means unlimited. */
    public int getCounsellingSessions() {
        return counsellingSessions;
    }

    public void setCounsellingSessions(int counsellingSessions) {
        this.counsellingSessions = counsellingSessions;
    }

    /** Plans: CV reviews by a counsellor included per month. */
    public int getCvReviews() {
        return cvReviews;
    }

    public void setCvReviews(int cvReviews) {
        this.cvReviews = cvReviews;
    }

    /** Plans: whether premium resources are included. */
    public boolean isPremiumResources() {
        return premiumResources;
    }

    public void setPremiumResources(boolean premiumResources) {
        this.premiumResources = premiumResources;
    }

    /** Whether the pricing page highlights this product ("Most popular"). */
    public boolean isFeatured() {
        return featured;
    }

    public void setFeatured(boolean featured) {
        this.featured = featured;
    }

    /** Plans: further lines for the pricing page (e.g. "Priority support"). */
    public List<String> getFeatures() {
        return features;
    }

    public void setFeatures(List<String> features) {
        this.features = features == null ? List.of() : List.copyOf(features);
    }
}
