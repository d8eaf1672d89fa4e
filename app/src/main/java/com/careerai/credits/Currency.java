package com.careerai.credits;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of credit: silver buys the standard model, gold the premium model. */
public enum Currency {
    SILVER,
    GOLD;

    /** {@code silver}/{@code GOLD} in any case; empty for anything else. */
    public static Optional<Currency> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "SILVER" -> Optional.of(SILVER);
            case "GOLD" -> Optional.of(GOLD);
            default -> Optional.empty();
        };
    }

    public Currency other() {
        return this == SILVER ? GOLD : SILVER;
    }

    /** Lower-case name, as used in configuration keys and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
