package com.careerai.auth.session;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.platform.redis.SnapshotFields;
import io.micronaut.core.annotation.Nullable;

/**
 * A user row as {@link UserSnapshots} keeps it in Redis: {@value #VERSION}, then each field in the
 * record's order, in {@link SnapshotFields}' text. {@code u1|}, the shape before the Pro flag, is not
 * read: its row is read afresh, as a node of that version reads a {@code u2|} snapshot (a deploy
 * costs each signed-in person one read of their row). Every signed-in request reads one (issue 19): reading it is a
 * few number parses and the row's three strings, where the JSON mapper it replaces made a parser, a
 * deserialization context and two {@code Instant}s from text per request (ADR 0054).
 */
final class UserSnapshotText {
    /** The first characters of every snapshot in this shape; a snapshot without them is another shape. */
    static final String VERSION = "u2|";

    private UserSnapshotText() {}

    static String write(User user) {
        return SnapshotFields.writer(VERSION)
                .number(user.id())
                .number(user.universityId())
                .string(user.email())
                .string(user.name())
                .string(user.role() == null ? null : user.role().name())
                .flag(user.emailVerified())
                .string(user.googleId())
                .instant(user.createdAt())
                .instant(user.lastSignInAt())
                .instant(user.deactivatedAt())
                .instant(user.erasureScheduledAt())
                .flag(user.pro())
                .text();
    }

    /**
     * The row {@code text} holds, or null when it is not in this shape.
     *
     * @throws IllegalArgumentException when it is in this shape but damaged
     */
    static @Nullable User read(String text) {
        SnapshotFields.Reader fields = SnapshotFields.reader(text, VERSION);
        if (fields == null) {
            return null;
        }
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
                fields.instant(),
                fields.flag());
        fields.end();
        return user;
    }

    private static @Nullable Role roleOf(@Nullable String name) {
        return name == null ? null : Role.valueOf(name);
    }
}
