package com.careerai.inbox;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.RequestMemo;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A user's in-app notifications: pages newest first, the unread count the bell shows, marking one
 * or all read. Every method takes the university and the user: an entry of anyone else is absent.
 */
@Singleton
public class Inbox {
    public static final int PAGE_SIZE = 20;

    private final InboxStore store;
    private final PageReads reads;

    Inbox(InboxStore store, PageReads reads) {
        this.store = store;
        this.reads = reads;
    }

    /**
     * Page {@code page} (from 1) of the user's entries, or of the unread ones only, with how many are unread:
     * two statements in one round trip, none when a page sent them ahead ({@link #pageReads}).
     */
    public InboxPage page(long universityId, long userId, boolean unreadOnly, int page) {
        int current = Math.max(1, page);
        reads.prefetch(pageReads(universityId, userId, unreadOnly, current));
        List<Notification> rows = reads.read(rowsRead(universityId, userId, unreadOnly, current));
        boolean more = rows.size() > PAGE_SIZE;
        return new InboxPage(
                more ? rows.subList(0, PAGE_SIZE) : rows, current, PAGE_SIZE, more, unread(universityId, userId));
    }

    /** What {@link #page} reads, for a page to read ahead with others (ADR 0076): the rows and the count. */
    public List<PageRead<?>> pageReads(long universityId, long userId, boolean unreadOnly, int page) {
        return List.of(
                rowsRead(universityId, userId, unreadOnly, Math.max(1, page)), InboxStore.unread(universityId, userId));
    }

    /** Page {@code current}'s rows and one more (whether there is a next page). */
    private static PageRead<List<Notification>> rowsRead(
            long universityId, long userId, boolean unreadOnly, int current) {
        return InboxStore.pageRead(universityId, userId, unreadOnly, PAGE_SIZE + 1, (long) (current - 1) * PAGE_SIZE);
    }

    /**
     * The newest {@code limit} unread entries and how many are unread, in one statement (the home's
     * panel); the bell of the same page then reuses the count instead of counting again (issue 19).
     */
    public InboxPage newestUnread(long universityId, long userId, int limit) {
        InboxStore.Unread unread = reads.read(store.newestUnread(universityId, userId, limit));
        long count = RequestMemo.of(InboxStore.unreadKey(universityId, userId), unread::count);
        return new InboxPage(unread.newest(), 1, limit, count > unread.newest().size(), count);
    }

    /** What {@link #newestUnread} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<?> newestUnreadRead(long universityId, long userId, int limit) {
        return store.newestUnread(universityId, userId, limit);
    }

    /** The bell's figure: one indexed count. */
    public long unread(long universityId, long userId) {
        // The bell and the home's notifications panel show it on the same page: one count per request.
        return reads.readOnce(InboxStore.unread(universityId, userId));
    }

    /** What {@link #unread} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Long> unreadRead(long universityId, long userId) {
        return InboxStore.unread(universityId, userId);
    }

    /** Marks one entry read (again is harmless) and returns it; 404 when it is not the user's. */
    @Transactional
    public Notification markRead(long universityId, long userId, long id) {
        if (!store.markRead(universityId, userId, id)) {
            throw InboxException.notFound();
        }
        return store.find(universityId, userId, id).orElseThrow(InboxException::notFound);
    }

    /** Marks every unread entry of the user read; how many were unread. */
    @Transactional
    public int markAllRead(long universityId, long userId) {
        return store.markAllRead(universityId, userId);
    }
}
