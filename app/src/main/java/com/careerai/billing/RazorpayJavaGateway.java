package com.careerai.billing;

import com.razorpay.RazorpayClient;
import com.razorpay.RazorpayException;
import com.razorpay.Utils;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * {@link RazorpayGateway} on the official razorpay-java SDK. The SDK keeps one OkHttp client in a
 * static field and builds it itself (with an OkHttp 3 logging interceptor that does not run on the
 * OkHttp 5 this application uses, and fixed 60 s timeouts); this adapter puts its own client
 * there before the SDK would build one: our timeouts, and, when {@code RAZORPAY_API_BASE} is set,
 * requests for {@code https://api.razorpay.com} sent to that base instead (tests' stand-in).
 * Every request and answer is still the SDK's own. Consequence: one API base per JVM.
 */
@Singleton
class RazorpayJavaGateway implements RazorpayGateway {
    private final RazorpayConfiguration configuration;
    private final OkHttpClient http;

    RazorpayJavaGateway(RazorpayConfiguration configuration) {
        this.configuration = configuration;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(configuration.getConnectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(configuration.getReadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(configuration.getReadTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!configuration.getApiBase().isEmpty()) {
            URI base = URI.create(configuration.getApiBase());
            builder.addInterceptor(chain -> {
                HttpUrl original = chain.request().url();
                HttpUrl.Builder url =
                        original.newBuilder().scheme(base.getScheme()).host(base.getHost());
                url.port(base.getPort() > 0 ? base.getPort() : HttpUrl.defaultPort(base.getScheme()));
                return chain.proceed(
                        chain.request().newBuilder().url(url.build()).build());
            });
        }
        this.http = builder.build();
    }

    @Override
    public boolean checkoutConfigured() {
        return configuration.checkoutConfigured();
    }

    @Override
    public boolean webhooksConfigured() {
        return configuration.webhooksConfigured();
    }

    @Override
    public String keyId() {
        return configuration.getKeyId();
    }

    @Override
    public Order createOrder(long amount, String currency, String receipt, Map<String, String> notes) {
        return createOrder(amount, currency, receipt, notes, null);
    }

    @Override
    public Order createOrder(
            long amount, String currency, String receipt, Map<String, String> notes, @Nullable Transfer transfer) {
        JSONObject request = new JSONObject();
        request.put("amount", amount);
        request.put("currency", currency.toUpperCase(java.util.Locale.ROOT));
        request.put("receipt", receipt);
        request.put("notes", new JSONObject(notes));
        if (transfer != null) {
            JSONObject split = new JSONObject();
            split.put("account", transfer.account());
            split.put("amount", transfer.amount());
            split.put("currency", currency.toUpperCase(java.util.Locale.ROOT));
            split.put("on_hold", false);
            split.put("notes", new JSONObject(notes));
            request.put("transfers", new org.json.JSONArray().put(split));
        }
        try {
            JSONObject order = client().orders.create(request).toJson();
            return new Order(
                    order.getString("id"),
                    order.optLong("amount", amount),
                    order.optString("currency", currency).toLowerCase(java.util.Locale.ROOT),
                    order.optString("status", "created"));
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException(
                    "Razorpay could not start the payment right now; nothing was charged. Please try again.", e);
        }
    }

    @Override
    public Order fetchOrder(String orderId) {
        try {
            JSONObject order = client().orders.fetch(orderId).toJson();
            return new Order(
                    order.getString("id"),
                    order.optLong("amount", 0),
                    order.optString("currency", "").toLowerCase(java.util.Locale.ROOT),
                    order.optString("status", "created"));
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException("Razorpay could not be asked about the order right now.", e);
        }
    }

    @Override
    public java.util.Optional<String> linkedAccountStatus(String accountId) {
        try {
            JSONObject account = client().account.fetch(accountId).toJson();
            return java.util.Optional.of(account.optString("status", ""));
        } catch (RazorpayException e) {
            // the SDK raises the API's error answer as a RazorpayException: an unknown id is a 400
            if (String.valueOf(e.getMessage()).contains("does not exist")) {
                return java.util.Optional.empty();
            }
            throw new PaymentProviderException("Razorpay could not be asked about the account right now.", e);
        } catch (RuntimeException e) {
            throw new PaymentProviderException("Razorpay could not be asked about the account right now.", e);
        }
    }

    @Override
    public RazorpayPayment fetchPayment(String paymentId) {
        try {
            return payment(client().payments.fetch(paymentId).toJson());
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException("Razorpay could not be asked about the payment right now.", e);
        }
    }

    @Override
    public java.util.List<RazorpayPayment> orderPayments(String orderId) {
        try {
            return client().orders.fetchPayments(orderId).stream()
                    .map(found -> payment(found.toJson()))
                    .toList();
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException("Razorpay could not be asked about the order right now.", e);
        }
    }

    @Override
    public String createPlan(String name, long amount, String currency, Map<String, String> notes) {
        JSONObject item = new JSONObject();
        item.put("name", name);
        item.put("amount", amount);
        item.put("currency", currency.toUpperCase(java.util.Locale.ROOT));
        JSONObject request = new JSONObject();
        request.put("period", "monthly");
        request.put("interval", 1);
        request.put("item", item);
        request.put("notes", new JSONObject(notes));
        try {
            return client().plans.create(request).toJson().getString("id");
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException(
                    "Razorpay could not start the plan right now; nothing was charged. Please try again.", e);
        }
    }

    @Override
    public RazorpaySubscription createSubscription(String planId, int totalCount, Map<String, String> notes) {
        JSONObject request = new JSONObject();
        request.put("plan_id", planId);
        request.put("total_count", totalCount);
        request.put("quantity", 1);
        request.put("customer_notify", 1);
        request.put("notes", new JSONObject(notes));
        try {
            return subscription(client().subscriptions.create(request).toJson());
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException(
                    "Razorpay could not start the plan right now; nothing was charged. Please try again.", e);
        }
    }

    @Override
    public RazorpaySubscription fetchSubscription(String subscriptionId) {
        try {
            return subscription(client().subscriptions.fetch(subscriptionId).toJson());
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException("Razorpay could not be asked about the plan right now.", e);
        }
    }

    @Override
    public java.util.List<RazorpayPayment> subscriptionPayments(String subscriptionId) {
        JSONObject query = new JSONObject();
        query.put("subscription_id", subscriptionId);
        try {
            RazorpayClient client = client();
            java.util.List<RazorpayPayment> paid = new java.util.ArrayList<>();
            for (var invoice : client.invoices.fetchAll(query)) {
                JSONObject json = invoice.toJson();
                if ("paid".equals(json.optString("status")) && !json.isNull("payment_id")) {
                    paid.add(payment(
                            client.payments.fetch(json.getString("payment_id")).toJson()));
                }
            }
            return paid;
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException("Razorpay could not be asked about the plan right now.", e);
        }
    }

    @Override
    public RazorpaySubscription cancelSubscriptionAtCycleEnd(String subscriptionId) {
        JSONObject request = new JSONObject();
        request.put("cancel_at_cycle_end", 1);
        try {
            return subscription(
                    client().subscriptions.cancel(subscriptionId, request).toJson());
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException(
                    "Razorpay could not cancel the plan right now; it is unchanged. Please try again.", e);
        }
    }

    static RazorpaySubscription subscription(JSONObject subscription) {
        return new RazorpaySubscription(
                subscription.getString("id"),
                subscription.optString("plan_id", ""),
                subscription.optString("status", ""),
                subscription.isNull("current_end") || !subscription.has("current_end")
                        ? null
                        : subscription.optLong("current_end"),
                subscription.optLong("paid_count", 0));
    }

    static RazorpayPayment payment(JSONObject payment) {
        return new RazorpayPayment(
                payment.getString("id"),
                payment.isNull("order_id") ? null : payment.optString("order_id", null),
                payment.optString("status", ""),
                payment.optLong("amount", 0),
                payment.optString("currency", "").toLowerCase(java.util.Locale.ROOT),
                payment.optLong("amount_refunded", 0));
    }

    @Override
    public RazorpayRefund refund(
            String paymentId, long amount, String receipt, Map<String, String> notes, boolean reverseTransfers) {
        JSONObject request = new JSONObject();
        request.put("amount", amount);
        if (reverseTransfers) {
            request.put("reverse_all", 1);
        }
        request.put("receipt", receipt);
        request.put("notes", new JSONObject(notes));
        try {
            JSONObject refund = client().payments.refund(paymentId, request).toJson();
            return new RazorpayRefund(
                    refund.getString("id"),
                    refund.optString("payment_id", paymentId),
                    refund.optLong("amount", amount),
                    refund.optString("status", "pending"));
        } catch (RazorpayException | RuntimeException e) {
            throw new PaymentProviderException("Razorpay refused the refund or could not be reached.", e);
        }
    }

    @Override
    public boolean checkoutSignatureValid(String orderId, String paymentId, @Nullable String signature) {
        if (signature == null || signature.isBlank() || !configuration.checkoutConfigured()) {
            return false;
        }
        JSONObject attributes = new JSONObject();
        attributes.put("razorpay_order_id", orderId);
        attributes.put("razorpay_payment_id", paymentId);
        attributes.put("razorpay_signature", signature.trim());
        try {
            return Utils.verifyPaymentSignature(attributes, configuration.getKeySecret());
        } catch (RazorpayException e) {
            return false;
        }
    }

    @Override
    public boolean subscriptionSignatureValid(String subscriptionId, String paymentId, @Nullable String signature) {
        if (signature == null || signature.isBlank() || !configuration.checkoutConfigured()) {
            return false;
        }
        JSONObject attributes = new JSONObject();
        attributes.put("razorpay_subscription_id", subscriptionId);
        attributes.put("razorpay_payment_id", paymentId);
        attributes.put("razorpay_signature", signature.trim());
        try {
            return Utils.verifySubscription(attributes, configuration.getKeySecret());
        } catch (RazorpayException e) {
            return false;
        }
    }

    @Override
    public boolean webhookSignatureValid(byte[] payload, @Nullable String signature) {
        if (signature == null || signature.isBlank() || !configuration.webhooksConfigured()) {
            return false;
        }
        try {
            return Utils.verifyWebhookSignature(
                    new String(payload, StandardCharsets.UTF_8), signature.trim(), configuration.getWebhookSecret());
        } catch (RazorpayException e) {
            return false;
        }
    }

    /** A client of the SDK, on this adapter's OkHttp client (see the class comment). */
    private RazorpayClient client() throws RazorpayException {
        installHttpClient(http);
        return new RazorpayClient(configuration.getKeyId(), configuration.getKeySecret());
    }

    private static synchronized void installHttpClient(OkHttpClient http) {
        try {
            Field field = Class.forName("com.razorpay.ApiUtils").getDeclaredField("client");
            field.setAccessible(true);
            if (field.get(null) != http) {
                field.set(null, http);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("razorpay-java changed: ApiUtils.client is gone", e);
        }
    }
}
