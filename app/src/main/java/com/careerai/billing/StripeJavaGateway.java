package com.careerai.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentGateway} on stripe-java: a {@link StripeClient} of our own (never the SDK's
 * global settings) pointed at {@code STRIPE_API_BASE} when set, and {@link Webhook} for
 * signatures. Webhook objects are handed on as raw JSON, never as the SDK's typed models, which
 * follow the SDK's pinned API version rather than the endpoint's.
 */
@Singleton
class StripeJavaGateway implements PaymentGateway {
    private static final Logger LOG = LoggerFactory.getLogger(StripeJavaGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BillingConfiguration configuration;

    @Nullable
    private final StripeClient client;

    StripeJavaGateway(BillingConfiguration configuration) {
        this.configuration = configuration;
        this.client = configuration.checkoutConfigured() ? client(configuration) : null;
    }

    private static StripeClient client(BillingConfiguration configuration) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(configuration.getSecretKey())
                .setConnectTimeout((int) configuration.getConnectTimeout().toMillis())
                .setReadTimeout((int) configuration.getReadTimeout().toMillis())
                .setMaxNetworkRetries(configuration.getMaxNetworkRetries());
        if (!configuration.getApiBase().isEmpty()) {
            builder.setApiBase(configuration.getApiBase());
        }
        return builder.build();
    }

    @Override
    public boolean checkoutConfigured() {
        return client != null;
    }

    @Override
    public boolean webhooksConfigured() {
        return configuration.webhooksConfigured();
    }

