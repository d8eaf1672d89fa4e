package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /billing}: pricing, the student's plan, payment history and receipts; buying goes to
 * Stripe Checkout and comes back to the success or cancelled page. Students only (others get 403).
 */
@Controller("/billing")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class BillingController {
    private final BillingService billing;
    private final BillingAccounts accounts;
    private final Catalogue catalogue;
    private final HttpHostResolver hosts;
    private final PlanBenefits benefits;
    private final PurchasePolicy purchasePolicy;
    private final Invoices invoices;
    private final LayoutModel layout;

    BillingController(
            BillingService billing,
            BillingAccounts accounts,
            Catalogue catalogue,
            HttpHostResolver hosts,
            PlanBenefits benefits,
            PurchasePolicy purchasePolicy,
            Invoices invoices,
            LayoutModel layout) {
        this.invoices = invoices;
        this.layout = layout;
        this.benefits = benefits;
        this.purchasePolicy = purchasePolicy;
        this.billing = billing;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.hosts = hosts;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> index(HttpRequest<?> request, @CurrentUser SignedInUser user) {
        BillingService.requireStudent(user);
        // the plan, payments, provider and purchase policy with the header's reads in one round trip (ADR 0076)
        List<PageRead<?>> reads = new ArrayList<>(accounts.overviewReads(user));
        reads.addAll(purchasePolicy.offerReads(user));
        layout.prefetchWith(request, reads);
        return page(user, null);
    }

    @Post(uri = "/checkout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> checkout(HttpRequest<?> request, @CurrentUser SignedInUser user, @Body Map<String, String> form) {
        BillingService.requireStudent(user);
        try {
            PaymentGateway.CheckoutSession session =
                    billing.checkout(user, form.get("product"), hosts.resolve(request));
            return HttpResponse.seeOther(URI.create(session.url()));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page(user, e.getMessage()));
        }
    }

    @Post(uri = "/portal", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> portal(HttpRequest<?> request, @CurrentUser SignedInUser user) {
        BillingService.requireStudent(user);
        try {
            return HttpResponse.seeOther(URI.create(billing.portal(user, hosts.resolve(request))));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page(user, e.getMessage()));
        }
    }

    /** A Razorpay plan is cancelled here, beside the plan (a Stripe one in Stripe's portal). */
    @Post(uri = "/plan/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> cancelPlan(@CurrentUser SignedInUser user) {
        BillingService.requireStudent(user);
        try {
            billing.cancelPlan(user);
            return HttpResponse.seeOther(URI.create("/billing"));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page(user, e.getMessage()));
        }
    }

    @Get(uri = "/success", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> success(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @Nullable @QueryValue("session_id") String sessionId) {
        // the payment with the header's reads in one round trip (ADR 0076)
        prefetchCheckoutPayment(request, user, sessionId);
        Payment payment = accounts.checkoutPayment(user, sessionId);
        Map<String, Object> model = new HashMap<>();
        model.put("payment", BillingViews.payment(payment));
        model.put("sessionId", payment.externalId());
        model.put("plan", payment.kind() == Product.Kind.PLAN);
        model.put("providerName", Receipts.providerName(payment));
        model.put("confirmed", payment.status().credited());
        model.put("failed", payment.status() == PaymentStatus.FAILED || payment.status() == PaymentStatus.EXPIRED);
        return new ModelAndView<>("billing/success", model);
    }

    @Get(uri = "/cancelled", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> cancelled(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @Nullable @QueryValue("session_id") String sessionId) {
        BillingService.requireStudent(user);
        prefetchCheckoutPayment(request, user, sessionId);
        Map<String, Object> model = new HashMap<>();
        if (sessionId != null && !sessionId.isBlank()) {
            try {
                model.put("payment", BillingViews.payment(accounts.checkoutPayment(user, sessionId)));
            } catch (BillingProblems.PaymentNotFound e) {
                // A stale or foreign link: the page still says nothing was charged.
            }
        }
        return new ModelAndView<>("billing/cancelled", model);
    }

    @Get(uri = "/payments/{id}/receipt", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> receipt(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @PathVariable String id) {
        UUID paymentId = parse(id);
        // the payment and its invoice with the header's reads in one round trip (ADR 0076); they were 3, the
        // invoice in a read transaction
        layout.prefetchWith(
                request,
                List.of(accounts.paymentRead(user, paymentId), invoices.findRead(user.universityId(), paymentId)));
        Payment payment = accounts.payment(user, paymentId);
        if (!payment.status().credited()) {
            throw new BillingProblems.PaymentNotFound();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("payment", BillingViews.payment(payment));
        model.put("student", Map.of("name", user.displayName(), "email", user.email()));
        model.put("paymentIntent", payment.paymentIntentId());
        model.put("invoice", payment.invoiceId());
        model.put("providerName", Receipts.providerName(payment));
        invoices.find(user.universityId(), payment.id()).ifPresent(found -> model.put("invoiceNumber", found.label()));
        return new ModelAndView<>("billing/receipt", model);
    }

    /** A Checkout Session's payment (a session id given) with the header's reads, in one round trip (ADR 0076). */
    private void prefetchCheckoutPayment(HttpRequest<?> request, SignedInUser user, @Nullable String sessionId) {
        layout.prefetchWith(
                request,
                sessionId == null || sessionId.isBlank()
                        ? List.of()
                        : List.of(accounts.checkoutPaymentRead(user, sessionId)));
    }

    private ModelAndView<Map<String, Object>> page(SignedInUser user, @Nullable String error) {
        BillingAccounts.Overview overview = accounts.overview(user);
        Map<String, Object> model = new HashMap<>();
        PurchasePolicy.Offer offer = purchasePolicy.offerTo(user);
        model.put("configured", overview.configured());
        model.put("canBuy", offer.open());
        model.put("purchasesNote", offer.reason());
        model.put("error", error);
        model.put(
                "packs",
                BillingViews.products(catalogue.packsIn(overview.currency()), overview.plan(), benefits.delivered()));
        // Plans are Stripe subscriptions or Razorpay subscriptions, as the university takes money (ADR 0036).
        model.put(
                "plans",
                BillingViews.products(catalogue.plansIn(overview.currency()), overview.plan(), benefits.delivered()));
        model.put("razorpay", overview.provider() == PaymentSettings.Provider.RAZORPAY);
        Subscription subscription = overview.subscription();
        if (subscription != null) {
            Product plan = overview.plan() == null
                    ? null
                    : catalogue.pricedIn(overview.plan(), overview.currency()).orElse(overview.plan());
            Map<String, Object> view = BillingViews.subscription(subscription, plan, benefits.delivered());
            boolean razorpayPlan = subscription.provider() == PaymentSettings.Provider.RAZORPAY;
            view.put("razorpay", razorpayPlan);
            view.put("canCancel", razorpayPlan && !subscription.cancelAtPeriodEnd());
            model.put("subscription", view);
        }
        model.put(
                "canManage",
                overview.configured()
                        && overview.customerId() != null
                        && overview.provider() == PaymentSettings.Provider.STRIPE);
        model.put(
                "payments",
                overview.payments().stream().map(BillingViews::payment).toList());
        return new ModelAndView<>("billing/billing", model);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BillingProblems.PaymentNotFound();
        }
    }
}
