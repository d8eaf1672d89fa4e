package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /counsellor/payouts}: a paid expert's Stripe Connect onboarding and its state; and
 * {@code /counsellor/earnings}: what their paid sessions earned.
 */
@Controller("/counsellor")
@Secured("COUNSELLOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ExpertPayoutsController {
    private final ExpertPayouts payouts;
    private final HttpHostResolver hosts;

    ExpertPayoutsController(ExpertPayouts payouts, HttpHostResolver hosts) {
        this.payouts = payouts;
        this.hosts = hosts;
    }

    @Get(uri = "/payouts", produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    ModelAndView<Map<String, Object>> payouts(
            @CurrentUser SignedInUser user,
            @Nullable @QueryValue String returned,
            @Nullable @QueryValue String refresh) {
        if (returned != null) {
            try {
                payouts.refreshFromStripe(user); // back from Stripe: read the account's state now
            } catch (ProblemException e) {
                return page(user, true, false, e.getMessage());
            }
        }
        return page(user, returned != null, refresh != null, null);
    }

    @Post(uri = "/payouts/onboard", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> onboard(HttpRequest<?> request, @CurrentUser SignedInUser user) {
        try {
            return HttpResponse.seeOther(URI.create(payouts.onboardingUrl(user, hosts.resolve(request))));
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page(user, false, false, e.getMessage()));
        }
    }

    /** A Razorpay university: the expert records their own Route linked account (checked with Razorpay). */
    @Post(
            uri = "/payouts/linked-account",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> linkedAccount(@CurrentUser SignedInUser user, @Body Map<String, String> form) {
        try {
            payouts.recordLinkedAccount(user, user.userId(), form.get("linkedAccount"));
            return HttpResponse.seeOther(URI.create("/counsellor/payouts"));
        } catch (ExpertProblems.Invalid e) {
            ModelAndView<Map<String, Object>> page = page(user, false, false, null);
            page.getModel().ifPresent(model -> {
                model.put("errors", e.fields());
                model.put("typedAccount", form.get("linkedAccount"));
            });
            return HttpResponse.unprocessableEntity().body(page);
        } catch (ProblemException e) {
            return HttpResponse.status(e.status()).body(page(user, false, false, e.getMessage()));
        }
    }

    private ModelAndView<Map<String, Object>> page(
            SignedInUser user, boolean returned, boolean refresh, @Nullable String problem) {
        String error = problem;
        ExpertPayouts.ExpertStatus status = payouts.status(user.universityId(), user.userId());
        if (error == null && !payouts.paidSessionsPossible(user.universityId())) {
            error = ExpertProblems.StripeRequired.MESSAGE;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("route", payouts.paysThroughRoute(user.universityId()));
        model.put(
                "linkedAccount",
                payouts.linkedAccount(user.universityId(), user.userId()).orElse(""));
        model.put("errors", Map.of());
        model.put("state", status.state());
        model.put("paidExpert", status.paidExpert());
        model.put("started", status.accountCreated());
        model.put("chargesEnabled", status.chargesEnabled());
        model.put("payoutsEnabled", status.payoutsEnabled());
        model.put("detailsSubmitted", status.detailsSubmitted());
        model.put("active", status.canCharge());
        model.put("returned", returned);
        model.put("refresh", refresh);
        model.put("error", error);
        model.put(
                "feePercent",
                payouts.platformFeePercent(user.universityId())
                        .stripTrailingZeros()
                        .toPlainString());
        return new ModelAndView<>("billing/expert-payouts", model);
    }

    @Get(uri = "/earnings", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> earnings(@CurrentUser SignedInUser user) {
        ExpertPayouts.Earnings earnings = payouts.earnings(user.universityId(), user.userId(), Instant.now());
        String currency = earnings.currency();
        Map<String, Object> model = new HashMap<>();
        model.put("gross", ExpertPayouts.format(earnings.grossCents(), currency));
        model.put("fee", ExpertPayouts.format(earnings.feeCents(), currency));
        model.put("net", ExpertPayouts.format(earnings.netCents(), currency));
        model.put("pending", ExpertPayouts.format(earnings.pendingCents(), currency));
        model.put("paidOut", ExpertPayouts.format(earnings.paidOutCents(), currency));
        model.put("refunded", ExpertPayouts.format(earnings.refundedCents(), currency));
        List<Map<String, Object>> sessions = earnings.sessions().stream()
                .map(session -> Map.<String, Object>of(
                        "description", session.description(),
                        "startsAt", session.sessionStartsAt().toString(),
                        "gross", ExpertPayouts.format(session.grossCents(), session.currency()),
                        "fee", ExpertPayouts.format(session.feeCents(), session.currency()),
                        "net", ExpertPayouts.format(session.netCents(), session.currency()),
                        "state", session.state()))
                .toList();
        model.put("sessions", sessions);
        model.put("status", payouts.status(user.universityId(), user.userId()).state());
        return new ModelAndView<>("billing/expert-earnings", model);
    }
}
