package com.careerai.auth;

/** Published once, inside the transaction that creates a user at their first sign-in. */
public record UserSignedUp(long universityId, long userId, Role role) {}
