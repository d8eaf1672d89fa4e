package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.Paging;
import com.careerai.platform.web.Plural;
import com.careerai.platform.web.ViewerZones;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /staff/payments}: the university's payments by status, paged, and one payment's page,
 * from which staff refund it in full or in part with a reason ({@link StaffRefunds}).
 */
@Controller
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffPaymentsController {
    static final int PAGE_SIZE = 25;

    @Serdeable
    record RefundForm(@Nullable String amount, @Nullable String reason) {}

    @Serdeable
    record RefundBody(@Nullable Long amountCents, @Nullable String reason) {}

    /** A staff refund as the API answers it. {@code status}: PENDING, SUCCEEDED or FAILED. */
    @Serdeable
    record RefundView(String id, String paymentId, long amountCents, String status, String paymentStatus) {}

    /** One payment as staff see it in the API. */
    @Serdeable
    record PaymentRow(
            String id,
            long userId,
            String description,
            long amountCents,
            String currency,
            String status,
            long refundedCents,
            long refundableCents,
            String createdAt) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PaymentList(List<PaymentRow> payments, int page, int pages, long total) {}

    private final StaffRefunds staffRefunds;
    private final UserAccounts users;
    private final ViewerZones zones;
    private final PageReads reads;
    private final LayoutModel layout;

    StaffPaymentsController(
            StaffRefunds staffRefunds, UserAccounts users, ViewerZones zones, PageReads reads, LayoutModel layout) {
        this.staffRefunds = staffRefunds;
        this.users = users;
        this.zones = zones;
        this.reads = reads;
        this.layout = layout;
    }

    // ---- Pages ---------------------------------------------------------------------------------

    @Get(uri = "/staff/payments", produces = MediaType.TEXT_HTML)
    @Hidden
    ModelAndView<Map<String, Object>> list(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable Integer page) {
        PaymentStatus filter = status(status);
        int current = Paging.page(page == null ? 1 : page);
        ZoneId zone = zones.zoneOf(university.id(), staff.userId());
        // the counts, the page of payments and the header's reads in one round trip, the students' names in one
        // more (ADR 0076); they were a read transaction of three statements, then the header's
        layout.prefetchWith(request, listReads(university.id(), filter, current));
        Map<PaymentStatus, Long> counts = reads.read(PaymentStore.countByStatusRead(university.id()));
        long total = filter == null ? total(counts) : counts.get(filter);
        List<Payment> rows = reads.read(
                PaymentStore.byStatusRead(university.id(), filter, Paging.offset(current, PAGE_SIZE), PAGE_SIZE));
        Map<Long, User> people = users.findAllOnce(
                university.id(), rows.stream().map(Payment::userId).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        List<Map<String, Object>> tabs = new ArrayList<>();
        tabs.add(tab("All", null, filter == null, total(counts)));
        for (PaymentStatus value : PaymentStatus.values()) {
            tabs.add(tab(label(value), value, value == filter, counts.get(value)));
        }
        model.put("tabs", tabs);
        model.put("filterLabel", filter == null ? "all" : label(filter).toLowerCase(Locale.ROOT));
        model.put("summary", Plural.of(total, "payment"));
        model.put("payments", rows.stream().map(p -> row(p, people, zone)).toList());
        int pages = Paging.pages(total, PAGE_SIZE);
        model.put("page", current);
        model.put("pages", pages);
        String base = "/staff/payments?" + (filter == null ? "" : "status=" + filter.name() + "&") + "page=";
        if (current > 1) {
            model.put("previousUrl", base + (current - 1));
        }
        if (current < pages) {
            model.put("nextUrl", base + (current + 1));
        }
        return new ModelAndView<>("billing/staff-payments", model);
    }

    /** What the payments list (page and API) reads: the counts by status and the page of payments. */
    private static List<PageRead<?>> listReads(long universityId, @Nullable PaymentStatus filter, int page) {
        return List.of(
                PaymentStore.countByStatusRead(universityId),
                PaymentStore.byStatusRead(universityId, filter, Paging.offset(page, PAGE_SIZE), PAGE_SIZE));
    }

    @Get(uri = "/staff/payments/{id}", produces = MediaType.TEXT_HTML)
    @Hidden
    ModelAndView<Map<String, Object>> show(
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @PathVariable String id,
            @QueryValue @Nullable String notice,
            HttpRequest<?> request) {
        UUID paymentId = parse(id);
        layout.prefetchWith(request, paymentReads(university.id(), paymentId));
        Map<String, Object> model = model(university, staff, paymentId);
        if ("refunded".equals(notice)) {
            model.put("notice", "Refund sent. The student was told by email.");
        } else if ("pending".equals(notice)) {
            model.put("notice", "Refund sent; the provider is still processing it.");
        }
        return new ModelAndView<>("billing/staff-payment", model);
    }

    @Post(
            uri = "/staff/payments/{id}/refunds",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Hidden
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> refundForm(
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @PathVariable String id,
            @Body RefundForm form) {
        UUID paymentId = parse(id);
        Map<String, Object> model = model(university, staff, paymentId);
        @SuppressWarnings("unchecked")
        Map<String, Object> payment = (Map<String, Object>) model.get("payment");
        Map<String, String> errors = new HashMap<>();
        Long cents = null;
        String typed = form.amount() == null ? "" : form.amount().strip();
        if (!typed.isEmpty()) {
            cents = cents(typed, (String) payment.get("currency"));
            if (cents == null) {
                errors.put("amount", "Write an amount like 4.50, or leave it empty to refund everything that is left.");
                String reasonProblem = StaffRefunds.reasonProblem(form.reason());
                if (reasonProblem != null) {
                    errors.put("reason", reasonProblem);
                }
            }
        }
        if (errors.isEmpty()) {
            try {
                StaffRefunds.Outcome outcome =
                        staffRefunds.refund(university.id(), staff, paymentId, cents, form.reason());
                if ("FAILED".equals(outcome.status())) {
                    errors.put("form", "The provider refused the refund. Nothing was refunded.");
                } else {
                    return HttpResponse.seeOther(URI.create("/staff/payments/" + paymentId + "?notice="
                            + ("SUCCEEDED".equals(outcome.status()) ? "refunded" : "pending")));
                }
            } catch (StaffRefunds.Invalid e) {
                e.fields()
                        .forEach((field, message) ->
                                errors.put(field.equals("amountCents") ? "amount" : field, message));
            } catch (StaffRefunds.NotRefundable | PaymentProviderException | BillingProblems.NotConfigured e) {
                errors.put("form", e.getMessage());
            }
        }
        Map<String, Object> again = model(university, staff, paymentId);
        again.put("errors", errors);
        again.put("problem", errors.getOrDefault("form", "Check the refund below."));
        again.put("amountValue", form.amount());
        again.put("reasonValue", form.reason());
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("billing/staff-payment", again));
    }

    // ---- API -------------------------------------------------------------------------------------

    @Get(uri = "/api/v1/staff/payments", produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The university's payments, newest first, optionally of one status (PENDING, PAID, …), 25 a page")
    PaymentList payments(
            @CurrentUniversity University university,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable Integer page) {
        PaymentStatus filter = status(status);
        int current = Paging.page(page == null ? 1 : page);
        reads.prefetch(listReads(university.id(), filter, current));
        Map<PaymentStatus, Long> counts = reads.read(PaymentStore.countByStatusRead(university.id()));
        long total = filter == null ? total(counts) : counts.get(filter);
        List<PaymentRow> rows = reads
                .read(PaymentStore.byStatusRead(university.id(), filter, Paging.offset(current, PAGE_SIZE), PAGE_SIZE))
                .stream()
                .map(p -> new PaymentRow(
                        p.id().toString(),
                        p.userId(),
                        p.description(),
                        p.amountCents(),
                        p.currency(),
                        p.status().name(),
                        p.refundedCents(),
                        StaffRefunds.refundable(p),
                        p.createdAt().toString()))
                .toList();
        return new PaymentList(rows, current, Paging.pages(total, PAGE_SIZE), total);
    }

    @Post(uri = "/api/v1/staff/payments/{id}/refunds", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund a confirmed payment in full (no amountCents) or in part, with a reason (audited)")
    @ApiResponse(
            responseCode = "202",
            description = "The refund was sent; its status is the provider's answer",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<RefundView> refund(
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @PathVariable String id,
            @Body RefundBody body) {
        StaffRefunds.Outcome outcome =
                staffRefunds.refund(university.id(), staff, parse(id), body.amountCents(), body.reason());
        return HttpResponse.accepted()
                .body(new RefundView(
                        outcome.refundId().toString(),
                        outcome.paymentId().toString(),
                        outcome.amountCents(),
                        outcome.status(),
                        outcome.paymentStatus().name()));
    }

    // ---- Helpers -----------------------------------------------------------------------------------

    /**
     * What a payment's page reads — the payment, its refunds, its invoice, whether it is an expert's charge —
     * for it to send with the header's reads in one round trip (ADR 0076); the names follow in one more.
     */
    private static List<PageRead<?>> paymentReads(long universityId, UUID paymentId) {
        return List.of(
                PaymentStore.findForStaffRead(universityId, paymentId),
                RefundStore.ofPaymentRead(universityId, paymentId),
                InvoiceStore.ofPaymentRead(universityId, paymentId),
                ExpertAccountStore.isChargeRead(universityId, paymentId));
    }

    private Map<String, Object> model(University university, SignedInUser staff, UUID paymentId) {
        ZoneId zone = zones.zoneOf(university.id(), staff.userId());
        // they were a read transaction of six round trips: the student's name and the refunders' each apart
        reads.prefetch(paymentReads(university.id(), paymentId));
        Payment payment = reads.read(PaymentStore.findForStaffRead(university.id(), paymentId))
                .orElseThrow(StaffRefunds.StaffPaymentNotFound::new);
        List<RefundStore.StaffRefund> history = reads.read(RefundStore.ofPaymentRead(university.id(), paymentId));
        List<Long> named = new ArrayList<>(List.of(payment.userId()));
        history.forEach(refund -> named.add(refund.requestedBy()));
        Map<Long, User> people = users.findAllOnce(university.id(), named);
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        Map<String, Object> row = row(payment, people, zone);
        model.put("payment", row);
        if (payment.status().credited()) {
            model.put("invoiceUrl", "/staff/payments/" + payment.id() + "/invoice.pdf");
            reads.read(InvoiceStore.ofPaymentRead(university.id(), payment.id()))
                    .ifPresent(invoice -> model.put("invoiceNumber", invoice.label()));
        }
        long left = StaffRefunds.refundable(payment);
        model.put("refundable", left > 0);
        // a paid expert session: its refunds take the expert's share back (ADR 0034)
        model.put("expertSession", reads.read(ExpertAccountStore.isChargeRead(university.id(), payment.id())));
        model.put("left", Money.formatExact(left, payment.currency()));
        model.put("leftValue", plain(left, payment.currency()));
        model.put(
                "refunds",
                history.stream()
                        .map(refund -> {
                            Map<String, Object> item = new HashMap<>();
                            item.put("when", Dates.moment(refund.createdAt(), zone));
                            item.put("amount", Money.formatExact(refund.amountCents(), payment.currency()));
                            item.put("reason", refund.reason());
                            User by = people.get(refund.requestedBy());
                            item.put("by", by == null ? "staff" : by.displayName());
                            item.put(
                                    "status",
                                    refund.status().charAt(0)
                                            + refund.status().substring(1).toLowerCase(Locale.ROOT));
                            item.put("failure", refund.failure());
                            return item;
                        })
                        .toList());
        model.put("errors", Map.of());
        return model;
    }

    private static Map<String, Object> row(Payment payment, Map<Long, User> people, ZoneId zone) {
        Map<String, Object> row = new HashMap<>();
        User buyer = people.get(payment.userId());
        row.put("id", payment.id().toString());
        row.put("reference", Receipts.reference(payment));
        row.put("buyer", buyer == null ? "user " + payment.userId() : buyer.displayName());
        row.put("email", buyer == null ? "" : buyer.email());
        row.put("description", payment.description());
        row.put("amount", payment.amount());
        row.put("provider", Receipts.providerName(payment));
        row.put("currency", payment.currency());
        row.put("currencyCode", payment.currency().toUpperCase(Locale.ROOT));
        row.put("status", label(payment.status()));
        row.put("badge", payment.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        row.put("created", Dates.moment(payment.createdAt(), zone));
        row.put("paid", payment.paidAt() == null ? "" : Dates.moment(payment.paidAt(), zone));
        row.put(
                "refunded",
                payment.refundedCents() == 0 ? "" : Money.formatExact(payment.refundedCents(), payment.currency()));
        row.put("credits", Receipts.credits(payment));
        row.put("creditsReversed", payment.creditsReversed());
        row.put("creditsOwed", payment.creditsOwed());
        row.put("creditsCurrency", payment.creditsCurrency().key());
        return row;
    }

    private static Map<String, Object> tab(String label, @Nullable PaymentStatus status, boolean current, long count) {
        Map<String, Object> tab = new HashMap<>();
        tab.put("label", label);
        tab.put("href", "/staff/payments" + (status == null ? "" : "?status=" + status.name()));
        tab.put("current", current);
        tab.put("count", count);
        return tab;
    }

    private static long total(Map<PaymentStatus, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static String label(PaymentStatus status) {
        return switch (status) {
            case PENDING -> "Awaiting payment";
            case PAID -> "Paid";
            case FAILED -> "Failed";
            case EXPIRED -> "Expired";
            case REFUNDED -> "Refunded";
            case PARTIALLY_REFUNDED -> "Partly refunded";
        };
    }

    /** The status filter; an unknown value lists everything (a stale link never errors). */
    @Nullable
    private static PaymentStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PaymentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new StaffRefunds.StaffPaymentNotFound();
        }
    }

    /** "4.50" in the payment's currency to minor units; null when it is not an amount. */
    @Nullable
    static Long cents(String typed, String currency) {
        try {
            int digits = fractionDigits(currency);
            BigDecimal value = new BigDecimal(typed.replace(",", ""));
            if (value.scale() > digits || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
                return null;
            }
            return value.movePointRight(digits)
                    .setScale(0, RoundingMode.UNNECESSARY)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String plain(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits)
                .movePointLeft(fractionDigits(currency))
                .toPlainString();
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(
                    0,
                    java.util.Currency.getInstance(currency.toUpperCase(Locale.ROOT))
                            .getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
