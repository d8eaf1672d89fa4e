package com.careerai.billing;

import com.careerai.platform.web.CallsOut;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * Razorpay as billing needs it: orders, payments, refunds and the two signatures. One adapter,
 * {@link RazorpayJavaGateway} (the official razorpay-java SDK); nothing else talks to Razorpay.
 */
interface RazorpayGateway {

    /** An order created server-side: Checkout is opened for it. Amount in the currency's minor unit. */
    record Order(String id, long amount, String currency, String status) {}

    /**
     * A payment as Razorpay reports it.
     *
     * @param status {@code created}, {@code authorized}, {@code captured}, {@code refunded} or {@code failed}
     */
    record RazorpayPayment(
            String id, @Nullable String orderId, String status, long amount, String currency, long amountRefunded) {}

    /**
     * A subscription as Razorpay reports it.
     *
     * @param status {@code created}, {@code authenticated}, {@code active}, {@code pending},
     *     {@code halted}, {@code cancelled}, {@code completed}, {@code expired} or {@code paused}
     * @param currentEnd when the paid period ends (epoch seconds), if Razorpay says
     * @param paidCount how many charges were made
     */
    record RazorpaySubscription(String id, String planId, String status, @Nullable Long currentEnd, long paidCount) {}

    /** A refund as Razorpay reports it ({@code pending}, {@code processed} or {@code failed}). */
    record RazorpayRefund(String id, String paymentId, long amount, String status) {}

    boolean checkoutConfigured();

    boolean webhooksConfigured();

    /** The public key id Checkout is opened with. */
    String keyId();

    /**
     * Creates an order.
     *
     * @param receipt our payment's id (Razorpay keeps it on the order)
     * @param notes what a webhook needs to find the student again
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    Order createOrder(long amount, String currency, String receipt, Map<String, String> notes);

    /**
     * A paid expert's share of an order (Razorpay Route, ADR 0034 addendum): {@code amount} of the
     * order is transferred to the linked account once the payment is captured, not held.
     */
    record Transfer(String account, long amount) {}

    /**
     * An order whose payment is split with Route: {@code transfers: [{account, amount, currency,
     * on_hold: false}]} on the order itself.
     *
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    Order createOrder(long amount, String currency, String receipt, Map<String, String> notes, Transfer transfer);

    /** @throws PaymentProviderException when Razorpay refuses or cannot be reached */
    @CallsOut
    Order fetchOrder(String orderId);

    /**
     * The status of a Route linked account ({@code GET /v2/accounts/{id}}): "activated" when it can
     * receive transfers; empty when Razorpay does not know the account.
     *
     * @throws PaymentProviderException when Razorpay cannot be reached
     */
    @CallsOut
    java.util.Optional<String> linkedAccountStatus(String accountId);

    /** @throws PaymentProviderException when Razorpay refuses or cannot be reached */
    @CallsOut
    RazorpayPayment fetchPayment(String paymentId);

    /**
     * The payments attempted for an order (reconciliation asks this of orders still PENDING).
     *
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    java.util.List<RazorpayPayment> orderPayments(String orderId);

    /**
     * Creates a monthly plan: {@code amount} each month, in the currency's minor unit. Returns its id.
     *
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    String createPlan(String name, long amount, String currency, Map<String, String> notes);

    /**
     * Creates a subscription to a plan, charged monthly {@code totalCount} times at most; the
     * student authorises it (and pays the first month) in Checkout.
     *
     * @param notes what a webhook needs to find the student again
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    RazorpaySubscription createSubscription(String planId, int totalCount, Map<String, String> notes);

    /** @throws PaymentProviderException when Razorpay refuses or cannot be reached */
    @CallsOut
    RazorpaySubscription fetchSubscription(String subscriptionId);

    /**
     * The payments that paid the subscription's invoices (one per charged month), oldest first:
     * reconciliation applies each as {@code subscription.charged} would.
     *
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    java.util.List<RazorpayPayment> subscriptionPayments(String subscriptionId);

    /**
     * Cancels a subscription at the end of the paid period (Razorpay then sends
     * {@code subscription.cancelled}).
     *
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    RazorpaySubscription cancelSubscriptionAtCycleEnd(String subscriptionId);

    /**
     * Refunds (part of) a captured payment.
     *
     * @param receipt our refund's id: Razorpay refuses a second refund with the same receipt
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    default RazorpayRefund refund(String paymentId, long amount, String receipt, Map<String, String> notes) {
        return refund(paymentId, amount, receipt, notes, false);
    }

    /**
     * Refunds (part of) a captured payment; with {@code reverseTransfers} ({@code reverse_all: 1})
     * Razorpay takes the Route transfers of the payment back from the linked accounts in proportion.
     *
     * @throws PaymentProviderException when Razorpay refuses or cannot be reached
     */
    @CallsOut
    RazorpayRefund refund(
            String paymentId, long amount, String receipt, Map<String, String> notes, boolean reverseTransfers);

    /**
     * Whether the Checkout handler's signature is HMAC-SHA256 of {@code orderId|paymentId} with the
     * key secret (checked in constant time by the SDK).
     */
    boolean checkoutSignatureValid(String orderId, String paymentId, @Nullable String signature);

    /**
     * Whether the Checkout handler's signature for a subscription is HMAC-SHA256 of
     * {@code paymentId|subscriptionId} with the key secret (checked by the SDK).
     */
    boolean subscriptionSignatureValid(String subscriptionId, String paymentId, @Nullable String signature);

    /** Whether {@code X-Razorpay-Signature} is HMAC-SHA256 of the raw body with the webhook secret. */
    boolean webhookSignatureValid(byte[] payload, @Nullable String signature);
}
