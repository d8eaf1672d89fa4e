package com.careerai.platform.redis;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a snapshot kept in Redis is written in (ADR 0054): a version tag, then each field as
 * {@code <length>:<text>}, or {@code -} for null; instants as {@code <epoch second>.<nanosecond>},
 * lists as their size then their items. Reading one is a few number parses and its strings, where a
 * JSON mapper makes a parser and a context per read: snapshots are read on every signed-in request.
 */
public final class SnapshotFields {
    private SnapshotFields() {}

    /** A new snapshot's text, starting with {@code version}. */
    public static Writer writer(String version) {
        return new Writer(version);
    }

    /** The fields of {@code text}, or null when it does not start with {@code version} (another shape). */
    public static @Nullable Reader reader(String text, String version) {
        return text.startsWith(version) ? new Reader(text, version.length()) : null;
    }

    /** Writes fields in order. */
    public static final class Writer {
        private final StringBuilder out = new StringBuilder(128);

        private Writer(String version) {
            out.append(version);
        }

        public Writer string(@Nullable String text) {
            if (text == null) {
                out.append('-');
            } else {
                out.append(text.length()).append(':').append(text);
            }
            return this;
        }

        public Writer number(@Nullable Long number) {
            return string(number == null ? null : number.toString());
        }

        public Writer flag(boolean flag) {
            return string(flag ? "1" : "0");
        }

        public Writer instant(@Nullable Instant instant) {
            return string(instant == null ? null : instant.getEpochSecond() + "." + instant.getNano());
        }

        public Writer strings(List<String> items) {
            number((long) items.size());
            items.forEach(this::string);
            return this;
        }

        public String text() {
            return out.toString();
        }
    }

    /**
     * Reads fields in the order they were written.
     *
     * <p>Every method throws {@link IllegalArgumentException} when the text is damaged.
     */
    public static final class Reader {
        private final String text;
        private int position;
        private int start;
        private int end;

        private Reader(String text, int position) {
            this.text = text;
            this.position = position;
        }

        /** Moves to the next field: false when it is null, else its text is [start, end). */
        private boolean next() {
            if (position >= text.length()) {
                throw new IllegalArgumentException("the snapshot ends early");
            }
            if (text.charAt(position) == '-') {
                position++;
                return false;
            }
            int colon = text.indexOf(':', position);
            if (colon < 0) {
                throw new IllegalArgumentException("a field has no length");
            }
            int length = Integer.parseInt(text, position, colon, 10);
            start = colon + 1;
            end = start + length;
            if (length < 0 || end > text.length()) {
                throw new IllegalArgumentException("a field runs past the snapshot");
            }
            position = end;
            return true;
        }

        public @Nullable String string() {
            return next() ? text.substring(start, end) : null;
        }

        public @Nullable Long number() {
            return next() ? Long.parseLong(text, start, end, 10) : null;
        }

        public boolean flag() {
            return next() && end - start == 1 && text.charAt(start) == '1';
        }

        public @Nullable Instant instant() {
            if (!next()) {
                return null;
            }
            int dot = text.indexOf('.', start);
            if (dot < 0 || dot >= end) {
                throw new IllegalArgumentException("an instant has no nanoseconds");
            }
            return Instant.ofEpochSecond(
                    Long.parseLong(text, start, dot, 10), Integer.parseInt(text, dot + 1, end, 10));
        }

        public List<String> strings() {
            Long size = number();
            if (size == null || size < 0 || size > text.length()) {
                throw new IllegalArgumentException("a list has no size");
            }
            List<String> items = new ArrayList<>(size.intValue());
            for (long i = 0; i < size; i++) {
                items.add(string());
            }
            return items;
        }

        /** Checks that nothing follows the last field read. */
        public void end() {
            if (position != text.length()) {
                throw new IllegalArgumentException("the snapshot has more fields than were read");
            }
        }
    }
}
