package com.careerai.courses;

import com.careerai.credits.Currency;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A course a university's careers service runs in batches.
 *
 * @param priceCents the money price in the currency's minor unit, or null when not sold for money
 * @param priceCredits the credits price, or null when not sold for credits (both null: free)
 * @param capacity places per batch (each batch copies it when created)
 */
public record Course(
        long universityId,
        long id,
        String title,
        String description,
        String outcomes,
        @Nullable Long priceCents,
        @Nullable String currency,
        @Nullable Integer priceCredits,
        @Nullable Currency creditsCurrency,
        int capacity,
        Visibility visibility,
        boolean archived) {

    /** Who may see the course page. */
    public enum Visibility {
        /** Everyone, signed out too, on the university's site. */
        PUBLIC,
        /** Signed-in students of the university only. */
        STUDENTS
    }

    public boolean free() {
        return priceCents == null && priceCredits == null;
    }

    public boolean soldForMoney() {
        return priceCents != null;
    }

    public boolean soldForCredits() {
        return priceCredits != null;
    }

    /** "Free", "$49.00", "3 gold credits", "$49.00 or 3 gold credits". */
    public String priceInWords() {
        if (free()) {
            return "Free";
        }
        List<String> parts = new ArrayList<>();
        if (priceCents != null && currency != null) {
            parts.add(money(priceCents, currency));
        }
        if (priceCredits != null && creditsCurrency != null) {
            parts.add(priceCredits + " " + creditsCurrency.key() + " credit" + (priceCredits == 1 ? "" : "s"));
        }
        return String.join(" or ", parts);
    }

    static String money(long cents, String currency) {
        String symbol =
                switch (currency) {
                    case "usd" -> "$";
                    case "gbp" -> "£";
                    case "eur" -> "€";
                    case "inr" -> "₹";
                    default -> currency.toUpperCase(Locale.ROOT) + " ";
                };
        return symbol + BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** The first line or two of the description. */
    public String summary() {
        String text = description.strip();
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.length() <= 200 ? first : first.substring(0, 197) + "…";
    }
}
