package com.careerai.notifications;

import com.careerai.platform.outbox.Outbox;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * How features notify a user: in the transaction of the change the notice is about, so a rolled
 * back booking never notifies. The notice travels through the outbox to the user's inbox (and to
 * their email when it is important and their preference for its kind says so), exactly once.
 */
@Singleton
public class Notifications {
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;

    private final Outbox outbox;

    Notifications(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Publishes {@code notice} to one user of the university; returns the event's id.
     *
     * @throws IllegalArgumentException when the title is blank or the texts are too long (a bug in
     *     the caller, not a user input)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID publish(long universityId, long userId, Notice notice) {
        if (notice.title() == null || notice.title().isBlank() || notice.title().length() > MAX_TITLE) {
            throw new IllegalArgumentException("a notice needs a title of 1–" + MAX_TITLE + " characters");
        }
        if (notice.body() != null && notice.body().length() > MAX_BODY) {
            throw new IllegalArgumentException("a notice body is at most " + MAX_BODY + " characters");
        }
        return outbox.record(universityId, new NoticePublished(userId, notice));
    }
}
