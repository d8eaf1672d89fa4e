package com.careerai.analytics;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditFilter;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log as staff read it: pages of entries with the actor's name beside the raw actor,
 * and the CSV export. Reads go through {@link AuditLog} (platform owns the table).
 */
@Singleton
class AuditTrail {
    static final int PAGE_SIZE = 50;
    /** The export's bound: far beyond a university's year of staff actions; a narrower filter gets the rest. */
    static final int MAX_EXPORT_ROWS = 100_000;

    private static final int EXPORT_CHUNK = 1_000;

    @Serdeable
    record Entry(
            long id,
            Instant at,
            String actor,
            String actorName,
            String action,
            Map<String, Object> details,
            @io.micronaut.core.annotation.Nullable String clientAddress) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty page still lists "entries": []
    record Page(List<Entry> entries, long total, int page, int pages, int pageSize) {}

    private final AuditLog log;
    private final UserAccounts users;
    private final PageReads reads;

    AuditTrail(AuditLog log, UserAccounts users, PageReads reads) {
        this.log = log;
        this.users = users;
        this.reads = reads;
    }

    /**
     * What {@link #page} and {@link #actions} read before the actors' names, for a page to send ahead with the
     * header's reads in one round trip (ADR 0076): the filter's actions, the count and the page of entries.
     */
    List<PageRead<?>> pageReads(long universityId, AuditFilter filter, int requestedPage) {
        int page = Paging.page(requestedPage);
        return List.of(
                log.actionsRead(universityId),
                log.countRead(universityId, filter),
                log.searchRead(universityId, filter, Paging.offset(page, PAGE_SIZE), PAGE_SIZE));
    }

    /** A page of entries with their actors' names: the count and the page in one round trip, the names in one. */
    Page page(long universityId, AuditFilter filter, int requestedPage) {
        int page = Paging.page(requestedPage);
        PageRead<Long> count = log.countRead(universityId, filter);
        PageRead<List<AuditEntry>> search =
                log.searchRead(universityId, filter, Paging.offset(page, PAGE_SIZE), PAGE_SIZE);
        reads.prefetch(List.of(count, search));
        long total = reads.read(count);
        List<Entry> entries = named(universityId, reads.read(search));
        int pages = Paging.pages(total, PAGE_SIZE);
        return new Page(entries, total, page, pages, PAGE_SIZE);
    }

    List<String> actions(long universityId) {
        return reads.read(log.actionsRead(universityId));
    }

    String csv(long universityId, AuditFilter filter) {
        StringBuilder csv = new StringBuilder(
                Csv.row(List.of("id", "at_utc", "actor", "actor_name", "action", "details", "client_address")));
        for (long offset = 0; offset < MAX_EXPORT_ROWS; offset += EXPORT_CHUNK) {
            List<AuditEntry> chunk = log.search(universityId, filter, offset, EXPORT_CHUNK);
            for (Entry entry : named(universityId, chunk)) {
                csv.append(Csv.row(List.of(
                        entry.id(),
                        entry.at().toString(),
                        entry.actor(),
                        entry.actorName(),
                        entry.action(),
                        describe(entry.details()),
                        entry.clientAddress() == null ? "" : entry.clientAddress())));
            }
            if (chunk.size() < EXPORT_CHUNK) {
                break;
            }
        }
        return csv.toString();
    }

    /** Details as "key: value; key: value" in key order, for a table cell or a CSV cell. */
    static String describe(Map<String, Object> details) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(details).forEach((key, value) -> text.append(text.isEmpty() ? "" : "; ")
                .append(key)
                .append(": ")
                .append(value));
        return text.toString();
    }

    private List<Entry> named(long universityId, List<AuditEntry> entries) {
        List<Long> ids = entries.stream()
                .map(AuditEntry::actor)
                .filter(actor -> actor.startsWith("user:"))
                .map(actor -> parseId(actor.substring(5)))
                .filter(id -> id > 0)
                .distinct()
                .toList();
        Map<String, String> names = new HashMap<>();
        for (User user : users.findAllOnce(universityId, ids).values()) {
            names.put("user:" + user.id(), user.displayName() + " <" + user.email() + ">");
        }
        return entries.stream()
                .map(entry -> new Entry(
                        entry.id(),
                        entry.createdAt(),
                        entry.actor(),
                        names.getOrDefault(entry.actor(), readable(entry.actor())),
                        entry.action(),
                        entry.details(),
                        entry.clientAddress()))
                .toList();
    }

    private static String readable(String actor) {
        if (actor.startsWith("operator:")) {
            return "Platform operator " + actor.substring("operator:".length());
        }
        return actor.equals("system") ? "CareerAI (automatic)" : actor;
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
