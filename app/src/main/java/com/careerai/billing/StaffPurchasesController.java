package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Staff decide whether their students may buy credits and plans themselves ({@code /staff/purchases}). */
@Controller
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffPurchasesController {

    @Serdeable
    record PolicyForm(@Nullable String studentsMayBuy) {}

    /** The policy as JSON; {@code billingConfigured} says whether Stripe is set up on this platform. */
    @Serdeable
    record PolicyView(boolean studentsMayBuy, boolean billingConfigured) {}

    @Serdeable
    record PolicyBody(@Nullable Boolean studentsMayBuy) {}

    private final PurchasePolicy policy;
    private final PaymentGateway gateway;

    StaffPurchasesController(PurchasePolicy policy, PaymentGateway gateway) {
        this.policy = policy;
        this.gateway = gateway;
    }

    @Get(uri = "/staff/purchases", produces = MediaType.TEXT_HTML)
    @Hidden
    ModelAndView<Map<String, Object>> page(
            @CurrentUniversity University university, @QueryValue @Nullable String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("studentsMayBuy", policy.studentsMayBuy(university.id()));
        model.put("configured", gateway.checkoutConfigured());
        model.put("studentsSee", PurchasePolicy.PURCHASES_OFF);
        model.put("notice", notice == null ? null : "Saved.");
        return new ModelAndView<>("billing/staff-purchases", model);
    }

    @Post(uri = "/staff/purchases", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Hidden
    HttpResponse<?> change(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body PolicyForm form) {
        policy.change(university.id(), staff, "true".equals(form.studentsMayBuy()));
        return HttpResponse.seeOther(URI.create("/staff/purchases?notice=saved"));
    }

    @Get(uri = "/api/v1/staff/purchases", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether students may buy credits and plans themselves")
    PolicyView policy(@CurrentUniversity University university) {
        return new PolicyView(policy.studentsMayBuy(university.id()), gateway.checkoutConfigured());
    }

    @Put(uri = "/api/v1/staff/purchases", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn students' purchases on or off (audited)")
    PolicyView change(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body PolicyBody body) {
        if (body.studentsMayBuy() == null) {
            throw new BillingProblems.PolicyMissing();
        }
        policy.change(university.id(), staff, body.studentsMayBuy());
        return policy(university);
    }
}
