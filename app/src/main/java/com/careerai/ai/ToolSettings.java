package com.careerai.ai;

import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.UniversityScope;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which tools a university offers. Disabled tools are hidden from pages and the API, and refused.
 *
 * <p>Every run start and tools page asks which tools are switched off, so each node keeps the
 * answer per university for {@code careerai.ai.tool-settings-ttl} (ADR 0041). A switch made on this
 * node takes effect here as soon as it commits; another node sees it within that time. Only an
 * answer read while bound to that same university is kept: read unbound (or bound elsewhere), the
 * tenant wall shows no rows, which must never be remembered as "nothing switched off".
 */
@Singleton
public class ToolSettings {
    /** A change of the university's switched-off tools, published in its transaction. */
    record Changed(long universityId) {}

    private record Entry(Set<String> disabled, long expiresAtNanos) {}

    private final ToolSettingsStore store;
    private final ToolCatalog catalog;
    private final AuditLog audit;
    private final ApplicationEventPublisher<Changed> changes;
    private final long ttlNanos;
    private final ConcurrentMap<Long, Entry> cache = new ConcurrentHashMap<>();
    /** Moves on every eviction, so that an answer read before a change is not kept after it. */
    private final AtomicLong evictions = new AtomicLong();

    ToolSettings(
            ToolSettingsStore store,
            ToolCatalog catalog,
            AuditLog audit,
            ApplicationEventPublisher<Changed> changes,
            AiConfiguration configuration) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.changes = changes;
        this.ttlNanos = Math.max(0, configuration.getToolSettingsTtl().toNanos());
    }

    /** The tools enabled in the university, in catalogue order. */
    public List<AiTool> enabled(long universityId) {
        Set<String> disabled = disabled(universityId);
        return catalog.all().stream()
                .filter(tool -> !disabled.contains(tool.slug()))
                .toList();
    }

    /** The tool if it exists and is enabled in the university; 404 otherwise (saying which). */
    public AiTool require(long universityId, String slug) {
        AiTool tool = catalog.require(slug);
        if (disabled(universityId).contains(slug)) {
            throw new ToolSwitchedOffException(tool);
        }
        return tool;
    }

    /** The slugs switched off in the university (unmodifiable). */
    public Set<String> disabled(long universityId) {
        boolean boundToIt = UniversityScope.current()
                .map(scope -> scope.universityId() == universityId)
                .orElse(false);
        if (ttlNanos == 0 || !boundToIt) {
            return store.disabled(universityId);
        }
        long now = System.nanoTime();
        Entry cached = cache.get(universityId);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.disabled();
        }
        long before = evictions.get();
        Entry fresh = new Entry(store.disabled(universityId), now + ttlNanos);
        cache.put(universityId, fresh);
        if (evictions.get() != before) {
            cache.remove(universityId, fresh); // read before a change that committed meanwhile
        }
        return fresh.disabled();
    }

    @Transactional
    public void setEnabled(long universityId, String slug, boolean enabled, String actor) {
        catalog.require(slug);
        store.setEnabled(universityId, slug, enabled);
        audit.record(universityId, actor, enabled ? "tool.enabled" : "tool.disabled", Map.of("tool", slug));
        changes.publishEvent(new Changed(universityId));
    }

    /** Forgets this node's answer for the university ({@link ToolSettingsEviction}, after the commit). */
    void evict(long universityId) {
        evictions.incrementAndGet();
        cache.remove(universityId);
    }
}
