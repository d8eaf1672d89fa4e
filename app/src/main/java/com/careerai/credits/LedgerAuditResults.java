package com.careerai.credits;

import com.careerai.platform.redis.RedisConfiguration;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The latest ledger audit of each university, with when and by whom it was run. The audit reads
 * every ledger row of the university, so pages never run it: staff run it on demand (a button)
 * and the page shows the saved result with its time. Kept in Redis for {@link #KEPT}; a lost
 * result only means "not run yet".
 */
@Singleton
public class LedgerAuditResults {
    /** How long a result is kept. */
    static final Duration KEPT = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerAuditResults.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** An audit as it was run: the report, when (epoch milliseconds) and by whom. */
    public record Saved(LedgerAudit.Report report, long ranAtMillis, String ranBy) {
        public Instant ranAt() {
            return Instant.ofEpochMilli(ranAtMillis);
        }
    }

    private final LedgerAudit audit;
    private final RedisClient redis;
    private final RedisConfiguration redisConfiguration;

    LedgerAuditResults(LedgerAudit audit, RedisClient redis, RedisConfiguration redisConfiguration) {
        this.audit = audit;
        this.redis = redis;
        this.redisConfiguration = redisConfiguration;
    }

    /** Runs the full audit of the university now and keeps its result. */
    public Saved run(long universityId, String actor) {
        Saved saved = new Saved(audit.audit(universityId), System.currentTimeMillis(), actor);
        try {
            redis.set(
                    key(universityId),
                    JSON.writeValueAsString(saved),
                    SetParams.setParams().px(KEPT.toMillis()));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Could not keep the ledger audit of university {}; showing it once", universityId, e);
        }
        return saved;
    }

    /** The latest kept result (no audit is run); empty when none was run or it could not be read. */
    public Optional<Saved> latest(long universityId) {
        try {
            String json = redis.get(key(universityId));
            return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, Saved.class));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Could not read the kept ledger audit of university {}", universityId, e);
            return Optional.empty();
        }
    }

    private String key(long universityId) {
        return redisConfiguration.getKeyPrefix() + "credits:ledger-audit:" + universityId;
    }
}
