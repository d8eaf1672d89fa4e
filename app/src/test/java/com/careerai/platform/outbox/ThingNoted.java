package com.careerai.platform.outbox;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A test event whose one listener runs in the recording transaction ({@code TestListeners.InRecording});
 * {@code failures} makes it throw that many times before it succeeds.
 */
@Serdeable
public record ThingNoted(String name, int failures) {}
