package com.careerai.profile;

import com.careerai.platform.redis.PersonalSnapshot;
import com.careerai.platform.redis.SnapshotFields;
import com.careerai.platform.redis.StampedSnapshots;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The career profile's row and the default resume's name, kept in Redis per person (issue 19, ADR
 * 0067): every signed-in home shows them (time zone, next steps) and they change rarely. Every writer
 * of a profile or saved resume ({@link ProfileStore}, {@link ProfilePersonalData}) calls
 * {@link #changed} after its statement, so the next read sees the write ({@link StampedSnapshots}).
 * A {@link PersonalSnapshot}: the student home's session check reads it too (ADR 0072).
 */
@Singleton
class ProfileSnapshots implements PersonalSnapshot {
    /** The first characters of every snapshot in this shape. */
    static final String VERSION = "p1|";

    private final StampedSnapshots snapshots;

    ProfileSnapshots(StampedSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The person's row as kept, else {@code load}'s, kept when no write came meanwhile. */
    ProfileStore.Row row(long universityId, long userId, Supplier<ProfileStore.Row> load) {
        return snapshots.read(keys(universityId, userId), ProfileSnapshots::read, load, ProfileSnapshots::write);
    }

    /** Drops the person's snapshot: called after every statement that writes their profile or resumes. */
    void changed(long universityId, long userId) {
        snapshots.changed(key(universityId, userId));
    }

    /** {@code profile:<university>:<person>}; brought with the session on the student home (ADR 0072). */
    @Override
    public String name() {
        return "profile:";
    }

    private List<String> keys(long universityId, long userId) {
        return snapshots.keys(this, universityId, userId);
    }

    private String key(long universityId, long userId) {
        return snapshots.key(this, universityId, userId);
    }

    static String write(ProfileStore.Row row) {
        SnapshotFields.Writer out =
                SnapshotFields.writer(VERSION).flag(row.details().isPresent());
        row.details().ifPresent(details -> out.string(details.programme())
                .number(
                        details.graduationYear() == null
                                ? null
                                : details.graduationYear().longValue())
                .strings(details.targetRoles())
                .strings(details.targetLocations())
                .string(details.linkedinUrl())
                .string(details.portfolioUrl())
                .string(details.timeZone()));
        return out.string(row.defaultResumeName()).text();
    }

    /** The row {@code text} holds, or null when it is in another shape or damaged (then the database is read). */
    static @Nullable ProfileStore.Row read(String text) {
        SnapshotFields.Reader fields = SnapshotFields.reader(text, VERSION);
        if (fields == null) {
            return null;
        }
        try {
            Optional<ProfileStore.Details> details = Optional.empty();
            if (fields.flag()) {
                String programme = fields.string();
                Long year = fields.number();
                details = Optional.of(new ProfileStore.Details(
                        programme,
                        year == null ? null : Math.toIntExact(year),
                        List.copyOf(fields.strings()),
                        List.copyOf(fields.strings()),
                        fields.string(),
                        fields.string(),
                        fields.string()));
            }
            ProfileStore.Row row = new ProfileStore.Row(details, fields.string());
            fields.end();
            return row;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }
}
