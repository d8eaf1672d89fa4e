package com.careerai.courses;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A link or a file the instructor added to one session or one assignment of a batch. */
record Material(
        long universityId,
        long id,
        long batchId,
        @Nullable Long sessionId,
        @Nullable Long assignmentId,
        String title,
        @Nullable String url,
        @Nullable String fileKey,
        @Nullable String fileName,
        @Nullable String fileType,
        @Nullable Long fileSize,
        Instant createdAt) {

    boolean isFile() {
        return fileKey != null;
    }

    /** Where a viewer opens it: the link itself, or our download route for a file. */
    String href() {
        return isFile() ? "/materials/" + id + "/file" : url;
    }
}
