package com.careerai.credits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A ledger row as a student sees it (JSON and the wallet page): no idempotency keys or internal
 * metadata.
 *
 * @param description what happened, in words ("Job Pack run", "Refund: Job Pack", "Credits granted")
 * @param runUrl the page of the run a debit or refund belongs to
 */
@Serdeable
public record TransactionView(
        long id,
        TransactionType type,
        Currency currency,
        int amount,
        @Nullable String feature,
        String description,
        @Nullable UUID runId,
        @Nullable String runUrl,
        @Nullable String reason,
        Instant createdAt) {

    /** Where a run's page lives (the AI-runs feature serves it). */
    public static final String RUN_PATH = "/runs/";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The row as shown; {@code costs} names the feature a debit or refund paid for. */
    public static TransactionView of(LedgerEntry entry, CreditCosts costs) {
        String feature = entry.feature();
        String description =
                switch (entry.type()) {
                    case DEBIT -> costs.label(feature) + " run";
                    case REFUND -> "Refund: " + costs.label(feature);
                    case GRANT -> "Credits granted";
                    case TOPUP -> "Credits bought";
                    case ADJUSTMENT -> "Adjusted by staff";
                    case REVERSAL -> "Purchase refunded";
                };
        return new TransactionView(
                entry.id(),
                entry.type(),
                entry.currency(),
                entry.amount(),
                feature,
                description,
                entry.runId(),
                entry.runId() == null ? null : RUN_PATH + entry.runId(),
                entry.reason().orElse(null),
                entry.createdAt());
    }

    /** When, for display: {@code 2025-03-01 09:30 UTC}. */
    public String when() {
        return WHEN.format(createdAt);
    }

    /** Signed amount for display: "+20", "-3". */
    public String signedAmount() {
        return amount > 0 ? "+" + amount : Integer.toString(amount);
    }

    public boolean credit() {
        return amount > 0;
    }
}
