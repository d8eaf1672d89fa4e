package com.careerai.credits;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each feature costs in each currency, from {@code careerai.credits.costs.<feature>.<currency>}:
 * data keyed by any feature's slug. The names and order pages show come from the features
 * themselves ({@link PricedFeatures}); a priced slug no feature names is shown by its slug.
 */
@Singleton
public class CreditCosts {

    /** One feature's prices; a null price means that currency cannot pay for it, 0 that it is free. */
    @Serdeable
    public record FeatureCost(String feature, String label, @Nullable Integer silver, @Nullable Integer gold) {
        public OptionalInt cost(Currency currency) {
            Integer cost = currency == Currency.SILVER ? silver : gold;
            return cost == null ? OptionalInt.empty() : OptionalInt.of(cost);
        }

        /** For pages: free in silver (templates treat 0 like "not offered"). */
        public boolean freeInSilver() {
            return silver != null && silver == 0;
        }

        /** For pages: free in gold. */
        public boolean freeInGold() {
            return gold != null && gold == 0;
        }
    }

    /** Declared names by slug, in the order the features list them. */
    private final Map<String, String> names = new LinkedHashMap<>();

    private final Map<String, FeatureCost> costs = new TreeMap<>();

    private final List<PricedFeatures> features;

    CreditCosts(List<FeatureCostProperties> properties, List<PricedFeatures> features) {
        List<PricedFeatures> ordered = new ArrayList<>(features);
        ordered.sort(OrderUtil.COMPARATOR);
        this.features = List.copyOf(ordered);
        for (PricedFeatures feature : ordered) {
            feature.pricedFeatures().forEach(priced -> names.putIfAbsent(priced.slug(), priced.name()));
        }
        for (FeatureCostProperties price : properties) {
            requireNotNegative(price.getFeature(), "silver", price.getSilver());
            requireNotNegative(price.getFeature(), "gold", price.getGold());
            costs.put(
                    price.getFeature(),
                    new FeatureCost(price.getFeature(), label(price.getFeature()), price.getSilver(), price.getGold()));
        }
    }

    /** The cost of one use of {@code feature} in {@code currency}; empty when not offered. */
    public OptionalInt cost(String feature, Currency currency) {
        FeatureCost cost = costs.get(feature);
        return cost == null ? OptionalInt.empty() : cost.cost(currency);
    }

    /**
     * The cost of one use, or a 422 naming the field: {@code feature} for a feature without a price,
     * {@code currency} for a currency it does not take.
     */
    public int require(String feature, Currency currency) {
        FeatureCost cost = costs.get(feature);
        if (cost == null) {
            throw new CreditOperationException(CreditErrorCode.UNKNOWN_FEATURE, "feature", "There is no such tool.");
        }
        return cost.cost(currency)
                .orElseThrow(() -> new CreditOperationException(
                        CreditErrorCode.CURRENCY_NOT_OFFERED,
                        "currency",
                        cost.label() + " cannot be paid for with " + currency.key() + " credits."));
    }

    /** Every priced feature: the named ones in their features' order, then any others by slug. */
    public List<FeatureCost> all() {
        List<String> order = List.copyOf(names.keySet());
        List<FeatureCost> all = new ArrayList<>(costs.values());
        all.sort(Comparator.comparingInt((FeatureCost cost) -> {
                    int index = order.indexOf(cost.feature());
                    return index < 0 ? order.size() : index;
                })
                .thenComparing(FeatureCost::feature));
        return all;
    }

    /** What the university offers: {@link #all()} without what it has switched off. */
    public List<FeatureCost> offeredAt(long universityId) {
        Set<String> off = new HashSet<>();
        features.forEach(feature -> off.addAll(feature.switchedOff(universityId)));
        return all().stream().filter(cost -> !off.contains(cost.feature())).toList();
    }

    /** A feature's display name: as its feature names it ("CV Analysis"), else from the slug ("Cv Analysis"). */
    public String label(String feature) {
        String named = names.get(feature);
        if (named != null) {
            return named;
        }
        StringBuilder label = new StringBuilder();
        for (String word : feature.split("-")) {
            if (!word.isEmpty()) {
                label.append(label.length() == 0 ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return label.toString();
    }

    /** 0 is allowed: a free feature (its uses write no ledger row, see {@code ai.WalletRunCharges}). */
    private static void requireNotNegative(String feature, String currency, @Nullable Integer cost) {
        if (cost != null && cost < 0) {
            throw new ConfigurationException("careerai.credits.costs." + feature + "." + currency
                    + " must be zero (free) or a positive whole number, not " + cost);
        }
    }
}
