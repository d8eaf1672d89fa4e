package com.careerai.billing;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts in a currency's minor unit, shown the way a receipt shows them. */
final class Money {
    private Money() {}

    /** "$9", "$49.50", "€12" — no ".00" on whole amounts. */
    static String format(long minorUnits, String currency) {
        String full = formatExact(minorUnits, currency);
        return full.endsWith(".00") ? full.substring(0, full.length() - 3) : full;
    }

    /** "$9.00", "€12.50": every minor digit, as on a receipt. */
    static String formatExact(long minorUnits, String currency) {
        java.util.Currency iso = iso(currency);
        int digits = Math.max(0, iso == null ? 2 : iso.getDefaultFractionDigits());
        String amount = BigDecimal.valueOf(minorUnits, digits).toPlainString();
        if (iso == null) {
            return amount + " " + currency.toUpperCase(Locale.ROOT);
        }
        String symbol = iso.getSymbol(Locale.US);
        return symbol.equals(iso.getCurrencyCode()) ? amount + " " + symbol : symbol + amount;
    }

    @io.micronaut.core.annotation.Nullable
    private static java.util.Currency iso(String currency) {
        try {
            return java.util.Currency.getInstance(currency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
