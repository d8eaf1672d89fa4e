package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.billing.ExpertPayouts;
import com.careerai.billing.ExpertProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /staff/experts}: which approved counsellors are paid experts (staff mark them), their
 * Stripe payout state, every expert's earnings and the platform's fees, and the platform fee.
 */
@Controller("/staff/experts")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffExpertsController {
    private final Counsellors counsellors;
    private final ExpertPayouts payouts;

    StaffExpertsController(Counsellors counsellors, ExpertPayouts payouts) {
        this.counsellors = counsellors;
        this.payouts = payouts;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@CurrentUser SignedInUser staff, @Nullable @QueryValue String saved) {
        return new ModelAndView<>("counselling/staff-experts", model(staff, Map.of(), null, saved));
    }

    @Post(value = "/{id}/mark", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> mark(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, String> form) {
        counsellors
                .find(staff.universityId(), id)
                .filter(c -> c.status() == CounsellorStatus.APPROVED)
                .orElseThrow(CounsellingException::counsellorNotFound);
        payouts.mark(staff, id, "true".equals(form.get("paidExpert")));
        return HttpResponse.seeOther(URI.create("/staff/experts?saved=expert"));
    }

    /** A Razorpay university: records the expert's Route linked account, checked with Razorpay. */
    @Post(
            value = "/{id}/linked-account",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> linkedAccount(
            @CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, String> form) {
        counsellors
                .find(staff.universityId(), id)
                .filter(c -> c.status() == CounsellorStatus.APPROVED)
                .orElseThrow(CounsellingException::counsellorNotFound);
        try {
            payouts.recordLinkedAccount(staff, id, form.get("linkedAccount"));
            return HttpResponse.seeOther(URI.create("/staff/experts?saved=expert"));
        } catch (ExpertProblems.Invalid e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("counselling/staff-experts", model(staff, e.fields(), null, null)));
        }
    }

    @Post(value = "/fee", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> fee(@CurrentUser SignedInUser staff, @Body Map<String, String> form) {
        try {
            payouts.setPlatformFee(staff, form.get("platformFeePercent"));
            return HttpResponse.seeOther(URI.create("/staff/experts?saved=fee"));
        } catch (ExpertProblems.Invalid e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "counselling/staff-experts",
                            model(staff, e.fields(), form.get("platformFeePercent"), null)));
        }
    }

    private Map<String, Object> model(
            SignedInUser staff, Map<String, String> errors, @Nullable String typedFee, @Nullable String saved) {
        long universityId = staff.universityId();
        Map<Long, ExpertPayouts.ExpertStatus> statuses = payouts.statuses(universityId);
        Map<Long, ExpertPayouts.ExpertTotals> totals = payouts.allEarnings(universityId, Instant.now()).stream()
                .collect(Collectors.toMap(ExpertPayouts.ExpertTotals::expertUserId, Function.identity()));
        String currency = payouts.currency(universityId);
        long fees = 0;
        long gross = 0;
        for (ExpertPayouts.ExpertTotals t : totals.values()) {
            fees += t.feeCents();
            gross += t.grossCents();
        }
        List<Map<String, Object>> rows = counsellors.approved(universityId).stream()
                .map(listed -> {
                    Counsellor c = listed.counsellor();
                    ExpertPayouts.ExpertStatus status =
                            statuses.getOrDefault(c.userId(), ExpertPayouts.ExpertStatus.NONE);
                    ExpertPayouts.ExpertTotals t = totals.get(c.userId());
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", c.userId());
                    row.put("name", c.name());
                    row.put("paidExpert", status.paidExpert());
                    row.put("state", status.state());
                    row.put("linkedAccount", status.linkedAccount() == null ? "" : status.linkedAccount());
                    row.put("sessions", t == null ? 0 : t.sessions());
                    row.put("gross", ExpertPayouts.format(t == null ? 0 : t.grossCents(), currency));
                    row.put("fee", ExpertPayouts.format(t == null ? 0 : t.feeCents(), currency));
                    row.put("net", ExpertPayouts.format(t == null ? 0 : t.netCents(), currency));
                    row.put("pending", ExpertPayouts.format(t == null ? 0 : t.pendingCents(), currency));
                    row.put("paidOut", ExpertPayouts.format(t == null ? 0 : t.paidOutCents(), currency));
                    return row;
                })
                .toList();
        BigDecimal fee = payouts.platformFeePercent(universityId);
        Map<String, Object> model = new HashMap<>();
        model.put("experts", rows);
        model.put("route", payouts.paysThroughRoute(universityId));
        model.put(
                "feePercent",
                typedFee != null ? typedFee : fee.stripTrailingZeros().toPlainString());
        model.put("errors", errors);
        model.put("totalFees", ExpertPayouts.format(fees, currency));
        model.put("totalGross", ExpertPayouts.format(gross, currency));
        model.put(
                "savedText",
                "fee".equals(saved)
                        ? "Platform fee saved; it applies to sessions booked from now on."
                        : "expert".equals(saved) ? "Saved." : null);
        return model;
    }
}
