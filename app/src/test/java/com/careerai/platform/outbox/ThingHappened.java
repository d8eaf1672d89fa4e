package com.careerai.platform.outbox;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A test event. {@code failures} makes the flaky listener throw that many times before it succeeds.
 */
@Serdeable
public record ThingHappened(String name, int failures) {}
