package com.careerai.notifications;

import io.micronaut.serde.annotation.Serdeable;

/** A feature published a notice for a user ({@link Notifications#publish}); the inbox stores it once. */
@Serdeable
public record NoticePublished(long userId, Notice notice) {}
