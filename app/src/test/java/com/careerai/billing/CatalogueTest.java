package com.careerai.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The catalogue refuses settings that would sell the wrong thing, naming the setting. */
class CatalogueTest {

    private static ProductProperties pack(String id, Consumer<ProductProperties> change) {
        ProductProperties properties = new ProductProperties(id);
        properties.setKind("pack");
        properties.setName("Some credits");
        properties.setPriceCents(900);
        properties.setCredits(10);
        change.accept(properties);
        return properties;
    }

    @Test
    void packsComeFirstThenPlansEachByPrice() {
        ProductProperties plan = pack("plan-a", properties -> {
            properties.setKind("PLAN");
            properties.setPriceCents(100);
            properties.setCvReviews(2);
        });
        Catalogue catalogue = new Catalogue(List.of(
                plan, pack("big", properties -> properties.setPriceCents(5000)), pack("small", properties -> {})));

        assertThat(catalogue.all()).extracting(Product::id).containsExactly("small", "big", "plan-a");
        assertThat(catalogue.plans()).singleElement().satisfies(found -> {
            assertThat(found.includes().cvReviews()).isEqualTo(2);
            assertThat(found.features(java.util.Map.of(PlanBenefit.CV_REVIEWS, "Reviews")))
                    .contains("10 gold credits every month", "2 CV reviews by a counsellor a month · Reviews");
            assertThat(found.features(java.util.Map.of()))
                    .as("a benefit no feature delivers is not listed")
                    .noneMatch(line -> line.contains("CV review") || line.contains("resource"));
        });
        assertThat(catalogue.packs().get(0).includes()).isEqualTo(Product.PlanIncludes.NONE);
        assertThat(catalogue.find(" small ")).isPresent();
        assertThat(catalogue.find(null)).isEmpty();
    }

    @Test
    void badSettingsStopStartUpNamingTheSetting() {
        assertRefused(pack("x", properties -> properties.setKind("bundle")), "careerai.billing.products.x.kind");
        assertRefused(pack("x", properties -> properties.setPriceCents(0)), "careerai.billing.products.x.price-cents");
        assertRefused(
                pack("x", properties -> properties.setCurrency("dollars")), "careerai.billing.products.x.currency");
        assertRefused(
                pack("x", properties -> properties.setCreditsCurrency("bronze")),
                "careerai.billing.products.x.credits-currency");
        assertRefused(pack("x", properties -> properties.setCredits(0)), "careerai.billing.products.x.credits");
        assertRefused(pack("x", properties -> properties.setName(" ")), "careerai.billing.products.x.name");
        assertRefused(pack("Bad_Id", properties -> {}), "careerai.billing.products.Bad_Id");
    }

    @Test
    void moneyIsShownAsOnAReceipt() {
        assertThat(Money.format(900, "usd")).isEqualTo("$9");
        assertThat(Money.format(4950, "usd")).isEqualTo("$49.50");
        assertThat(Money.formatExact(900, "usd")).isEqualTo("$9.00");
        assertThat(Money.formatExact(1200, "eur")).isEqualTo("€12.00");
        assertThat(Money.formatExact(500, "jpy")).isEqualTo("¥500");
        assertThat(Money.formatExact(1250, "chf")).isEqualTo("12.50 CHF");
        assertThat(Money.formatExact(1999, "xyz")).isEqualTo("19.99 XYZ");
    }

    private static void assertRefused(ProductProperties properties, String setting) {
        assertThatThrownBy(() -> new Catalogue(List.of(properties)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(setting);
    }
}
