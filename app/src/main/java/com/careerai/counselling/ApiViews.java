package com.careerai.counselling;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/** The JSON shapes of the counselling API. */
final class ApiViews {
    private ApiViews() {}

    /** ISO-8601 with seconds and offset, e.g. {@code 2026-03-02T09:00:00Z}. */
    static String iso(Instant instant) {
        return iso(instant, ZoneOffset.UTC);
    }

    /**
     * The same text as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, written digit by digit for
     * whole-second times of years 1000-9999 ({@link IsoTimes}): a 30-day slots answer formats some 700 of
     * them, and the formatter took a third of that endpoint's own CPU (issue 19). Other times go to the
     * formatter.
     */
    static String iso(Instant instant, ZoneId zone) {
        byte[] text = new byte[IsoTimes.MAX_BYTES];
        int end = new IsoTimes(zone).write(text, 0, instant);
        if (end < 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    instant.atZone(zone).toOffsetDateTime());
        }
        return new String(text, 0, end, StandardCharsets.ISO_8859_1);
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

    /**
     * A counsellor's open slots as {@link SlotView}s in one zone, each formatted only when it is read:
     * {@link SlotsJsonWriter} writes the times from the instants straight into the answer's bytes
     * instead of making some 700 strings first (issue 19); anything else that reads the list sees
     * the same views Serde would write.
     */
    static final class SlotList extends AbstractList<SlotView> implements RandomAccess {
        private final List<SlotGenerator.Slot> slots;
        private final ZoneId zone;

        SlotList(List<SlotGenerator.Slot> slots, ZoneId zone) {
            this.slots = List.copyOf(slots);
            this.zone = zone;
        }

        @Override
        public SlotView get(int index) {
            SlotGenerator.Slot slot = slots.get(index);
            return new SlotView(iso(slot.start(), zone), iso(slot.end(), zone));
        }

        @Override
        public int size() {
            return slots.size();
        }

        SlotGenerator.Slot slot(int index) {
            return slots.get(index);
        }

        ZoneId zone() {
            return zone;
        }
    }

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
