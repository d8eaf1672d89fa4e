package com.careerai.interests;

import com.careerai.platform.redis.PersonalSnapshot;
import com.careerai.platform.redis.SnapshotFields;
import com.careerai.platform.redis.StampedSnapshots;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A student's picked interests (id, name, retired), kept in Redis per student (issue 19, ADR 0067):
 * every signed-in home shows them and they change rarely. A student's snapshot is dropped when they
 * choose again or are erased ({@link #changed}); it is also guarded by their university's catalogue
 * stamp ({@link #catalogueChanged}), so that staff renaming or retiring a category is seen at once
 * by every student who picked it, without finding them. A {@link PersonalSnapshot}: the student
 * home's session check reads it too (ADR 0072).
 */
@Singleton
class InterestSnapshots implements PersonalSnapshot {
    /** The first characters of every snapshot in this shape. */
    static final String VERSION = "i1|";

    private static final String CATALOGUE = "interests:";

    private final StampedSnapshots snapshots;

    InterestSnapshots(StampedSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The student's picks as kept, else {@code load}'s, kept when no write came meanwhile. */
    List<Interest> ofUser(long universityId, long userId, Supplier<List<Interest>> load) {
        return snapshots.read(
                snapshots.keys(this, universityId, userId), InterestSnapshots::read, load, InterestSnapshots::write);
    }

    /** Drops the student's snapshot: called after every statement that writes their picks. */
    void changed(long universityId, long userId) {
        snapshots.changed(studentKey(universityId, userId));
    }

    /** Invalidates every student's snapshot of this university: called after a category is renamed or retired. */
    void catalogueChanged(long universityId) {
        snapshots.changed(catalogueKey(universityId));
    }

    /** {@code interests-of:<university>:<person>}; brought with the session on the student home (ADR 0072). */
    @Override
    public String name() {
        return "interests-of:";
    }

    /** {@code interests:<university>}, the catalogue's stamp. */
    @Override
    public List<String> guards() {
        return List.of(CATALOGUE);
    }

    private String studentKey(long universityId, long userId) {
        return snapshots.key(this, universityId, userId);
    }

    private String catalogueKey(long universityId) {
        return snapshots.key(CATALOGUE + universityId);
    }

    static String write(List<Interest> interests) {
        SnapshotFields.Writer out = SnapshotFields.writer(VERSION).number((long) interests.size());
        for (Interest interest : interests) {
            out.number(interest.id()).string(interest.name()).flag(interest.retired());
        }
        return out.text();
    }

    /** The picks {@code text} holds, or null when it is in another shape or damaged (then the database is read). */
    static @Nullable List<Interest> read(String text) {
        SnapshotFields.Reader fields = SnapshotFields.reader(text, VERSION);
        if (fields == null) {
            return null;
        }
        try {
            Long size = fields.number();
            if (size == null || size < 0 || size > text.length()) {
                return null;
            }
            List<Interest> interests = new ArrayList<>(size.intValue());
            for (long i = 0; i < size; i++) {
                Long id = fields.number();
                String name = fields.string();
                if (id == null || name == null) {
                    return null;
                }
                interests.add(new Interest(id, name, fields.flag()));
            }
            fields.end();
            return List.copyOf(interests);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
