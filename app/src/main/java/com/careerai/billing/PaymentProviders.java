package com.careerai.billing;

import com.careerai.platform.data.PageRead;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The provider and currency a university takes money with (its {@link PaymentSettings}). */
@Singleton
class PaymentProviders {
    private final PaymentSettings settings;
    private final StripeCheckoutProvider stripe;
    private final RazorpayCheckoutProvider razorpay;
    private final Catalogue catalogue;

    PaymentProviders(
            PaymentSettings settings,
            StripeCheckoutProvider stripe,
            RazorpayCheckoutProvider razorpay,
            Catalogue catalogue) {
        this.settings = settings;
        this.stripe = stripe;
        this.razorpay = razorpay;
        this.catalogue = catalogue;
    }

    /** A university's provider and the currency it charges in (null = each product's own). */
    record Choice(PaymentProvider provider, @Nullable String currency) {}

    Choice of(long universityId) {
        PaymentSettings.Settings chosen = settings.of(universityId);
        return new Choice(
                chosen.provider() == PaymentSettings.Provider.RAZORPAY ? razorpay : stripe, chosen.currency());
    }

    /**
     * Whether the university can take money: its provider is configured. Asks the database only
     * when one provider is configured and the other not (which one the university chose), and then
     * once a page request ({@link PaymentSettings#of}).
     */
    boolean configured(long universityId) {
        if (stripe.configured() == razorpay.configured()) {
            return stripe.configured();
        }
        return of(universityId).provider().configured();
    }

    /** Whether any university could take money: a provider is configured on this node. */
    boolean anyConfigured() {
        return stripe.configured() || razorpay.configured();
    }

    /** What {@link #configured} reads, for a page to send ahead with others: the choice, if it matters. */
    List<PageRead<?>> configuredReads(long universityId) {
        return stripe.configured() == razorpay.configured() ? List.of() : List.of(settings.read(universityId));
    }

    /** The product as this university sells it (priced in its currency), if it sells it. */
    Optional<Product> offered(Choice choice, @Nullable String productId) {
        return catalogue
                .find(productId)
                .filter(product -> !product.isPlan() || choice.provider().sellsPlans())
                .flatMap(product -> catalogue.pricedIn(product, choice.currency()));
    }
}
