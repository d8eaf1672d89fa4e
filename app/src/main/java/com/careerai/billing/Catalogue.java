package com.careerai.billing;

import com.careerai.credits.Currency;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credit packs and plans on sale ({@code careerai.billing.products.*}), checked at start-up:
 * a bad price, currency or kind stops the application with a message naming the setting.
 * Packs come first, then plans, each by price.
 */
@Singleton
public class Catalogue {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ISO_CURRENCY = Pattern.compile("[a-z]{3}");

    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> otherPrices = new LinkedHashMap<>();

    Catalogue(List<ProductProperties> properties) {
        properties.stream()
                .map(Catalogue::product)
                .sorted(Comparator.comparing(Product::kind).thenComparingLong(Product::priceCents))
                .forEach(product -> products.put(product.id(), product));
        for (ProductProperties property : properties) {
            Map<String, Long> prices = new LinkedHashMap<>();
            property.getPrices().forEach((code, cents) -> {
                String currency = code.trim().toLowerCase(Locale.ROOT);
                String key = "careerai.billing.products." + property.getId() + ".prices." + code;
                if (!ISO_CURRENCY.matcher(currency).matches()) {
                    throw invalid(key, "must be keyed by a three-letter ISO currency such as inr");
                }
                if (cents == null || cents < 50 || cents > 99_999_999) {
                    throw invalid(key, "must be between 50 and 99999999");
                }
                prices.put(currency, cents);
            });
            otherPrices.put(property.getId(), Map.copyOf(prices));
        }
    }

    /**
     * The product as sold in {@code currency} (null = its own): itself, or a copy with its price in
     * that currency; empty when it has none there.
     */
    public Optional<Product> pricedIn(Product product, @io.micronaut.core.annotation.Nullable String currency) {
        if (currency == null || currency.equals(product.currency())) {
            return Optional.of(product);
        }
        Long cents = otherPrices.getOrDefault(product.id(), Map.of()).get(currency);
        return cents == null ? Optional.empty() : Optional.of(product.pricedIn(cents, currency));
    }

    /** The packs sold in {@code currency} (null = each in its own), priced in it. */
    public List<Product> packsIn(@io.micronaut.core.annotation.Nullable String currency) {
        return packs().stream()
                .flatMap(product -> pricedIn(product, currency).stream())
                .toList();
    }

    /** The plans sold in {@code currency} (null = each in its own), priced in it. */
    public List<Product> plansIn(@io.micronaut.core.annotation.Nullable String currency) {
        return plans().stream()
                .flatMap(product -> pricedIn(product, currency).stream())
                .toList();
    }

    public List<Product> all() {
        return List.copyOf(products.values());
    }

    public List<Product> packs() {
        return products.values().stream().filter(product -> !product.isPlan()).toList();
    }

    public List<Product> plans() {
        return products.values().stream().filter(Product::isPlan).toList();
    }

    public Optional<Product> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(products.get(id.trim()));
    }

    /** The plan sold at this Stripe Price id, when plans are configured with {@code stripe-price}. */
    Optional<Product> planForStripePrice(String priceId) {
        return plans().stream()
                .filter(plan -> plan.stripePrice() != null && plan.stripePrice().equals(priceId))
                .findFirst();
    }

    private static Product product(ProductProperties properties) {
        String id = properties.getId();
        String key = "careerai.billing.products." + id;
        if (!ID.matcher(id).matches()) {
            throw invalid(key, "the id must be lower-case letters, digits and dashes");
        }
        Product.Kind kind =
                switch (properties.getKind().trim().toLowerCase(Locale.ROOT)) {
                    case "pack" -> Product.Kind.PACK;
                    case "plan" -> Product.Kind.PLAN;
                    default -> throw invalid(key + ".kind", "must be pack or plan");
                };
        String name = properties.getName().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw invalid(key + ".name", "must be 1 to 100 characters");
        }
        if (properties.getPriceCents() < 50 || properties.getPriceCents() > 99_999_999) {
            throw invalid(key + ".price-cents", "must be between 50 and 99999999 (Stripe's limits)");
        }
        String currency = properties.getCurrency().trim().toLowerCase(Locale.ROOT);
        if (!ISO_CURRENCY.matcher(currency).matches()) {
            throw invalid(key + ".currency", "must be a three-letter ISO currency such as usd");
        }
        Currency credits = Currency.parse(properties.getCreditsCurrency())
                .orElseThrow(() -> invalid(key + ".credits-currency", "must be gold or silver"));
        if (properties.getCredits() <= 0 || properties.getCredits() > 100_000) {
            throw invalid(key + ".credits", "must be between 1 and 100000");
        }
        // counselling sessions may be negative: that means unlimited
        if (properties.getCvReviews() < 0) {
            throw invalid(key, "included reviews cannot be negative");
        }
        String stripePrice = properties.getStripePrice() == null
                        || properties.getStripePrice().isBlank()
                ? null
                : properties.getStripePrice().trim();
        return new Product(
                id,
                kind,
                name,
                properties.getDescription(),
                properties.getPriceCents(),
                currency,
                credits,
                properties.getCredits(),
                stripePrice,
                kind == Product.Kind.PLAN
                        ? new Product.PlanIncludes(
                                properties.getCounsellingSessions(),
                                properties.getCvReviews(),
                                properties.isPremiumResources())
                        : Product.PlanIncludes.NONE,
                properties.isFeatured(),
                properties.getFeatures());
    }

    private static ConfigurationException invalid(String key, String problem) {
        return new ConfigurationException("Configuration error: " + key + " " + problem);
    }
}
