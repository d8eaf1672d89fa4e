package com.careerai.counselling;

import com.careerai.counselling.ApiViews.SlotList;
import com.careerai.counselling.ApiViews.SlotsView;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a counsellor's slots answer ({@link SlotsView}) as JSON from the slots' instants straight into
 * its bytes: in a warm node Serde writing this answer took 33-42 % of the slots endpoint's request-thread
 * samples and making its ~700 time strings another 12-14 % (bench/RESULTS.md, sessions 32 and 33; ADR 0082).
 *
 * <p>The bytes are exactly Serde's, which tests hold it to: Serde leaves out an empty list
 * ({@code {"timeZone":"UTC"}}) and, having only ASCII without quotes, backslashes or controls here, needs
 * no escapes. Any answer not of that common shape (a list not made as a {@link SlotList}, a time with a
 * fraction of a second, a zone text needing escapes) is handed to Serde whole.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
@Order(JsonMessageHandler.ORDER - 10) // ahead of Micronaut's JSON handler for this one type
final class SlotsJsonWriter implements MessageBodyWriter<SlotsView> {
    private static final byte[] TIME_ZONE = ascii("{\"timeZone\":\"");
    private static final byte[] SLOTS = ascii("\",\"slots\":[");
    private static final byte[] START = ascii("{\"start\":\"");
    private static final byte[] END = ascii("\",\"end\":\"");
    /** The bytes one slot takes at most: its names and punctuation, two times and a comma. */
    private static final int MAX_SLOT_BYTES = START.length + END.length + 2 * IsoTimes.MAX_BYTES + 3;

    private final JsonMapper serde;

    SlotsJsonWriter(JsonMapper serde) {
        this.serde = serde;
    }

    @Override
    public boolean isWriteable(Argument<SlotsView> type, MediaType mediaType) {
        return type.getType() == SlotsView.class
                && mediaType != null
                && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON);
    }

    @Override
    public void writeTo(
            Argument<SlotsView> type,
            MediaType mediaType,
            SlotsView view,
            MutableHeaders outgoingHeaders,
            OutputStream outputStream) {
        outgoingHeaders.set(HttpHeaders.CONTENT_TYPE, mediaType != null ? mediaType : MediaType.APPLICATION_JSON_TYPE);
        try {
            Encoded json = encode(view);
            if (json == null) {
                serde.writeValue(outputStream, type, view);
            } else {
                outputStream.write(json.bytes(), 0, json.length());
            }
        } catch (IOException e) {
            throw new CodecException("Could not write the slots answer: " + e.getMessage(), e);
        }
    }

    /** The first {@code length} bytes of {@code bytes} are the answer. */
    record Encoded(byte[] bytes, int length) {}

    /** The answer's JSON, or null when it is not of the shape written here and Serde should write it. */
    static Encoded encode(SlotsView view) {
        String zoneText = view == null ? null : view.timeZone();
        if (zoneText == null || zoneText.isEmpty() || !plainAscii(zoneText)) {
            return null;
        }
        SlotList slots;
        if (view.slots() == null || view.slots().isEmpty()) {
            slots = null;
        } else if (view.slots() instanceof SlotList list) {
            slots = list;
        } else {
            return null;
        }
        int count = slots == null ? 0 : slots.size();
        byte[] out = new byte[TIME_ZONE.length + zoneText.length() + SLOTS.length + count * MAX_SLOT_BYTES + 2];
        int at = put(out, 0, TIME_ZONE);
        for (int c = 0; c < zoneText.length(); c++) {
            out[at++] = (byte) zoneText.charAt(c);
        }
        if (slots == null) {
            out[at++] = '"';
            out[at++] = '}';
            return new Encoded(out, at);
        }
        at = put(out, at, SLOTS);
        IsoTimes times = new IsoTimes(slots.zone());
        for (int i = 0; i < count; i++) {
            SlotGenerator.Slot slot = slots.slot(i);
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(out, at, START);
            at = times.write(out, at, slot.start());
            if (at < 0) {
                return null;
            }
            at = put(out, at, END);
            at = times.write(out, at, slot.end());
            if (at < 0) {
                return null;
            }
            out[at++] = '"';
            out[at++] = '}';
        }
        out[at++] = ']';
        out[at++] = '}';
        return new Encoded(out, at);
    }

    /** Printable ASCII without a quote or a backslash: text JSON writes as it is. */
    private static boolean plainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
