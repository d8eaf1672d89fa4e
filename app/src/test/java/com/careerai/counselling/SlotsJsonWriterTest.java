package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.counselling.ApiViews.SlotList;
import com.careerai.counselling.ApiViews.SlotView;
import com.careerai.counselling.ApiViews.SlotsView;
import com.careerai.counselling.SlotGenerator.Slot;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.simple.SimpleHttpHeaders;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slots answer written by hand is byte for byte what Serde writes, and Serde still writes the rest. */
class SlotsJsonWriterTest {
    private static final Argument<SlotsView> TYPE = Argument.of(SlotsView.class);
    private final ObjectMapper serde = ObjectMapper.getDefault();
    private final SlotsJsonWriter writer = new SlotsJsonWriter(serde);

    private String written(SlotsView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleHttpHeaders headers = new SimpleHttpHeaders();
        writer.writeTo(TYPE, MediaType.APPLICATION_JSON_TYPE, view, headers, out);
        assertThat(headers.get(HttpHeaders.CONTENT_TYPE)).isEqualTo(MediaType.APPLICATION_JSON);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String serdes(SlotsView view) throws IOException {
        return new String(serde.writeValueAsBytes(TYPE, view), StandardCharsets.UTF_8);
    }

    private static List<Slot> slots(Instant first, int count, Duration length) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = first.plus(length.multipliedBy(2L * i));
            slots.add(new Slot(start, start.plus(length)));
        }
        return slots;
    }

    @Test
    void aMonthOfSlotsInFiveZonesIsWrittenByHandExactlyAsSerdeWritesIt() throws IOException {
        Instant first = Instant.parse("2026-03-01T06:00:00Z"); // across Europe's and America's clock changes
        for (ZoneId zone : List.of(
                ZoneOffset.UTC,
                ZoneId.of("Europe/London"),
                ZoneId.of("America/New_York"),
                ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Pacific/Chatham"))) {
            SlotsView view = new SlotsView(zone.getId(), new SlotList(slots(first, 480, Duration.ofMinutes(45)), zone));

            assertThat(SlotsJsonWriter.encode(view))
                    .as("written by hand in %s", zone)
                    .isNotNull();
            assertThat(written(view)).as("in %s", zone).isEqualTo(serdes(view));
        }
        SlotsView kolkata = new SlotsView(
                "Asia/Kolkata",
                new SlotList(
                        slots(Instant.parse("2026-03-02T03:30:00Z"), 1, Duration.ofHours(1)),
                        ZoneId.of("Asia/Kolkata")));
        assertThat(written(kolkata))
                .isEqualTo("{\"timeZone\":\"Asia/Kolkata\",\"slots\":[{\"start\":\"2026-03-02T09:00:00+05:30\","
                        + "\"end\":\"2026-03-02T10:00:00+05:30\"}]}");
    }

    @Test
    void noSlotsLeaveTheListOutAsSerdeDoes() throws IOException {
        for (SlotsView view : List.of(
                new SlotsView("UTC", new SlotList(List.of(), ZoneOffset.UTC)),
                new SlotsView("UTC", List.of()),
                new SlotsView("UTC", null))) {
            assertThat(SlotsJsonWriter.encode(view)).isNotNull();
            assertThat(written(view)).isEqualTo("{\"timeZone\":\"UTC\"}").isEqualTo(serdes(view));
        }
    }

    @Test
    void answersOfAnotherShapeAreHandedToSerdeWhole() throws IOException {
        ZoneId zone = ZoneId.of("Europe/London");
        List<SlotsView> others = List.of(
                // a time with a fraction of a second
                new SlotsView(
                        zone.getId(),
                        new SlotList(
                                slots(Instant.parse("2026-03-02T09:00:00.250Z"), 3, Duration.ofMinutes(30)), zone)),
                // a year the fast path does not write
                new SlotsView(
                        zone.getId(),
                        new SlotList(slots(Instant.parse("0999-12-31T09:00:00Z"), 2, Duration.ofMinutes(30)), zone)),
                // views made another way, with text that needs escapes and characters beyond ASCII
                new SlotsView(
                        "Europe/London",
                        List.of(new SlotView("quote \" back\\slash \n\t\u001f", "caf\u00e9 \u20ac \ud83d\ude00"))),
                new SlotsView("Zone \"quoted\"", new SlotList(slots(Instant.now(), 1, Duration.ofMinutes(30)), zone)),
                new SlotsView("Zone\u00e9", null),
                new SlotsView("", new SlotList(slots(Instant.now(), 1, Duration.ofMinutes(30)), zone)),
                new SlotsView(null, null));
        for (SlotsView view : others) {
            assertThat(SlotsJsonWriter.encode(view)).as("%s", view).isNull();
            assertThat(written(view)).as("%s", view).isEqualTo(serdes(view));
        }
    }

    @Test
    void itWritesTheSlotsAnswerAsJsonOnly() {
        assertThat(writer.isWriteable(TYPE, MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(writer.isWriteable(TYPE, MediaType.TEXT_HTML_TYPE)).isFalse();
        assertThat(writer.isWriteable(TYPE, null)).isFalse();
    }
}
