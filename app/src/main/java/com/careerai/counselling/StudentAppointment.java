package com.careerai.counselling;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** One of a student's appointments as staff see it on the student's page. */
@Serdeable
public record StudentAppointment(
        UUID id, String session, String counsellor, Instant startsAt, Instant endsAt, String status, int chargedGold) {}
