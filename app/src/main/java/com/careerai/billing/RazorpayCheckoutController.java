package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.ContentSecurityPolicy;
import com.careerai.platform.web.LayoutModel;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /billing/razorpay/{paymentId}}: the page that opens Razorpay Checkout (UPI, cards,
 * netbanking) for the student's own PENDING Razorpay order (a pack, an item) or subscription (a
 * plan), and the form Checkout's handler posts back to. The answer is trusted only when its
 * signature is valid — HMAC-SHA256 with the key secret of {@code order|payment}, or for a
 * subscription of {@code payment|subscription} — then the credits are given once
 * ({@link RazorpayPayments}, {@link RazorpaySubscriptions}).
 * Another student's or university's payment is 404.
 */
@Controller("/billing/razorpay")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class RazorpayCheckoutController {
    static final String CHECKOUT_SCRIPT = "https://checkout.razorpay.com";
    static final String RAZORPAY_FRAMES = "https://api.razorpay.com https://checkout.razorpay.com";
    static final String RAZORPAY_CONNECT = "https://api.razorpay.com https://lumberjack.razorpay.com";

    private final BillingAccounts accounts;
    private final RazorpayGateway gateway;
    private final RazorpayPayments razorpay;
    private final RazorpaySubscriptions subscriptions;
    private final LayoutModel layout;

    RazorpayCheckoutController(
            BillingAccounts accounts,
            RazorpayGateway gateway,
            RazorpayPayments razorpay,
            RazorpaySubscriptions subscriptions,
            LayoutModel layout) {
        this.layout = layout;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.gateway = gateway;
        this.razorpay = razorpay;
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, @CurrentUser SignedInUser user, @PathVariable String id) {
        UUID paymentId = BillingController.parse(id);
        // the payment with the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, List.of(accounts.paymentRead(user, paymentId)));
        Payment payment = accounts.payment(user, paymentId);
        if (payment.provider() != PaymentSettings.Provider.RAZORPAY) {
            throw new BillingProblems.PaymentNotFound();
        }
        if (payment.status() != PaymentStatus.PENDING) {
            return HttpResponse.seeOther(successPage(payment));
        }
        ContentSecurityPolicy.widen(request, CHECKOUT_SCRIPT, RAZORPAY_FRAMES, RAZORPAY_CONNECT);
        return HttpResponse.ok(view(user, payment, null));
    }

    @Post(uri = "/{id}/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> confirm(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @PathVariable String id,
            @Body Map<String, String> form) {
        Payment payment = accounts.payment(user, BillingController.parse(id));
        if (payment.provider() != PaymentSettings.Provider.RAZORPAY) {
            throw new BillingProblems.PaymentNotFound();
        }
        boolean plan = payment.kind() == Product.Kind.PLAN;
        String orderId = form.getOrDefault(plan ? "razorpay_subscription_id" : "razorpay_order_id", "")
                .trim();
        String paymentId = form.getOrDefault("razorpay_payment_id", "").trim();
        String signature = form.get("razorpay_signature");
        if (!payment.externalId().equals(orderId)
                || paymentId.isEmpty()
                || !(plan
                        ? gateway.subscriptionSignatureValid(orderId, paymentId, signature)
                        : gateway.checkoutSignatureValid(orderId, paymentId, signature))) {
            ContentSecurityPolicy.widen(request, CHECKOUT_SCRIPT, RAZORPAY_FRAMES, RAZORPAY_CONNECT);
            return HttpResponse.status(HttpStatus.BAD_REQUEST)
                    .body(view(
                            user,
                            payment,
                            "Razorpay's confirmation could not be verified, so nothing was added yet. If you were"
                                    + " charged, your credits arrive as soon as Razorpay confirms the payment to us."));
        }
        if (plan) {
            subscriptions.confirmFromCheckout(user.universityId(), payment.id(), orderId, paymentId);
        } else {
            razorpay.confirmFromCheckout(user.universityId(), payment.id(), orderId, paymentId);
        }
        return HttpResponse.seeOther(successPage(payment));
    }

    private ModelAndView<Map<String, Object>> view(SignedInUser user, Payment payment, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("payment", BillingViews.payment(payment));
        model.put("paymentId", payment.id().toString());
        if (payment.kind() == Product.Kind.PLAN) {
            model.put("subscriptionId", payment.externalId());
        } else {
            model.put("orderId", payment.externalId());
        }
        model.put("keyId", gateway.keyId());
        model.put("amountMinor", payment.amountCents());
        model.put("currency", payment.currency().toUpperCase(java.util.Locale.ROOT));
        model.put("studentName", user.displayName());
        model.put("studentEmail", user.email());
        model.put("error", error);
        return new ModelAndView<>("billing/razorpay", model);
    }

    private static URI successPage(Payment payment) {
        return URI.create(
                "/billing/success?session_id=" + URLEncoder.encode(payment.externalId(), StandardCharsets.UTF_8));
    }
}
