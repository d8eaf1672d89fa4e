package com.careerai.credits;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/** What each tool costs in each currency, from {@code careerai.credits.costs.<tool>.<currency>}. */
@Singleton
public class CreditCosts {
    /** The tools in the order pages list them. */
    public static final List<String> TOOLS = List.of(
            "job-pack", "skill-mapper", "internship-finder", "referral-trainer", "cv-analysis", "personal-statement");

    private static final Map<String, String> LABELS = Map.of(
            "job-pack", "Job Pack",
            "skill-mapper", "Skill Mapper",
            "internship-finder", "Internship Finder",
            "referral-trainer", "Referral Trainer",
            "cv-analysis", "CV Analysis",
            "personal-statement", "Personal Statement");

    /** One tool's prices; a null price means that currency cannot pay for it, 0 that it is free. */
    @Serdeable
    public record ToolCost(String tool, String label, @Nullable Integer silver, @Nullable Integer gold) {
        public OptionalInt cost(Currency currency) {
            Integer cost = currency == Currency.SILVER ? silver : gold;
            return cost == null ? OptionalInt.empty() : OptionalInt.of(cost);
        }

        /** For pages: the tool is free in silver (templates treat 0 like "not offered"). */
        public boolean freeInSilver() {
            return silver != null && silver == 0;
        }

        /** For pages: the tool is free in gold. */
        public boolean freeInGold() {
            return gold != null && gold == 0;
        }
    }

    private final Map<String, ToolCost> costs = new TreeMap<>();

    CreditCosts(List<ToolCostProperties> properties) {
        for (ToolCostProperties tool : properties) {
            requireNotNegative(tool.getTool(), "silver", tool.getSilver());
            requireNotNegative(tool.getTool(), "gold", tool.getGold());
            costs.put(
                    tool.getTool(),
                    new ToolCost(tool.getTool(), label(tool.getTool()), tool.getSilver(), tool.getGold()));
        }
    }

    /** The cost of one run of {@code feature} in {@code currency}; empty when not offered. */
    public OptionalInt cost(String feature, Currency currency) {
        ToolCost tool = costs.get(feature);
        return tool == null ? OptionalInt.empty() : tool.cost(currency);
    }

    /**
     * The cost of one run, or a 422 naming the field: {@code feature} for an unknown tool,
     * {@code currency} for a currency the tool does not take.
     */
    public int require(String feature, Currency currency) {
        ToolCost tool = costs.get(feature);
        if (tool == null) {
            throw new CreditOperationException(CreditErrorCode.UNKNOWN_FEATURE, "feature", "There is no such tool.");
        }
        return tool.cost(currency)
                .orElseThrow(() -> new CreditOperationException(
                        CreditErrorCode.CURRENCY_NOT_OFFERED,
                        "currency",
                        tool.label() + " cannot be paid for with " + currency.key() + " credits."));
    }

    /** Every priced tool: the known ones in {@link #TOOLS} order, then any others by name. */
    public List<ToolCost> all() {
        List<ToolCost> all = new ArrayList<>(costs.values());
        all.sort(Comparator.comparingInt((ToolCost tool) -> {
                    int index = TOOLS.indexOf(tool.tool());
                    return index < 0 ? TOOLS.size() : index;
                })
                .thenComparing(ToolCost::tool));
        return all;
    }

    /** A tool's display name ("CV Analysis" for {@code cv-analysis}). */
    public static String label(String tool) {
        String known = LABELS.get(tool);
        if (known != null) {
            return known;
        }
        StringBuilder label = new StringBuilder();
        for (String word : tool.split("-")) {
            if (!word.isEmpty()) {
                label.append(label.length() == 0 ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return label.toString();
    }

    /** 0 is allowed: a free tool (its runs write no ledger row, see {@code ai.WalletRunCharges}). */
    private static void requireNotNegative(String tool, String currency, @Nullable Integer cost) {
        if (cost != null && cost < 0) {
            throw new ConfigurationException("careerai.credits.costs." + tool + "." + currency
                    + " must be zero (free) or a positive whole number, not " + cost);
        }
    }
}
