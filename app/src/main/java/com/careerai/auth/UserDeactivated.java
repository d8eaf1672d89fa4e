package com.careerai.auth;

/**
 * Published inside the transaction that deactivates a person; their sessions end with it
 * ({@code auth.session} listens), so a deactivated person is signed out everywhere at once.
 */
public record UserDeactivated(long universityId, long userId) {}
