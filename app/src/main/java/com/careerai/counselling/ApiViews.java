package com.careerai.counselling;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the counselling API. */
final class ApiViews {
    private static final long MIN_FAST_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private ApiViews() {}

    /** ISO-8601 with seconds and offset, e.g. {@code 2026-03-02T09:00:00Z}. */
    static String iso(Instant instant) {
        return iso(instant, ZoneOffset.UTC);
    }

    /**
     * The same text as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, written digit by digit for
     * whole-second times of years 1000-9999: a 30-day slots answer formats some 700 of them, and the
     * formatter took a third of that endpoint's own CPU (issue 19). Other times go to the formatter.
     */
    static String iso(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        long local = instant.getEpochSecond() + offset.getTotalSeconds();
        long day = Math.floorDiv(local, 86_400);
        int secondOfDay = Math.floorMod(local, 86_400);
        if (instant.getNano() != 0 || day < MIN_FAST_DAY || day > MAX_FAST_DAY) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    instant.atZone(zone).toOffsetDateTime());
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        String offsetId = offset.getId();
        StringBuilder text = new StringBuilder(19 + offsetId.length());
        text.append(date.getYear()).append('-');
        twoDigits(text, date.getMonthValue()).append('-');
        twoDigits(text, date.getDayOfMonth()).append('T');
        twoDigits(text, secondOfDay / 3600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        twoDigits(text, secondOfDay % 60);
        return text.append(offsetId).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionTypeView(
            String slug,
            String name,
            int minutes,
            @Nullable Map<String, Integer> price,
            boolean included,
            @Nullable CardPrice cardPrice) {
        static SessionTypeView of(SessionType type) {
            return new SessionTypeView(
                    type.slug(),
                    type.name(),
                    type.minutes(),
                    type.priceGold() == null ? null : Map.of("gold", type.priceGold()),
                    type.included(),
                    type.paidByCard() ? new CardPrice(type.priceCents(), type.priceCurrency()) : null);
        }
    }

    /** A paid expert's session price, paid by card: in the currency's minor unit. */
    @Serdeable
    record CardPrice(long amountCents, String currency) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CounsellorView(
            long id,
            String name,
            String bio,
            List<String> expertise,
            List<String> languages,
            String timeZone,
            @Nullable Double rating,
            int ratings,
            List<SessionTypeView> sessionTypes) {
        static CounsellorView of(Counsellors.Listed listed) {
            Counsellor c = listed.counsellor();
            return new CounsellorView(
                    c.userId(),
                    c.name(),
                    c.bio(),
                    c.expertise(),
                    c.languages(),
                    c.timeZone().getId(),
                    listed.rating().average(),
                    listed.rating().count(),
                    listed.sessionTypes().stream().map(SessionTypeView::of).toList());
        }
    }

    @Serdeable
    record SlotView(String start, String end) {}

    @Serdeable
    record SlotsView(String timeZone, List<SlotView> slots) {}

    @Serdeable
    record Charge(String currency, int amount) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AppointmentView(
            String id,
            String status,
            String start,
            String end,
            long counsellorId,
            long studentId,
            String sessionType,
            String sessionName,
            String meetingUrl,
            @Nullable Charge charged,
            String payment,
            boolean refunded,
            int sequence,
            @Nullable String rescheduledFrom,
            @Nullable String note,
            @Nullable String checkoutUrl) {
        static AppointmentView of(Appointment a) {
            return of(a, null);
        }

        /** With the Stripe page to pay on, for a card-paid booking just made (PENDING). */
        static AppointmentView of(Appointment a, @Nullable String checkoutUrl) {
            return new AppointmentView(
                    a.id().toString(),
                    a.status().name(),
                    iso(a.startsAt()),
                    iso(a.endsAt()),
                    a.counsellorId(),
                    a.studentId(),
                    a.sessionType(),
                    a.sessionName(),
                    a.meetingUrl(),
                    a.payment() == Payment.GOLD ? new Charge("GOLD", a.chargedGold()) : null,
                    a.payment().name(),
                    a.refunded(),
                    a.sequence(),
                    a.rescheduledFrom() == null ? null : iso(a.rescheduledFrom()),
                    a.note(),
                    checkoutUrl);
        }
    }

    @Serdeable
    record BookingBody(
            @Nullable Long counsellorId,
            @Nullable String sessionType,
            @Nullable String start,
            @Nullable String note,
            @Nullable String resumeRunId) {}

    @Serdeable
    record CancelBody(@Nullable String reason) {}

    @Serdeable
    record RescheduleBody(@Nullable String start) {}

    @Serdeable
    record FeedbackBody(@Nullable Integer rating, @Nullable String comment) {}

    @Serdeable
    record DisputeBody(@Nullable String reason) {}

    @Serdeable
    record OutcomeBody(@Nullable String status) {}

    @Serdeable
    record WaitlistBody(@Nullable String sessionType) {}

    @Serdeable
    record WeeklyView(String day, String start, String end) {}

    @Serdeable
    record OverrideView(String date, boolean off, @Nullable String start, @Nullable String end) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // empty weekly hours and overrides are still listed
    record AvailabilityView(
            String timeZone,
            int bufferBeforeMinutes,
            int bufferAfterMinutes,
            int minimumNoticeMinutes,
            int bookingWindowDays,
            int slotIntervalMinutes,
            List<WeeklyView> weekly,
            List<OverrideView> overrides) {
        static AvailabilityView of(Counsellors.AvailabilityRules rules) {
            Counsellor c = rules.counsellor();
            return new AvailabilityView(
                    c.timeZone().getId(),
                    c.bufferBeforeMinutes(),
                    c.bufferAfterMinutes(),
                    c.minNoticeMinutes(),
                    c.bookingWindowDays(),
                    c.slotIntervalMinutes(),
                    rules.weekly().stream()
                            .map(w -> new WeeklyView(
                                    w.day().name(),
                                    w.start().toString(),
                                    w.end().toString()))
                            .toList(),
                    rules.overrides().stream()
                            .map(o -> new OverrideView(
                                    o.date().toString(),
                                    o.off(),
                                    o.start() == null ? null : o.start().toString(),
                                    o.end() == null ? null : o.end().toString()))
                            .toList());
        }
    }
}
