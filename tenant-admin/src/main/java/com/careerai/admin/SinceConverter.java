package com.careerai.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --since}: a UTC date {@code 2025-01-31}, an instant, or an age like {@code 30d} / {@code 12h}. */
final class SinceConverter implements ITypeConverter<Instant> {
    private static final Pattern AGE = Pattern.compile("^(\\d{1,5})([dh])$");

    @Override
    public Instant convert(String value) {
        String text = value.trim();
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            return Instant.now().minus(age.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount));
        }
        try {
            return text.contains("T")
                    ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value
                    + "' is not a date (2025-01-31), an instant (2025-01-31T12:00:00Z) or an age (30d, 12h)");
        }
    }
}
