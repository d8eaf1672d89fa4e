package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A person of the university as staff pages list them. */
@Serdeable
public record Person(
        long id,
        String email,
        @Nullable String name,
        Role role,
        Instant createdAt,
        @Nullable Instant lastSignInAt,
        @Nullable Instant deactivatedAt,
        boolean pro) {

    public boolean active() {
        return deactivatedAt == null;
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : email.substring(0, email.indexOf('@'));
    }
}
