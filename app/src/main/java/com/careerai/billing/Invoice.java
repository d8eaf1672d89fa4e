package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The invoice of one confirmed payment, as issued: its number in the university's sequence, the
 * seller as the settings said then, and the tax the price included.
 *
 * @param label the number as printed, {@code INV-2026-000123}
 * @param taxRateBasisPoints hundredths of a percent (2000 = 20 %)
 */
record Invoice(
        long universityId,
        UUID paymentId,
        long number,
        String label,
        Instant issuedAt,
        String sellerName,
        @Nullable String sellerAddress,
        @Nullable String sellerTaxId,
        int taxRateBasisPoints,
        String currency,
        long netCents,
        long taxCents,
        long totalCents) {

    /** {@code INV-<year of issue>-<number, six digits at least>}. */
    static String label(long number, Instant issuedAt) {
        return String.format(
                java.util.Locale.ROOT,
                "INV-%d-%06d",
                issuedAt.atZone(ZoneOffset.UTC).getYear(),
                number);
    }

    /** The tax inside a tax-inclusive total, rounded half up to the minor unit. */
    static long taxIncluded(long totalCents, int taxRateBasisPoints) {
        if (taxRateBasisPoints == 0) {
            return 0;
        }
        BigDecimal total = BigDecimal.valueOf(totalCents);
        BigDecimal net = total.multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(10_000L + taxRateBasisPoints), 0, RoundingMode.HALF_UP);
        return totalCents - net.longValueExact();
    }

    /** "20 %", "7.5 %". */
    static String rate(int taxRateBasisPoints) {
        return BigDecimal.valueOf(taxRateBasisPoints)
                        .movePointLeft(2)
                        .stripTrailingZeros()
                        .toPlainString()
                + " %";
    }
}
