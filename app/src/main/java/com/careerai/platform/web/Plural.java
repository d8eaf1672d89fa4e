package com.careerai.platform.web;

import java.text.NumberFormat;
import java.util.Locale;

/** Counts in words pages can show: "1 student", "1,234 students", "0 runs". */
public final class Plural {
    private Plural() {}

    /** {@code count} and the noun, with "s" added unless the count is one. */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    /** {@code count} and the singular or plural noun ("1 person", "3 people"). */
    public static String of(long count, String singular, String plural) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(count) + " " + (count == 1 ? singular : plural);
    }
}
