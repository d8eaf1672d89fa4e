package com.careerai.tenancy;

import com.careerai.platform.config.CareerAiConfiguration;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds universities by subdomain for every request, from a short-lived per-node cache. A change
 * made on this node evicts once it is committed ({@link UniversityCacheEviction}); a change made by
 * another process (another node, tenant-admin) evicts when {@link UniversityChangeBroadcast}
 * hears of it, and in any case within {@code careerai.tenant-cache-ttl}.
 */
@Singleton
public class UniversityDirectory {
    private record Entry(Optional<University> university, Instant expiresAt) {}

    private final UniversityRepository universities;
    private final CareerAiConfiguration configuration;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    UniversityDirectory(UniversityRepository universities, CareerAiConfiguration configuration) {
        this.universities = universities;
        this.configuration = configuration;
        this.clock = Clock.systemUTC();
    }

    /**
     * What this node knows of {@code subdomain} without asking the database: empty when it must be
     * looked up, else the university (or its absence) as cached.
     */
    public Optional<Optional<University>> cached(String subdomain) {
        Entry entry = cache.get(subdomain);
        return entry == null || entry.expiresAt().isBefore(clock.instant())
                ? Optional.empty()
                : Optional.of(entry.university());
    }

    public Optional<University> findBySubdomain(String subdomain) {
        return cached(subdomain).orElseGet(() -> {
            Optional<University> found = universities.findBySubdomain(subdomain);
            cache.put(subdomain, new Entry(found, clock.instant().plus(configuration.getTenantCacheTtl())));
            return found;
        });
    }

    void evict(String subdomain) {
        cache.remove(subdomain);
    }

    void evictAll() {
        cache.clear();
    }
}
