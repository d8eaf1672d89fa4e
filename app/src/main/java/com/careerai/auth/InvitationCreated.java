package com.careerai.auth;

/** Published after an invitation is stored; {@link InvitationMailListener} emails the invitation. */
public record InvitationCreated(long universityId, long invitationId, String email, Role role) {}
