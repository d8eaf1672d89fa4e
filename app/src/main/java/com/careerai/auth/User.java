package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Optional;

/**
 * A person of one university. The table's key is (university_id, id); id alone is never looked up.
 *
 * @param pro whether the person holds an active plan: billing keeps the flag with the subscriptions
 *     ({@link UserAccounts#setPro}), and it comes with the row every signed-in request has, so a page
 *     learns that a student has no plan without asking billing
 */
@Serdeable
@MappedEntity("users")
public record User(
        @Id @GeneratedValue Long id,
        long universityId,
        String email,
        @Nullable String name,
        Role role,
        boolean emailVerified,
        @Nullable String googleId,
        @Nullable @DateCreated Instant createdAt,
        @Nullable Instant lastSignInAt,
        @Nullable Instant deactivatedAt,
        @Nullable Instant erasureScheduledAt,
        @MappedProperty("is_pro") boolean pro) {

    /** A new, not yet saved user. */
    public static User newUser(long universityId, String email, @Nullable String name, Role role) {
        return new User(null, universityId, email, name, role, false, null, null, null, null, null, false);
    }

    /** Whether staff have not deactivated this person (a deactivated person cannot sign in). */
    public boolean active() {
        return deactivatedAt == null;
    }

    /**
     * When the person's account is to be erased, while they have asked for that and the grace runs
     * (the privacy feature keeps it here through {@link UserAccounts#markErasureScheduled}, ADR 0042, so
     * every page's banner reads it with the row).
     */
    public Optional<Instant> erasureScheduled() {
        return Optional.ofNullable(erasureScheduledAt);
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : email.substring(0, email.indexOf('@'));
    }
}
