package com.careerai.interests;

import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.RequestMemo;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A university's career interest categories and its students' choices. Staff add, rename and
 * retire categories (audited); students pick among the offered ones; other features tag their
 * content with interest ids and ask here who is interested in what.
 */
@Singleton
public class Interests {
    /** Most interests a student may pick; keeps recommendations meaningful and the form short. */
    public static final int MAX_CHOICES = 10;

    private static final int MAX_NAME = 60;

    private final InterestStore store;
    private final PageReads reads;
    private final AuditLog auditLog;

    Interests(InterestStore store, PageReads reads, AuditLog auditLog) {
        this.store = store;
        this.reads = reads;
        this.auditLog = auditLog;
    }

    /** Every category, offered ones first, retired ones after (for staff and for history). */
    public List<Interest> all(long universityId) {
        return reads.read(store.allRead(universityId));
    }

    /**
     * What {@link #all} reads, for a page to read ahead with others (ADR 0076): a university's categories
     * are a short list staff keep, so a page may read them all in the round trip it makes anyway rather
     * than the few it needs in one more after.
     */
    public PageRead<List<Interest>> allRead(long universityId) {
        return store.allRead(universityId);
    }

    /**
     * The categories students may pick today: from {@link #allRead} when the page sent it ahead, else in
     * one read of its own (joining the caller's transaction when there is one).
     */
    public List<Interest> offered(long universityId) {
        return reads.read(store.allRead(universityId)).stream()
                .filter(interest -> !interest.retired())
                .toList();
    }

    /** The categories with these ids (retired ones included), ignoring ids of no category here. */
    @Connectable
    public List<Interest> byIds(long universityId, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : store.byIds(universityId, ids);
    }

    /**
     * The ids among {@code ids} that name offered categories of this university.
     *
     * @throws InterestException when one does not (field {@code interests})
     */
    @Transactional(readOnly = true)
    public Set<Long> requireOffered(long universityId, Collection<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        long offered = byIds(universityId, wanted).stream()
                .filter(interest -> !interest.retired())
                .count();
        if (offered != wanted.size()) {
            throw new InterestException("interests", "Choose among the interests offered.");
        }
        return wanted;
    }

    @Transactional
    public Interest add(long universityId, String name, String actor) {
        String clean = validName(universityId, name, 0);
        Interest added = store.insert(universityId, clean);
        auditLog.record(universityId, actor, "interest.added", Map.of("interest", added.id(), "name", clean));
        return added;
    }

    @Transactional
    public Interest rename(long universityId, long id, String name, String actor) {
        Interest before = existing(universityId, id);
        String clean = validName(universityId, name, id);
        store.rename(universityId, id, clean);
        auditLog.record(
                universityId,
                actor,
                "interest.renamed",
                Map.of("interest", id, "before", before.name(), "after", clean));
        return new Interest(id, clean, before.retired());
    }

    /** Stops offering the category; students who picked it keep it on their history. */
    @Transactional
    public void retire(long universityId, long id, String actor) {
        Interest before = existing(universityId, id);
        if (!before.retired()) {
            store.retire(universityId, id);
            auditLog.record(universityId, actor, "interest.retired", Map.of("interest", id, "name", before.name()));
        }
    }

    /**
     * The user's picks, retired ones included (shown as such); read once per page request, which
     * several home panels ask (issue 19), and from the user's snapshot in Redis when one is kept (ADR
     * 0067: then without a connection).
     */
    public List<Interest> ofUser(long universityId, long userId) {
        return RequestMemo.of(
                "interests.of:" + universityId + ":" + userId, () -> List.copyOf(store.ofUser(universityId, userId)));
    }

    /** Sets the user's picks among the offered categories; picks of retired categories are kept. */
    @Transactional
    public List<Interest> choose(long universityId, long userId, Collection<Long> interestIds) {
        if (new LinkedHashSet<>(interestIds).size() > MAX_CHOICES) {
            throw new InterestException("interests", "Pick at most " + MAX_CHOICES + " interests.");
        }
        store.replaceChoices(universityId, userId, requireOffered(universityId, interestIds));
        return store.ofUser(universityId, userId);
    }

    /**
     * One page of the ids of users who picked at least one of the interests, ascending; pass the
     * last id of a page as {@code afterUserId} for the next (0 for the first).
     */
    @Transactional(readOnly = true)
    public List<Long> usersInterestedInAny(
            long universityId, Collection<Long> interestIds, long afterUserId, int limit) {
        return interestIds.isEmpty() ? List.of() : store.usersWithAny(universityId, interestIds, afterUserId, limit);
    }

    /** Offered interests with how many students picked each, most popular first. */
    public List<InterestPopularity> popularity(long universityId) {
        return reads.read(popularityRead(universityId));
    }

    /** What {@link #popularity} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<InterestPopularity>> popularityRead(long universityId) {
        return store.popularityRead(universityId);
    }

    private Interest existing(long universityId, long id) {
        return store.find(universityId, id)
                .orElseThrow(() -> new InterestException("interest", "No such interest at this university."));
    }

    private String validName(long universityId, String name, long exceptId) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new InterestException("name", "Enter a name.");
        }
        if (clean.length() > MAX_NAME) {
            throw new InterestException("name", "Keep the name under " + MAX_NAME + " characters.");
        }
        if (store.nameTaken(universityId, clean, exceptId)) {
            throw new InterestException("name", "There is already an interest called " + clean + ".");
        }
        return clean;
    }
}
