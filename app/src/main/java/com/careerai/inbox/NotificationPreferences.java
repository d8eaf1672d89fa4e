package com.careerai.inbox;

import com.careerai.notifications.NoticeKind;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each user's choice per kind: in the app only, or in the app and by email. Until a user chooses,
 * the kind's default holds: email for bookings, payments, support tickets and announcements (things
 * people act on); in the app only for AI runs, resources and courses (frequent, seen in the app
 * anyway). Sign-in codes are no notification: they are always emailed.
 */
@Singleton
public class NotificationPreferences {
    private static final Set<NoticeKind> EMAIL_BY_DEFAULT =
            Set.of(NoticeKind.BOOKING, NoticeKind.PAYMENT, NoticeKind.TICKET, NoticeKind.ANNOUNCEMENT);

    private final PreferenceStore store;

    NotificationPreferences(PreferenceStore store) {
        this.store = store;
    }

    public static Delivery defaultFor(NoticeKind kind) {
        return EMAIL_BY_DEFAULT.contains(kind) ? Delivery.IN_APP_AND_EMAIL : Delivery.IN_APP;
    }

    /** Every kind with the user's choice or its default, in the kinds' order. */
    @Transactional(readOnly = true)
    public Map<NoticeKind, Delivery> of(long universityId, long userId) {
        Map<String, Boolean> choices = store.choices(universityId, userId);
        Map<NoticeKind, Delivery> preferences = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            Boolean email = choices.get(kind.name());
            preferences.put(
                    kind, email == null ? defaultFor(kind) : (email ? Delivery.IN_APP_AND_EMAIL : Delivery.IN_APP));
        }
        return preferences;
    }

    /** Saves the given choices (kinds left out keep theirs); returns every kind's preference. */
    @Transactional
    public Map<NoticeKind, Delivery> change(long universityId, long userId, Map<NoticeKind, Delivery> changes) {
        changes.forEach((kind, delivery) -> store.save(universityId, userId, kind.name(), delivery.email()));
        return of(universityId, userId);
    }

    /** Whether the user wants {@code kind} by email. */
    @Transactional(readOnly = true)
    public boolean wantsEmail(long universityId, long userId, NoticeKind kind) {
        return of(universityId, userId).get(kind).email();
    }

    /** Those of {@code userIds} who want {@code kind} by email, in their order (one query). */
    @Transactional(readOnly = true)
    public List<Long> wantingEmail(long universityId, Collection<Long> userIds, NoticeKind kind) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        boolean byDefault = defaultFor(kind).email();
        Set<Long> exceptions = store.choosing(universityId, userIds, kind.name(), !byDefault);
        return new LinkedHashSet<>(userIds)
                .stream().filter(id -> exceptions.contains(id) != byDefault).toList();
    }
}
