package com.careerai.billing;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/** A paid expert's earnings for API clients. */
@Controller("/api/v1/counsellor/earnings")
@Secured("COUNSELLOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Counselling")
class ExpertEarningsApiController {
    private final ExpertPayouts payouts;

    ExpertEarningsApiController(ExpertPayouts payouts) {
        this.payouts = payouts;
    }

    /**
     * One paid session: amounts in cents after refunds; {@code state} is {@code pending} before the
     * session, {@code paid out} after it, {@code refunded} when refunded in full.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionView(
            String paymentId,
            String description,
            Instant sessionStartsAt,
            long grossCents,
            long feeCents,
            long netCents,
            long refundedCents,
            String currency,
            String state) {}

    /** Totals in cents over the expert's paid sessions, and the sessions. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EarningsView(
            String payoutStatus,
            String currency,
            long grossCents,
            long platformFeeCents,
            long netCents,
            long pendingCents,
            long paidOutCents,
            long refundedCents,
            List<SessionView> sessions) {}

    @Get
    @Operation(summary = "Your earnings as a paid expert: gross, platform fee, net, pending, paid out, per session")
    EarningsView earnings(@CurrentUser SignedInUser user) {
        ExpertPayouts.Earnings earnings = payouts.earnings(user.universityId(), user.userId(), Instant.now());
        return new EarningsView(
                payouts.status(user.universityId(), user.userId()).state(),
                earnings.currency(),
                earnings.grossCents(),
                earnings.feeCents(),
                earnings.netCents(),
                earnings.pendingCents(),
                earnings.paidOutCents(),
                earnings.refundedCents(),
                earnings.sessions().stream()
                        .map(s -> new SessionView(
                                s.paymentId().toString(),
                                s.description(),
                                s.sessionStartsAt(),
                                s.grossCents(),
                                s.feeCents(),
                                s.netCents(),
                                s.refundedCents(),
                                s.currency(),
                                s.state()))
                        .toList());
    }
}
