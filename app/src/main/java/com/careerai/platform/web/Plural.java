package com.careerai.platform.web;

/** Counts in words pages can show: "1 student", "1,234 students", "0 runs". */
public final class Plural {
    private Plural() {}

    /** {@code count} and the noun, with "s" added unless the count is one. */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    /** {@code count} and the singular or plural noun ("1 person", "3 people"). */
    public static String of(long count, String singular, String plural) {
        return grouped(count) + " " + (count == 1 ? singular : plural);
    }

    /**
     * The count as {@code NumberFormat.getIntegerInstance(Locale.ENGLISH)} writes it ("1,234",
     * "-12,000"): digits in groups of three, commas between. Asking the JDK for that formatter built a
     * new {@code DecimalFormat} (locale look-up, symbols, pattern parse) on every call, three times a
     * signed-in home page (issue 19).
     */
    static String grouped(long count) {
        String digits = Long.toString(count);
        int sign = count < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder grouped = new StringBuilder(digits.length() + (length - 1) / 3);
        int first = length % 3 == 0 ? 3 : length % 3;
        grouped.append(digits, 0, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            grouped.append(',').append(digits, i, i + 3);
        }
        return grouped.toString();
    }
}
