package com.careerai.leads;

import io.micronaut.core.annotation.Nullable;

/**
 * An inquiry as a visitor sent it, after trimming (the phone still as typed).
 *
 * @param courseTitle filled from {@code courses.CourseOffers} when {@code courseId} names a public course
 */
record Inquiry(
        String name,
        String email,
        String phone,
        @Nullable String interest,
        @Nullable Long courseId,
        @Nullable String courseTitle,
        @Nullable String message,
        boolean consent) {}
