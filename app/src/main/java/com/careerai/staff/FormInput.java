package com.careerai.staff;

import com.careerai.credits.Currency;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads form and API input field by field, collecting a message per bad field. */
final class FormInput {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^[+-]?\\d{1,9}$");
    static final int MAX_REASON = 500;

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** A whole number from {@code min} to {@code max}; null (and a message) otherwise. */
    @Nullable
    Integer wholeNumber(String field, @Nullable String raw, int min, int max) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            errors.put(field, "Enter a number.");
            return null;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            errors.put(field, "Enter a whole number, like 20.");
            return null;
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            errors.put(
                    field,
                    min == 1
                            ? "Enter a number from 1 to " + max + "."
                            : "Enter a number from " + min + " to " + max + ".");
            return null;
        }
        return number;
    }

    /** A non-zero whole number from {@code -max} to {@code max}. */
    @Nullable
    Integer change(String field, @Nullable String raw, int max) {
        Integer number = wholeNumber(field, raw, -max, max);
        if (number != null && number == 0) {
            errors.put(field, "Enter a change other than zero, like 5 or -5.");
            return null;
        }
        return number;
    }

    @Nullable
    Currency currency(String field, @Nullable String raw) {
        return Currency.parse(raw).orElseGet(() -> {
            errors.put(field, "Choose silver or gold.");
            return null;
        });
    }

    @Nullable
    String reason(String field, @Nullable String raw) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            errors.put(field, "Give a reason; it is kept in the audit log.");
            return null;
        }
        if (value.length() > MAX_REASON) {
            errors.put(field, "Keep the reason under " + MAX_REASON + " characters.");
            return null;
        }
        return value;
    }

    @Nullable
    String required(String field, @Nullable String raw, String message) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            errors.put(field, message);
            return null;
        }
        return value;
    }

    void reject(String field, String message) {
        errors.put(field, message);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }
}
