package com.careerai.auth;

/** Published inside the transaction that stores an invitation; the invitation email is queued in it. */
public record InvitationCreated(long universityId, long invitationId, String email, Role role) {}
