package com.careerai.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One in-app notification for one user.
 *
 * @param kind what it is about (the user's email preference is per kind)
 * @param title one line, plain text
 * @param body plain text, may be empty
 * @param link a path on the university's site to open, or null
 * @param important whether it also goes by email when the user's preference for the kind allows
 */
@Serdeable
public record Notice(NoticeKind kind, String title, String body, @Nullable String link, boolean important) {}
