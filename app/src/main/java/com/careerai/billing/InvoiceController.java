package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;

/**
 * Invoice PDFs of confirmed payments: the student's own ({@code /billing/payments/{id}/invoice.pdf}),
 * any of the university's for staff ({@code /staff/payments/{id}/invoice.pdf}), and the API, which
 * serves the owner and staff. Anything else — another student's payment, another university's,
 * a payment not confirmed — is 404.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class InvoiceController {
    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @Get(
            uri = "/billing/payments/{id}/invoice.pdf",
            produces = {"application/pdf", MediaType.TEXT_HTML})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Hidden
    HttpResponse<byte[]> student(@CurrentUser SignedInUser user, @PathVariable String id) {
        return download(invoices.forStudent(user.universityId(), user.userId(), parse(id)));
    }

    @Get(
            uri = "/staff/payments/{id}/invoice.pdf",
            produces = {"application/pdf", MediaType.TEXT_HTML})
    @Secured("STAFF")
    @Hidden
    HttpResponse<byte[]> staff(@CurrentUser SignedInUser staff, @PathVariable String id) {
        return download(invoices.forStaff(staff.universityId(), parse(id)));
    }

    @Get(
            uri = "/api/v1/payments/{id}/invoice.pdf",
            produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(
            summary = "The invoice PDF of a confirmed payment: the student's own, or any of the university's for staff")
    HttpResponse<byte[]> api(@CurrentUser SignedInUser user, @PathVariable String id) {
        UUID paymentId = parse(id);
        return download(
                user.isStaff()
                        ? invoices.forStaff(user.universityId(), paymentId)
                        : invoices.forStudent(user.universityId(), user.userId(), paymentId));
    }

    private static HttpResponse<byte[]> download(Invoices.Document document) {
        return HttpResponse.ok(document.pdf())
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
                .header("Cache-Control", "private, no-store");
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BillingProblems.PaymentNotFound();
        }
    }
}
