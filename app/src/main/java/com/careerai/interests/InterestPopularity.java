package com.careerai.interests;

import io.micronaut.serde.annotation.Serdeable;

/** An offered interest and how many students picked it. */
@Serdeable
public record InterestPopularity(Interest interest, long students) {}
