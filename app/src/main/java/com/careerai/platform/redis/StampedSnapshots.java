package com.careerai.platform.redis;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Copies of database reads kept in Redis that are never stale after a committed write (issue 19,
 * ADR 0045, ADR 0067). Each snapshot key has a stamp, bumped by every change ({@link #changed}), and
 * while a writer's transaction runs a {@code writing} mark: a reader keeps what it read only if the
 * stamps it read before reading the database are unchanged and no write is marked, so a read from
 * before a commit is never stored after it. A writer that dies between its commit and its
 * after-completion step leaves the mark, which lapses after {@link #WRITING}.
 *
 * <p>A snapshot may also be guarded by keys it shares with others (a university's interest
 * categories, whose renaming changes what every student who picked one sees): it is kept with the
 * guards' stamps and read only while they are unchanged, so one change of a guard drops every
 * snapshot under it without finding them.
 *
 * <p>The scripts name keys derived from their arguments: one Redis server (or a primary with
 * replicas), not a cluster.
 */
@Singleton
public class StampedSnapshots {
    /** How long a snapshot lives: bounds what an edit outside the application (SQL by hand) leaves visible. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    static final Duration WRITING = Duration.ofSeconds(60);
    private static final Duration STAMP_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(StampedSnapshots.class);

    /**
     * Lua: {@code find(keys)}, the stamps and writing marks of {@code keys} (the snapshot first, then its
     * guards) and the snapshot, if its guards' stamps are the ones it was kept with. Shared by
     * {@link #FIND} and the scripts that read snapshots with something else ({@link PrefetchedSnapshots}).
     */
    static final String FIND_FUNCTION =
            """
            local function find(keys)
                local stamps, writing = {}, 0
                for i, key in ipairs(keys) do
                    stamps[i] = redis.call('GET', key .. ':stamp') or '0'
                    writing = writing + redis.call('EXISTS', key .. ':writing')
                end
                local value = redis.call('GET', keys[1]) or false
                if value and #keys > 1 then
                    local guards = table.concat(stamps, ',', 2) .. '|'
                    if string.sub(value, 1, #guards) == guards then value = string.sub(value, #guards + 1) else value = false end
                end
                return {value, table.concat(stamps, ','), writing}
            end
            """;
    /** {@code find} of KEYS. */
    private static final RedisScript FIND = new RedisScript(FIND_FUNCTION + "return find(KEYS)\n");
    /**
     * Keeps ARGV[2] under KEYS[1] unless a stamp of KEYS changed since ARGV[1] was read, or a write is
     * marked. The stamps are made to outlive the snapshot (ARGV[4]), so that none lapses and counts
     * up to the value a kept snapshot was guarded with again.
     */
    private static final RedisScript STORE = new RedisScript(
            """
            local stamps = {}
            for i, key in ipairs(KEYS) do
                stamps[i] = redis.call('GET', key .. ':stamp') or '0'
                if redis.call('EXISTS', key .. ':writing') == 1 then return 0 end
            end
            if table.concat(stamps, ',') ~= ARGV[1] then return 0 end
            for i, key in ipairs(KEYS) do
                if stamps[i] ~= '0' then redis.call('EXPIRE', key .. ':stamp', ARGV[4]) end
            end
            local value = ARGV[2]
            if #KEYS > 1 then value = table.concat(stamps, ',', 2) .. '|' .. value end
            redis.call('SET', KEYS[1], value, 'EX', ARGV[3])
            return 1
            """);
    /** Drops the snapshot (KEYS[1]) and bumps its stamp; ARGV[2] = 1 marks a write in progress, else ends it. */
    private static final RedisScript CHANGED = new RedisScript(
            """
            redis.call('INCR', KEYS[1] .. ':stamp')
            redis.call('EXPIRE', KEYS[1] .. ':stamp', ARGV[1])
            redis.call('DEL', KEYS[1])
            if ARGV[2] == '1' then redis.call('SET', KEYS[1] .. ':writing', '1', 'EX', ARGV[3])
            else redis.call('DEL', KEYS[1] .. ':writing') end
            return 1
            """);

    /**
     * What Redis holds of a snapshot.
     *
     * @param value the snapshot, when one is kept (and its guards are unchanged)
     * @param stamp the stamps read with it: a value read from the database now is kept under them
     * @param writing whether a writer of it or of a guard is in a transaction (then nothing is kept)
     */
    public record Found(@Nullable String value, String stamp, boolean writing) {}

    private final RedisClient redis;
    private final TransactionOperations<Connection> transactions;
    private final String prefix;

    StampedSnapshots(
            RedisClient redis, RedisConfiguration configuration, TransactionOperations<Connection> transactions) {
        this.redis = redis;
        this.transactions = transactions;
        this.prefix = configuration.getKeyPrefix();
    }

    /** The key of a snapshot or a guard named {@code name}, under this deployment's prefix. */
    public String key(String name) {
        return prefix + name;
    }

    /**
     * The snapshot under {@code keys.get(0)}, guarded by the other keys, with their stamps: one round
     * trip, or none when this request's session check brought them ({@link PrefetchedSnapshots}).
     */
    public Found find(List<String> keys) {
        Found prefetched = PrefetchedSnapshots.take(keys);
        return prefetched != null ? prefetched : found(FIND.run(redis, keys, List.of()));
    }

    /** The key of {@code snapshot} for one person: {@code <prefix><name><university>:<person>}. */
    public String key(PersonalSnapshot snapshot, long universityId, long userId) {
        return key(snapshot.name() + universityId + ":" + userId);
    }

    /** The key of {@code snapshot} for one person, then its guards' keys: what {@link #read} takes. */
    public List<String> keys(PersonalSnapshot snapshot, long universityId, long userId) {
        List<String> guards = snapshot.guards();
        String[] keys = new String[1 + guards.size()];
        keys[0] = key(snapshot, universityId, userId);
        for (int i = 0; i < guards.size(); i++) {
            keys[i + 1] = key(guards.get(i) + universityId);
        }
        return List.of(keys);
    }

    /** What a {@code find} of {@link #FIND_FUNCTION} answered. */
    static Found found(@Nullable Object reply) {
        if (!(reply instanceof List<?> parts) || parts.size() < 3) {
            throw new IllegalStateException("the snapshot script answered " + reply);
        }
        return new Found(text(parts.get(0)), text(parts.get(1)), parts.get(2) instanceof Number n && n.longValue() > 0);
    }

    /**
     * Keeps {@code value}, read from the database after the stamps {@code stamp} were read under
     * {@code keys}, unless one of them changed since or is being written. True when kept.
     */
    public boolean keep(List<String> keys, String stamp, String value, Duration lifetime) {
        Object stored = STORE.run(
                redis,
                keys,
                List.of(stamp, value, Long.toString(lifetime.toSeconds()), Long.toString(STAMP_LIFETIME.toSeconds())));
        return stored instanceof Number number && number.longValue() == 1;
    }

    /**
     * The snapshot under {@code keys} as {@code decode} reads it (as this request's session check
     * brought it, when it did: {@link PrefetchedSnapshots}), else {@code load}'s read of the
     * database, kept as {@code encode} writes it when nothing changed meanwhile. A snapshot that
     * {@code decode} cannot read (null) is read from the database again.
     */
    public <T> T read(List<String> keys, Function<String, T> decode, Supplier<T> load, Function<T, String> encode) {
        Found found = find(keys);
        T kept = found.value() == null ? null : decode.apply(found.value());
        if (kept != null) {
            return kept;
        }
        T loaded = load.get();
        if (!found.writing()) {
            keep(keys, found.stamp(), encode.apply(loaded), LIFETIME);
        }
        return loaded;
    }

    /**
     * Drops the snapshot (or invalidates every snapshot guarded by) {@code key}: every writer of what
     * it copies calls this after its statement. In a transaction it is marked as being written until
     * the transaction ends (no reader keeps the uncommitted past meanwhile) and dropped again when it
     * does; outside one, the write has committed and one drop is enough.
     */
    public void changed(String key) {
        PrefetchedSnapshots.forget(key);
        var status = transactions.findTransactionStatus().filter(running -> !running.isCompleted());
        if (status.isEmpty()) {
            mark(key, false);
            return;
        }
        mark(key, true);
        status.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status completed) {
                try {
                    mark(key, false);
                } catch (RuntimeException e) {
                    // The write is done and the snapshot dropped; the writing mark lapses on its own.
                    LOG.warn("Could not end the writing mark of {} (it lapses in {})", key, WRITING, e);
                }
            }
        });
    }

    private void mark(String key, boolean writing) {
        CHANGED.run(
                redis,
                List.of(key),
                List.of(
                        Long.toString(STAMP_LIFETIME.toSeconds()),
                        writing ? "1" : "0",
                        Long.toString(WRITING.toSeconds())));
    }

    /** A reply part as text (Jedis answers bulk strings as bytes). */
    public static @Nullable String text(@Nullable Object part) {
        if (part instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return part == null ? null : part.toString();
    }
}
