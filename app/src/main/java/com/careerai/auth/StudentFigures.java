package com.careerai.auth;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A university's students in numbers, since a moment (the staff home uses the last 7 days).
 *
 * @param total every student
 * @param joined students who signed up since
 * @param active students who signed in since
 * @param deactivated students whose accounts are deactivated
 */
@Serdeable
public record StudentFigures(long total, long joined, long active, long deactivated) {}
