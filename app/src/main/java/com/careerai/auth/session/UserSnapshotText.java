package com.careerai.auth.session;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A user row as {@link UserSnapshots} keeps it in Redis: {@value #VERSION}, then each field in the
 * record's order as {@code <length>:<text>}, or {@code -} for null; instants as
 * {@code <epoch second>.<nanosecond>}. Every signed-in request reads one (issue 19): reading it is a
 * few number parses and the row's three strings, where the JSON mapper it replaces made a parser, a
 * deserialization context and two {@code Instant}s from text per request (ADR 0054).
 */
final class UserSnapshotText {
    /** The first characters of every snapshot in this shape; a snapshot without them is another shape. */
    static final String VERSION = "u1|";

    private UserSnapshotText() {}

    static String write(User user) {
        StringBuilder out = new StringBuilder(128).append(VERSION);
        field(out, user.id() == null ? null : user.id().toString());
        field(out, Long.toString(user.universityId()));
        field(out, user.email());
        field(out, user.name());
        field(out, user.role() == null ? null : user.role().name());
        field(out, user.emailVerified() ? "1" : "0");
        field(out, user.googleId());
        field(out, instant(user.createdAt()));
        field(out, instant(user.lastSignInAt()));
        field(out, instant(user.deactivatedAt()));
        field(out, instant(user.erasureScheduledAt()));
        return out.toString();
    }

    /**
     * The row {@code text} holds, or null when it is not in this shape.
     *
     * @throws IllegalArgumentException when it is in this shape but damaged
     */
    static @Nullable User read(String text) {
        if (!text.startsWith(VERSION)) {
            return null;
        }
        Reader fields = new Reader(text);
        Long id = fields.number();
        Long universityId = fields.number();
        if (universityId == null) {
            throw new IllegalArgumentException("the snapshot has no university");
        }
        User user = new User(
                id,
                universityId,
                fields.string(),
                fields.string(),
                roleOf(fields.string()),
                fields.flag(),
                fields.string(),
                fields.instant(),
                fields.instant(),
                fields.instant(),
                fields.instant());
        fields.end();
        return user;
    }

    private static void field(StringBuilder out, @Nullable String text) {
        if (text == null) {
            out.append('-');
        } else {
            out.append(text.length()).append(':').append(text);
        }
    }

    private static @Nullable String instant(@Nullable Instant instant) {
        return instant == null ? null : instant.getEpochSecond() + "." + instant.getNano();
    }

    private static @Nullable Role roleOf(@Nullable String name) {
        return name == null ? null : Role.valueOf(name);
    }

    /** The fields of one snapshot, read in order. */
    private static final class Reader {
        private final String text;
        private int position = VERSION.length();
        private int start;
        private int end;

        Reader(String text) {
            this.text = text;
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

        @Nullable
        String string() {
            return next() ? text.substring(start, end) : null;
        }

        @Nullable
        Long number() {
            return next() ? Long.parseLong(text, start, end, 10) : null;
        }

        boolean flag() {
            return next() && end - start == 1 && text.charAt(start) == '1';
        }

        @Nullable
        Instant instant() {
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

        void end() {
            if (position != text.length()) {
                throw new IllegalArgumentException("the snapshot has more than a user row");
            }
        }
    }
}
