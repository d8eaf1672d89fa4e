package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An invitation of an email to a role in one university, accepted at that email's first sign-in. */
@MappedEntity("invitations")
public record Invitation(
        @Id @GeneratedValue Long id,
        long universityId,
        String email,
        Role role,
        String invitedBy,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable @DateCreated Instant createdAt) {

    public boolean isPending(Instant now) {
        return acceptedAt == null && expiresAt.isAfter(now);
    }
}
