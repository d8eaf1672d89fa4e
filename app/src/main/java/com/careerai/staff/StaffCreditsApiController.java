package com.careerai.staff;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.credits.Balances;
import com.careerai.credits.BulkGrants;
import com.careerai.credits.CreditCosts;
import com.careerai.credits.CreditsConfiguration;
import com.careerai.credits.Currency;
import com.careerai.credits.GrantBatch;
import com.careerai.credits.LedgerAudit;
import com.careerai.credits.LedgerEntry;
import com.careerai.credits.TransactionView;
import com.careerai.credits.Wallets;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

/** Staff and operators' JSON: the ledger audit, bulk-grant progress, adjusting one student. */
@Controller("/api/v1/staff")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff: credits")
class StaffCreditsApiController {
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    /** Adjusting one student's balance; {@code idempotencyKey} makes a retried request safe. */
    @Serdeable
    record AdjustmentRequest(
            @Nullable Long userId,
            @Nullable String currency,
            @Nullable BigDecimal delta,
            @Nullable String reason,
            @Nullable String idempotencyKey) {}

    @Serdeable
    record AdjustmentResult(TransactionView transaction, Balances balances) {}

    /** A bulk grant's progress. */
    @Serdeable
    record GrantProgress(GrantBatch batch, int percent, boolean done) {}

    private final LedgerAudit audit;
    private final BulkGrants grants;
    private final Wallets wallets;
    private final CreditCosts costs;
    private final CreditsConfiguration configuration;

    StaffCreditsApiController(
            LedgerAudit audit,
            BulkGrants grants,
            Wallets wallets,
            CreditCosts costs,
            CreditsConfiguration configuration) {
        this.audit = audit;
        this.grants = grants;
        this.wallets = wallets;
        this.costs = costs;
        this.configuration = configuration;
    }

    @Get("/ledger-audit")
    @Operation(
            summary = "Audit of this university's ledger: balance = sum of transactions, no refund without its debit")
    LedgerAudit.Report ledgerAudit(@CurrentUniversity University university) {
        return audit.audit(university.id());
    }

    @Get("/credits/grants/{batchId}")
    @Operation(summary = "Progress of a grant to every student")
    GrantProgress grantProgress(@CurrentUniversity University university, @PathVariable UUID batchId) {
        GrantBatch batch = grants.find(university.id(), batchId)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such grant."));
        return new GrantProgress(batch, batch.percent(), batch.done());
    }

    @Post("/credits/adjustments")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Adjust one student's balance by a signed amount, with a reason")
    AdjustmentResult adjust(
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @Body AdjustmentRequest request) {
        FormInput input = new FormInput();
        if (request.userId() == null) {
            input.reject("userId", "Give the student's user id.");
        }
        Currency currency = input.currency("currency", request.currency());
        Integer delta = input.change(
                "delta",
                request.delta() == null ? null : request.delta().toPlainString(),
                configuration.getMaxAmount());
        String reason = input.reason("reason", request.reason());
        String key = request.idempotencyKey() == null ? UUID.randomUUID().toString() : request.idempotencyKey();
        if (!KEY.matcher(key).matches()) {
            input.reject("idempotencyKey", "Use up to 100 letters, digits, '.', '_', ':' or '-'.");
        }
        if (!input.valid()) {
            throw new InvalidInputException(input.errors());
        }
        LedgerEntry entry =
                wallets.adjust(university.id(), staff, request.userId(), currency, delta, reason, "adjust:" + key);
        return new AdjustmentResult(
                TransactionView.of(entry, costs), wallets.balances(university.id(), request.userId()));
    }
}
