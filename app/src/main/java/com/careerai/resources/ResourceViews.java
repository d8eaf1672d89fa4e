package com.careerai.resources;

import com.careerai.auth.SignedInUser;
import com.careerai.interests.Interest;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The JSON shapes of the resources API. */
final class ResourceViews {
    private ResourceViews() {}

    /**
     * One resource as the caller may see it: {@code url} only for an open link, {@code downloads}
     * only for its uploader and staff, {@code unlockedBy} the plans that open a locked one.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResourceView(
            long id,
            String title,
            String description,
            String type,
            String access,
            String status,
            boolean locked,
            List<String> unlockedBy,
            List<Interest> interests,
            String sharedBy,
            @Nullable Long downloads,
            String createdAt,
            @Nullable String fileName,
            @Nullable Long size,
            @Nullable String url,
            String downloadUrl,
            @Nullable String rejectionReason) {

        static ResourceView of(Resource resource, SignedInUser viewer, boolean locked, List<String> plans) {
            boolean owner = viewer.isStaff() || resource.uploaderId() == viewer.userId();
            return new ResourceView(
                    resource.id(),
                    resource.title(),
                    resource.description(),
                    resource.kind().slug(),
                    resource.access().name().toLowerCase(java.util.Locale.ROOT),
                    resource.status().name().toLowerCase(java.util.Locale.ROOT),
                    locked,
                    locked ? plans : List.of(),
                    resource.interests(),
                    resource.uploaderName(),
                    owner ? resource.downloads() : null,
                    resource.createdAt().toString(),
                    resource.fileName(),
                    resource.fileSize(),
                    locked ? null : resource.url(),
                    "/api/v1/resources/" + resource.id() + "/download",
                    owner ? resource.rejectionReason() : null);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResourceListView(List<ResourceView> resources, int page, int pages, long total) {}
}
