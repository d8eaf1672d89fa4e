package com.careerai.auth;

/** Published after an invitation is stored; the mail feature sends the invitation email. */
public record InvitationCreated(long universityId, long invitationId, String email, Role role) {}
