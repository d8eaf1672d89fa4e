package com.careerai.profile;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One of a student's saved resumes: a name they chose and the text (pasted, or a PDF's text). */
@Serdeable
public record SavedResume(long id, String name, String text, boolean isDefault, Instant createdAt, Instant updatedAt) {}
