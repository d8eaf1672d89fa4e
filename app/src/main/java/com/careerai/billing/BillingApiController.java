package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Billing for API clients: the catalogue, starting a checkout, and following a payment. */
@Controller("/api/v1/billing")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Billing")
class BillingApiController {
    private final BillingService billing;
    private final BillingAccounts accounts;
    private final Catalogue catalogue;
    private final HttpHostResolver hosts;
    private final PlanBenefits benefits;
    private final PurchasePolicy purchasePolicy;
    private final PaymentProviders providers;

    BillingApiController(
            BillingService billing,
            BillingAccounts accounts,
            Catalogue catalogue,
            HttpHostResolver hosts,
            PlanBenefits benefits,
            PurchasePolicy purchasePolicy,
            PaymentProviders providers) {
        this.providers = providers;
        this.benefits = benefits;
        this.purchasePolicy = purchasePolicy;
        this.billing = billing;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.hosts = hosts;
    }

    /**
     * A pack or plan.
     *
     * @param price in the currency's minor unit (cents); per month for a plan
     * @param interval {@code month} for plans, absent for packs
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductView(
            String id,
            String kind,
            String name,
            @Nullable String description,
            long price,
            String currency,
            String priceLabel,
            @Nullable String interval,
            int credits,
            String creditsCurrency,
            List<String> features) {

        static ProductView of(Product product, Map<PlanBenefit, String> benefits) {
            return new ProductView(
                    product.id(),
                    product.kind().name().toLowerCase(java.util.Locale.ROOT),
                    product.name(),
                    product.description(),
                    product.priceCents(),
                    product.currency(),
                    product.price(),
                    product.isPlan() ? "month" : null,
                    product.credits(),
                    product.creditsCurrency().key(),
                    product.features(benefits));
        }
    }

    /** What to buy. */
    @Serdeable
    record CheckoutBody(@Nullable String product) {}

    /** Where to send the student: Stripe's hosted checkout or the Razorpay payment page. */
    @Serdeable
    record CheckoutStarted(String url, String sessionId, String paymentId) {}

    /**
     * A payment as the student sees it; {@code confirmed} once Stripe's webhook confirmed it and
     * the credits are in the wallet.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaymentView(
            String id,
            String sessionId,
            String kind,
            String product,
            String description,
            long amount,
            String currency,
            String status,
            boolean confirmed,
            int credits,
            String creditsCurrency,
            int creditsReversed,
            int creditsOwed,
            Instant createdAt,
            @Nullable Instant paidAt,
            @Nullable String receiptUrl) {

        static PaymentView of(Payment payment) {
            return new PaymentView(
                    payment.id().toString(),
                    payment.externalId(),
                    payment.kind().name().toLowerCase(java.util.Locale.ROOT),
                    payment.product(),
                    payment.description(),
                    payment.amountCents(),
                    payment.currency(),
                    payment.status().name(),
                    payment.status().credited(),
                    payment.credits(),
                    payment.creditsCurrency().key(),
                    payment.creditsReversed(),
                    payment.creditsOwed(),
                    payment.createdAt(),
                    payment.paidAt(),
                    payment.status().credited() ? "/billing/payments/" + payment.id() + "/receipt" : null);
        }
    }

    /** The student's plan (if any) and payments, newest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BillingView(
            boolean configured,
            @Nullable ProductView plan,
            @Nullable String planStatus,
            @Nullable Instant renewsOrEndsAt,
            boolean cancelAtPeriodEnd,
            List<PaymentView> payments,
            boolean canBuy,
            @Nullable String purchasesNote) {}

    @Get("/products")
    @Operation(
            summary = "Credit packs and plans on sale at the caller's university (prices in cents)",
            description = "Priced in the university's currency; plans are monthly subscriptions (Stripe or Razorpay).")
    List<ProductView> products(@CurrentUser SignedInUser user) {
        PaymentProviders.Choice choice = providers.of(user.universityId());
        List<Product> onSale = new java.util.ArrayList<>(catalogue.packsIn(choice.currency()));
        if (choice.provider().sellsPlans()) {
            onSale.addAll(catalogue.plansIn(choice.currency()));
        }
        return onSale.stream()
                .map(product -> ProductView.of(product, benefits.delivered()))
                .toList();
    }

    @Post("/checkout")
    @Operation(
            summary = "Start paying for a pack or plan through the university's provider; send the student to the"
                    + " returned url",
            description = "Stripe: a hosted Checkout (sessionId cs_…). Razorpay: an order (sessionId order_…), or for a"
                    + " plan a subscription (sessionId sub_…), paid on"
                    + " the returned /billing/razorpay/{paymentId} page. Credits are added only when the provider's"
                    + " signed confirmation arrives: follow it with GET /api/v1/billing/checkouts/{sessionId}.")
    @ExecuteOn(TaskExecutors.IO)
    CheckoutStarted checkout(HttpRequest<?> request, @CurrentUser SignedInUser user, @Body CheckoutBody body) {
        PaymentGateway.CheckoutSession session = billing.checkout(user, body.product(), hosts.resolve(request));
        Payment payment = accounts.checkoutPayment(user, session.id());
        return new CheckoutStarted(session.url(), session.id(), payment.id().toString());
    }

    @Get("/checkouts/{sessionId}")
    @Operation(summary = "The payment of one of your checkouts, to follow until it is confirmed")
    PaymentView checkoutPayment(@CurrentUser SignedInUser user, @PathVariable String sessionId) {
        return PaymentView.of(accounts.checkoutPayment(user, sessionId));
    }

    @Get
    @Operation(summary = "Your plan and your payments, newest first")
    BillingView overview(@CurrentUser SignedInUser user) {
        BillingAccounts.Overview overview = accounts.overview(user);
        PurchasePolicy.Offer offer = purchasePolicy.offerTo(user);
        Subscription subscription = overview.subscription();
        return new BillingView(
                overview.configured(),
                overview.plan() == null ? null : ProductView.of(overview.plan(), benefits.delivered()),
                subscription == null ? null : subscription.status(),
                subscription == null ? null : subscription.currentPeriodEnd(),
                subscription != null && subscription.cancelAtPeriodEnd(),
                overview.payments().stream().map(PaymentView::of).toList(),
                offer.open(),
                offer.reason());
    }
}
