package com.careerai.resources;

import com.careerai.interests.Interest;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A shared resource of one university.
 *
 * @param url the address of a link or video (null for files)
 * @param storageKey where the file is stored (null for links)
 * @param fileName the server-generated name a download is saved under
 * @param downloads how many times it was downloaded (shown to its uploader and staff)
 */
public record Resource(
        long universityId,
        long id,
        long uploaderId,
        String uploaderName,
        String title,
        String description,
        ResourceKind kind,
        ResourceAccess access,
        ResourceStatus status,
        @Nullable String url,
        @Nullable String storageKey,
        @Nullable String contentType,
        @Nullable Long fileSize,
        @Nullable String fileName,
        @Nullable String rejectionReason,
        long downloads,
        Instant createdAt,
        List<Interest> interests) {

    Resource withInterests(List<Interest> tagged) {
        return new Resource(
                universityId,
                id,
                uploaderId,
                uploaderName,
                title,
                description,
                kind,
                access,
                status,
                url,
                storageKey,
                contentType,
                fileSize,
                fileName,
                rejectionReason,
                downloads,
                createdAt,
                List.copyOf(tagged));
    }

    public boolean premium() {
        return access == ResourceAccess.PREMIUM;
    }
}
