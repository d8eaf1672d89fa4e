package com.careerai.auth.session;

import com.careerai.auth.User;
import com.careerai.platform.redis.PrefetchedSnapshots;
import com.careerai.platform.redis.RedisScript;
import com.careerai.platform.redis.StampedSnapshots;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * The user rows of signed-in people, kept in Redis beside their sessions, so that a request's
 * sign-in check is one Redis round trip and no database connection (issue 19, ADR 0045). A snapshot
 * is read with the session in one script, made from the database when missing, and dropped by
 * every writer of the row ({@link #changed}), so the very next request sees a deactivation, a new
 * role or name.
 *
 * <p>A reader that read the row before a writer's commit must not store it after: each user has a
 * stamp, bumped by every change, that the reader takes with the session and the store checks; and
 * while a writer's transaction runs (the row written, not yet committed) a {@code writing} mark
 * keeps readers from storing at all, so that even a writer that dies between its commit and its
 * after-commit step leaves no stale snapshot (the mark lapses, by when the commit or rollback is
 * visible). {@link StampedSnapshots} keeps the stamps and marks, as it does for the career profile and
 * interests (ADR 0067). Snapshots live {@link StampedSnapshots#LIFETIME}, which bounds what an edit
 * outside the application (SQL by hand) leaves visible.
 *
 * <p>A snapshot is the row as {@link UserSnapshotText} writes it (ADR 0054); one in JSON, as a node of
 * an earlier version kept it, is still read.
 *
 * <p>Like {@link SessionStore}'s scripts, these name keys derived from their arguments: one Redis
 * server (or a primary with replicas), not a cluster.
 */
@Singleton
public class UserSnapshots {
    /**
     * The session (KEYS[1]) and, if it lives, its user's snapshot, stamp and writing mark; with more
     * ARGV than the user rows' prefix, also the person's snapshots that they name (a fifth part,
     * {@link PrefetchedSnapshots}, ADR 0072).
     */
    private static final RedisScript FIND = new RedisScript(
            PrefetchedSnapshots.LUA
                    + """
            local value = redis.call('GET', KEYS[1])
            if not value then return false end
            local user = ARGV[1] .. value
            local reply = {value, redis.call('GET', user) or false, redis.call('GET', user .. ':stamp') or '0',
                redis.call('EXISTS', user .. ':writing')}
            if #ARGV > 1 then reply[5] = personal(value, 2) end
            return reply
            """);

    /**
     * A live session as Redis holds it.
     *
     * @param session the session
     * @param user its user's row, when a snapshot is kept
     * @param stamp the user's stamp when read: a snapshot made from the database now is stored under it
     * @param writing whether a writer of the row is in a transaction (then nothing is stored)
     * @param personal the person's snapshots as the script read them, when asked for
     *     ({@link PrefetchedSnapshots#keep}); else empty
     */
    public record Found(
            SessionStore.Session session, @Nullable User user, String stamp, boolean writing, List<?> personal) {}

    private final RedisClient redis;
    private final SessionStore sessions;
    private final JsonMapper json;
    private final StampedSnapshots stamped;
    private final String prefix;

    UserSnapshots(RedisClient redis, SessionStore sessions, JsonMapper json, StampedSnapshots stamped) {
        this.redis = redis;
        this.sessions = sessions;
        this.json = json;
        this.stamped = stamped;
        this.prefix = stamped.key("user-row:");
    }

    /** The live session of {@code token} with what Redis keeps of its user, in one round trip. */
    public Optional<Found> find(String token) {
        return find(token, List.of());
    }

    /**
     * As {@link #find(String)}, and in the same round trip the person's snapshots that
     * {@code personal} names ({@link PrefetchedSnapshots#arguments()}).
     */
    public Optional<Found> find(String token, List<String> personal) {
        Optional<String> id = sessions.presentedId(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = personal.isEmpty() ? List.of(prefix) : withPrefix(personal);
        // by its SHA-1: every signed-in request runs it
        Object reply = FIND.run(redis, List.of(sessions.keyOfId(id.get())), arguments);
        if (!(reply instanceof List<?> parts) || parts.size() < 4) {
            return Optional.empty();
        }
        SessionStore.Session session = SessionStore.session(id.get(), StampedSnapshots.text(parts.get(0)));
        String snapshot = StampedSnapshots.text(parts.get(1));
        User user = snapshot == null ? null : decode(snapshot);
        if (user != null && (user.universityId() != session.universityId() || user.id() != session.userId())) {
            user = null; // not this session's row: read it afresh
        }
        boolean writing = parts.get(3) instanceof Number number && number.longValue() == 1;
        List<?> prefetched = parts.size() > 4 && parts.get(4) instanceof List<?> answers ? answers : List.of();
        return Optional.of(new Found(session, user, StampedSnapshots.text(parts.get(2)), writing, prefetched));
    }

    private List<String> withPrefix(List<String> personal) {
        List<String> arguments = new ArrayList<>(1 + personal.size());
        arguments.add(prefix);
        arguments.addAll(personal);
        return arguments;
    }

    /**
     * Keeps {@code user}, just read from the database for {@code found}'s session, unless its row
     * changed since {@code found} was read or is being written. True when kept.
     */
    public boolean keep(Found found, User user) {
        if (found.writing()
                || user.universityId() != found.session().universityId()
                || user.id() != found.session().userId()) {
            return false;
        }
        return stamped.keep(
                List.of(key(user.universityId(), user.id())), found.stamp(), encode(user), StampedSnapshots.LIFETIME);
    }

    /**
     * Drops the user's snapshot: every writer of a user row calls this after its statement. In a
     * transaction the row is marked as being written until the transaction ends (no reader stores
     * the uncommitted past meanwhile) and dropped again when it does; outside one, the write has
     * committed and one drop is enough.
     */
    public void changed(long universityId, long userId) {
        stamped.changed(key(universityId, userId));
    }

    private String key(long universityId, long userId) {
        return prefix + universityId + ":" + userId;
    }

    private static String encode(User user) {
        return UserSnapshotText.write(user);
    }

    private @Nullable User decode(String snapshot) {
        try {
            User user = UserSnapshotText.read(snapshot);
            // not in that shape: JSON, as a node of an earlier version keeps it (while both run, a deploy)
            return user != null ? user : json.readValue(snapshot, User.class);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable (damaged, or another shape): read the row again
        }
    }
}
