package com.careerai.inbox;

import com.careerai.auth.SignedInUser;
import com.careerai.courses.Cohorts;
import com.careerai.interests.InterestException;
import com.careerai.interests.Interests;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Staff announcements: written as a draft, then sent now or scheduled (a JobRunr job at that time),
 * cancellable back to a draft until the sender starts. Title and body are plain text, checked here
 * and shown escaped; nothing in them is ever evaluated.
 */
@Singleton
public class Announcements {
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;
    static final int PAGE_SIZE = 20;

    private final AnnouncementStore store;
    private final Interests interests;
    private final AuditLog auditLog;
    private final JobRequestScheduler scheduler;
    private final TransactionOperations<Connection> transactions;
    private final Cohorts cohorts;
    private final PageReads reads;

    Announcements(
            AnnouncementStore store,
            Interests interests,
            AuditLog auditLog,
            JobRequestScheduler scheduler,
            TransactionOperations<Connection> transactions,
            Cohorts cohorts,
            PageReads reads) {
        this.cohorts = cohorts;
        this.reads = reads;
        this.store = store;
        this.interests = interests;
        this.auditLog = auditLog;
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    /** What staff write. */
    public record Draft(
            String title,
            String body,
            Announcement.Audience audience,
            List<Long> interestIds,
            @io.micronaut.core.annotation.Nullable Long batchId) {

        /** A draft to all students or to students with some interests. */
        public Draft(String title, String body, Announcement.Audience audience, List<Long> interestIds) {
            this(title, body, audience, interestIds, null);
        }
    }

    /** An announcement with how many of its recipients have read it. */
    public record Progress(Announcement announcement, long read) {}

    /**
     * Saves a draft.
     *
     * @throws InboxException 422 naming the fields to fix
     */
    public Announcement create(SignedInUser staff, Draft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = draft.title() == null ? "" : draft.title().strip();
        String body = draft.body() == null ? "" : draft.body().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            problems.put("title", "Give a title of 1 to " + MAX_TITLE + " characters.");
        } else if (PlainText.hasControlCharacters(title) || title.contains("\n")) {
            problems.put("title", "Keep the title to one line of plain text.");
        }
        if (body.isEmpty() || body.length() > MAX_BODY) {
            problems.put("body", "Write the announcement in 1 to " + MAX_BODY + " characters.");
        } else if (PlainText.hasControlCharacters(body)) {
            problems.put("body", "Remove the control characters from the text.");
        }
        List<Long> interestIds = draft.interestIds() == null ? List.of() : List.copyOf(draft.interestIds());
        if (draft.audience() == null) {
            problems.put("audience", "Choose who receives it.");
        } else if (draft.audience() == Announcement.Audience.INTERESTS) {
            if (interestIds.isEmpty()) {
                problems.put("interests", "Choose at least one interest.");
            } else {
                try {
                    interests.requireOffered(staff.universityId(), interestIds);
                } catch (InterestException e) {
                    problems.put("interests", e.getMessage());
                }
            }
        } else if (draft.audience() == Announcement.Audience.COHORT
                && (draft.batchId() == null || !cohorts.exists(staff.universityId(), draft.batchId()))) {
            problems.put("cohort", "Choose one of the university's cohorts.");
        }
        if (!problems.isEmpty()) {
            throw InboxException.invalid(problems);
        }
        List<Long> audienceInterests = draft.audience() == Announcement.Audience.INTERESTS ? interestIds : List.of();
        return transactions.executeWrite(status -> {
            long id = store.insert(
                    staff.universityId(),
                    title,
                    body,
                    draft.audience(),
                    audienceInterests,
                    draft.audience() == Announcement.Audience.COHORT ? draft.batchId() : null,
                    staff.userId());
            auditLog.record(
                    staff.universityId(),
                    "user:" + staff.userId(),
                    "announcement.created",
                    Map.of("announcement", id, "audience", draft.audience().name()));
            return store.find(staff.universityId(), id).orElseThrow();
        });
    }

    /** Schedules a draft for {@code at} (now or later); 409 when it is not a draft. */
    public Announcement schedule(SignedInUser staff, long id, Instant at) {
        long universityId = staff.universityId();
        Instant sendAt = at.truncatedTo(ChronoUnit.MILLIS);
        return transactions.executeWrite(status -> {
            store.lock(universityId, id).orElseThrow(InboxException::announcementNotFound);
            if (!store.schedule(universityId, id, sendAt)) {
                throw InboxException.conflict(
                        "not_a_draft", "Only a draft can be sent or scheduled; this one is already on its way.");
            }
            // JobRunr does not join this transaction: a job of a rolled-back schedule finds the
            // announcement not due and does nothing.
            scheduler.schedule(
                    SendAnnouncementJobRequest.jobId(universityId, id, sendAt),
                    sendAt,
                    new SendAnnouncementJobRequest(universityId, id, sendAt.toEpochMilli()));
            auditLog.record(
                    universityId,
                    "user:" + staff.userId(),
                    "announcement.scheduled",
                    Map.of("announcement", id, "sendAt", sendAt.toString()));
            return store.find(universityId, id).orElseThrow();
        });
    }

    /** Cancels a scheduled announcement back to a draft; 409 once the sender has started. */
    public Announcement cancel(SignedInUser staff, long id) {
        long universityId = staff.universityId();
        Announcement cancelled = transactions.executeWrite(status -> {
            Announcement announcement = store.lock(universityId, id).orElseThrow(InboxException::announcementNotFound);
            if (!store.unschedule(universityId, id)) {
                throw InboxException.conflict(
                        "not_scheduled", "Only a scheduled announcement that has not started can be cancelled.");
            }
            auditLog.record(
                    universityId, "user:" + staff.userId(), "announcement.cancelled", Map.of("announcement", id));
            return announcement;
        });
        try {
            scheduler.delete(SendAnnouncementJobRequest.jobId(universityId, id, cancelled.sendAt()));
        } catch (RuntimeException e) {
            // already gone: the job would find the announcement a draft and do nothing anyway
        }
        return transactions.executeRead(status -> store.find(universityId, id).orElseThrow());
    }

    public Optional<Progress> find(long universityId, long id) {
        reads.prefetch(findReads(universityId, id));
        return reads.read(AnnouncementStore.findRead(universityId, id))
                .map(a -> new Progress(a, reads.read(InboxStore.readCountRead(universityId, id))));
    }

    /**
     * What {@link #find} reads — the announcement, how many read it — for a page to send with the header's
     * reads in one round trip (ADR 0076); they were a read transaction of two statements.
     */
    public List<PageRead<?>> findReads(long universityId, long id) {
        return List.of(AnnouncementStore.findRead(universityId, id), InboxStore.readCountRead(universityId, id));
    }

    /**
     * Page {@code page} (from 1), newest first, with how many have read each; one more than the page size
     * tells that more follow. One statement.
     */
    public List<Progress> newest(long universityId, int page) {
        return reads.read(newestRead(universityId, page));
    }

    /** What {@link #newest} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<Progress>> newestRead(long universityId, int page) {
        int current = Math.max(1, page);
        return AnnouncementStore.newestRead(universityId, PAGE_SIZE + 1, (long) (current - 1) * PAGE_SIZE);
    }
}
