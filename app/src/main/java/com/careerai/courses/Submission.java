package com.careerai.courses;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** One attempt of a student at an assignment, with its grade once graded ({@code gradedAt} set). */
public record Submission(
        long universityId,
        long id,
        long assignmentId,
        long userId,
        int attempt,
        @Nullable String body,
        @Nullable String fileKey,
        @Nullable String fileName,
        @Nullable String fileType,
        @Nullable Long fileSize,
        boolean late,
        Instant submittedAt,
        @Nullable Integer score,
        @Nullable String feedback,
        @Nullable Instant gradedAt) {

    boolean graded() {
        return gradedAt != null;
    }
}
