package com.careerai.platform.outbox;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A test event whose one listener can handle it in the recording transaction
 * ({@code TestListeners.InRecording}); {@code there} says what that listener does there: {@code
 * handles}, {@code declines}, {@code throws} (after writing its effect) or {@code breaks} (a failing
 * statement after its effect, which aborts the database transaction until the savepoint is rolled back).
 */
@Serdeable
public record ThingNoted(String name, String there) {}
