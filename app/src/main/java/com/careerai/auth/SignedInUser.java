package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Who made the request: bound to controller arguments annotated {@link CurrentUser}. Always of
 * the request's university (a session of another university is never accepted).
 */
@Serdeable
public record SignedInUser(
        long universityId, long userId, String email, @Nullable String name, Role role, boolean emailVerified) {

    public static SignedInUser of(User user) {
        return new SignedInUser(
                user.universityId(), user.id(), user.email(), user.name(), user.role(), user.emailVerified());
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : email.substring(0, email.indexOf('@'));
    }

    public boolean isStaff() {
        return role == Role.STAFF;
    }
}