    @Override
    public CheckoutSession createCheckoutSession(CheckoutRequest request) {
        Product product = request.product();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(product.isPlan() ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setClientReferenceId(request.paymentId().toString())
                .putAllMetadata(request.metadata())
                .addLineItem(lineItem(product));
        if (request.customerId() != null) {
            params.setCustomer(request.customerId());
        } else {
            params.setCustomerEmail(request.email());
            if (!product.isPlan()) {
                // A customer lets the student's later purchases and the portal find one another.
                params.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
            }
        }
        if (product.isPlan()) {
            // Copied onto the subscription, and from there onto every invoice it raises.
            params.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                    .putAllMetadata(request.metadata())
                    .build());
        } else {
            params.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                    .setDescription(product.name())
                    .putAllMetadata(request.metadata())
                    .build());
        }
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey("checkout-" + request.paymentId())
                .build();
        try {
            com.stripe.model.checkout.Session session =
                    requireClient().v1().checkout().sessions().create(params.build(), options);
            return new CheckoutSession(session.getId(), session.getUrl());
        } catch (StripeException e) {
            LOG.warn("Stripe refused a checkout session for payment {}: {}", request.paymentId(), e.getMessage());
            throw new PaymentProviderException(
                    "The payment page could not be opened just now; nothing was charged. Try again in a minute.", e);
        }
    }

    private static SessionCreateParams.LineItem lineItem(Product product) {
        SessionCreateParams.LineItem.Builder item =
                SessionCreateParams.LineItem.builder().setQuantity(1L);
        if (product.stripePrice() != null) {
            return item.setPrice(product.stripePrice()).build();
        }
        SessionCreateParams.LineItem.PriceData.ProductData.Builder productData =
                SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(product.name());
        if (product.description() != null && !product.description().isBlank()) {
            productData.setDescription(product.description());
        }
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(product.currency())
                .setUnitAmount(product.priceCents())
                .setProductData(productData.build());
        if (product.isPlan()) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH)
                    .build());
        }
        return item.setPriceData(price.build()).build();
    }

    @Override
    public String createPortalSession(String customerId, String returnUrl) {
        com.stripe.param.billingportal.SessionCreateParams.Builder params =
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setReturnUrl(returnUrl);
        if (!configuration.getPortalConfiguration().isEmpty()) {
            params.setConfiguration(configuration.getPortalConfiguration());
        }
        try {
            return requireClient()
                    .v1()
                    .billingPortal()
                    .sessions()
                    .create(params.build())
                    .getUrl();
        } catch (StripeException e) {
            LOG.warn("Stripe refused a customer portal session: {}", e.getMessage());
            throw new PaymentProviderException(
                    "Subscription management is not available just now. Try again in a minute.", e);
        }
    }

    /** The {@code t=} of a Stripe-Signature header (already verified), in epoch seconds. */
    private static long signedAt(String signatureHeader) {
        for (String part : signatureHeader.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=")) {
                return Long.parseLong(item.substring(2));
            }
        }
        throw new InvalidWebhookException("This is not a signed Stripe event.");
    }

    /**
     * The event verified with the endpoint's secret or, when one is set, the Connect endpoint's
     * ({@code STRIPE_CONNECT_WEBHOOK_SECRET}): both endpoints may post to the same URL.
     */
    private Event constructEvent(String body, String signatureHeader) throws SignatureVerificationException {
        try {
            return Webhook.constructEvent(body, signatureHeader, configuration.getWebhookSecret());
        } catch (SignatureVerificationException mainRefused) {
            String connect = configuration.getConnectWebhookSecret();
            if (connect.isEmpty() || connect.equals(configuration.getWebhookSecret())) {
                throw mainRefused;
            }
            return Webhook.constructEvent(body, signatureHeader, connect);
        }
    }

    @Override
    public WebhookEvent verify(byte[] payload, @Nullable String signatureHeader) {
        if (!webhooksConfigured()) {
            throw new IllegalStateException("STRIPE_WEBHOOK_SECRET is not set");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookException("The Stripe-Signature header is missing.");
        }
        String body = new String(payload, StandardCharsets.UTF_8);
        Event event;
        try {
            event = constructEvent(body, signatureHeader);
            // stripe-java only refuses signatures older than its tolerance; one dated later than
            // the same tolerance ahead is refused too (a signed request kept for replay later).
            if (signedAt(signatureHeader) > Instant.now().getEpochSecond() + Webhook.DEFAULT_TOLERANCE) {
                throw new InvalidWebhookException("The signature's timestamp is in the future.");
            }
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException("The signature does not verify: " + e.getMessage());
        } catch (InvalidWebhookException e) {
            throw e;
        } catch (RuntimeException e) {
            // A malformed header (stripe-java parses it before checking) or a body that is not
            // JSON once the signature matched.
            throw new InvalidWebhookException("This is not a signed Stripe event.");
        }
        JsonNode object;
        try {
            object = JSON.readTree(body).path("data").path("object");
        } catch (JsonProcessingException e) {
            throw new InvalidWebhookException("This is not a signed Stripe event.");
        }
        if (event.getId() == null || event.getType() == null || !object.isObject()) {
            throw new InvalidWebhookException("The event has no id, type or object.");
        }
        Instant created = event.getCreated() == null ? Instant.now() : Instant.ofEpochSecond(event.getCreated());
        return new WebhookEvent(
                event.getId(), event.getType(), created, Boolean.TRUE.equals(event.getLivemode()), object);
    }

    @Override
    public Optional<String> invoiceOfPaymentIntent(String paymentIntentId) {
        InvoicePaymentListParams params = InvoicePaymentListParams.builder()
                .setPayment(InvoicePaymentListParams.Payment.builder()
                        .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                        .setPaymentIntent(paymentIntentId)
                        .build())
                .setLimit(1L)
                .build();
        try {
            StripeCollection<InvoicePayment> payments =
                    requireClient().v1().invoicePayments().list(params);
            return payments.getData().stream()
                    .map(InvoicePayment::getInvoice)
                    .filter(invoice -> invoice != null && !invoice.isBlank())
                    .findFirst();
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe could not be asked which invoice a payment paid.", e);
        }
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntentId())
                .setAmount(request.amountCents())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putAllMetadata(request.metadata())
                // The charge's cumulative refunded total comes back with the refund, so it is
                // recorded exactly as the charge.refunded webhook would record it.
                .addExpand("charge")
                .build();
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey("refund-" + request.refundId())
                .build();
        try {
            Refund refund = requireClient().v1().refunds().create(params, options);
            Charge charge = refund.getChargeObject();
            long amount = charge == null || charge.getAmount() == null ? 0 : charge.getAmount();
            long refunded = charge == null || charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded();
            return new ProviderRefund(
                    refund.getId(),
                    refund.getStatus() == null ? "pending" : refund.getStatus(),
                    refund.getCharge(),
                    amount,
                    refunded);
        } catch (StripeException e) {
            LOG.warn("Stripe refused refund {}: {}", request.refundId(), e.getMessage());
            throw new PaymentProviderException(
                    "Stripe did not accept the refund just now: " + e.getMessage()
                            + " Nothing was refunded; try again.",
                    e);
        }
    }

    @Override
    public Optional<JsonNode> checkoutSession(String sessionId) {
        com.stripe.param.checkout.SessionRetrieveParams params =
                com.stripe.param.checkout.SessionRetrieveParams.builder()
                        .addExpand("payment_intent")
                        .build();
        try {
            return Optional.of(raw(requireClient().v1().checkout().sessions().retrieve(sessionId, params)));
        } catch (StripeException e) {
            return missing(e, "checkout session " + sessionId);
        }
    }

    @Override
    public Optional<JsonNode> invoice(String invoiceId) {
        try {
            return Optional.of(raw(requireClient().v1().invoices().retrieve(invoiceId)));
        } catch (StripeException e) {
            return missing(e, "invoice " + invoiceId);
        }
    }

    /** The object's JSON exactly as Stripe sent it (not the SDK's model of its pinned API version). */
    private static JsonNode raw(com.stripe.model.StripeObject object) {
        String body = object.getLastResponse() == null
                ? object.getRawJsonObject().toString()
                : object.getLastResponse().body();
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PaymentProviderException("Stripe answered something that is not JSON.", e);
        }
    }

    private static Optional<JsonNode> missing(StripeException e, String what) {
        if (e.getStatusCode() != null && e.getStatusCode() == 404) {
            return Optional.empty();
        }
        LOG.warn("Stripe could not be asked about {}: {}", what, e.getMessage());
        throw new PaymentProviderException("Stripe could not be asked about " + what + ".", e);
    }

    private StripeClient requireClient() {
        if (client == null) {
            throw new BillingProblems.NotConfigured();
        }
        return client;
    }
}
