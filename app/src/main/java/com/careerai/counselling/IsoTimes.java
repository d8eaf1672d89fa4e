package com.careerai.counselling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Writes times of one zone as ASCII bytes, exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does
 * for whole seconds of years 1000-9999 (e.g. {@code 2026-03-02T09:00:00+05:30}). A slots answer writes
 * some 700 times in order, so the zone's offset is kept until its next transition and the date until the
 * day changes: looking both up again for each time was a fifth of that endpoint's request-thread samples
 * (issue 19, ADR 0082). One instance is for one thread.
 */
final class IsoTimes {
    /** The most bytes one time takes: 19 for the date and time, 9 for an offset such as {@code +00:19:32}. */
    static final int MAX_BYTES = 28;

    private static final long MIN_FAST_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private final ZoneRules rules;
    /** The offset in force from {@link #offsetFrom} (inclusive) to {@link #offsetUntil} (exclusive), in epoch seconds. */
    private long offsetFrom = Long.MAX_VALUE;

    private long offsetUntil = Long.MIN_VALUE;
    private int offsetSeconds;
    private byte[] offsetText = new byte[0];
    /** The local epoch day whose {@code yyyy-mm-dd} is in {@link #dateText}. */
    private long day = Long.MIN_VALUE;

    private final byte[] dateText = new byte[10];

    IsoTimes(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /**
     * Writes the time at {@code at} and returns the index after it, or -1 (nothing written) for a time with a
     * fraction of a second or outside years 1000-9999, which the formatter should write.
     */
    int write(byte[] out, int at, Instant instant) {
        long second = instant.getEpochSecond();
        if (instant.getNano() != 0) {
            return -1;
        }
        if (second < offsetFrom || second >= offsetUntil) {
            offsetAt(instant);
        }
        long local = second + offsetSeconds;
        long localDay = Math.floorDiv(local, 86_400);
        if (localDay != day) {
            if (localDay < MIN_FAST_DAY || localDay > MAX_FAST_DAY) {
                return -1;
            }
            dateOf(localDay);
        }
        System.arraycopy(dateText, 0, out, at, dateText.length);
        int i = at + dateText.length;
        int secondOfDay = Math.floorMod(local, 86_400);
        out[i++] = 'T';
        i = twoDigits(out, i, secondOfDay / 3600);
        out[i++] = ':';
        i = twoDigits(out, i, secondOfDay / 60 % 60);
        out[i++] = ':';
        i = twoDigits(out, i, secondOfDay % 60);
        System.arraycopy(offsetText, 0, out, i, offsetText.length);
        return i + offsetText.length;
    }

    private void offsetAt(Instant instant) {
        ZoneOffset offset = rules.getOffset(instant);
        ZoneOffsetTransition next = rules.nextTransition(instant);
        offsetFrom = instant.getEpochSecond();
        offsetUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        offsetSeconds = offset.getTotalSeconds();
        String id = offset.getId();
        offsetText = new byte[id.length()];
        for (int c = 0; c < id.length(); c++) {
            offsetText[c] = (byte) id.charAt(c);
        }
    }

    private void dateOf(long localDay) {
        LocalDate date = LocalDate.ofEpochDay(localDay);
        int year = date.getYear();
        twoDigits(dateText, 0, year / 100);
        twoDigits(dateText, 2, year % 100);
        dateText[4] = '-';
        twoDigits(dateText, 5, date.getMonthValue());
        dateText[7] = '-';
        twoDigits(dateText, 8, date.getDayOfMonth());
        day = localDay;
    }

    private static int twoDigits(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }
}
