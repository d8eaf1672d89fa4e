package com.careerai.inbox;

import com.careerai.notifications.NoticeKind;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One entry of a user's inbox. */
public record Notification(
        long id,
        long userId,
        NoticeKind kind,
        String title,
        String body,
        @Nullable String link,
        boolean important,
        @Nullable Long announcementId,
        boolean emailed,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
