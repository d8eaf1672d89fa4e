package com.careerai.resources;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Query and form parameters of the resources pages and API, parsed once for both. */
final class ResourceFilters {
    static final int MAX_QUERY = 200;

    private ResourceFilters() {}

    static ResourceStore.Filter parse(@Nullable String interest, @Nullable String type, @Nullable String q) {
        Long interestId = null;
        if (interest != null && !interest.isBlank()) {
            try {
                interestId = Long.valueOf(interest.strip());
            } catch (NumberFormatException e) {
                throw ResourceException.invalid("interest", "Choose an interest from the list.");
            }
        }
        ResourceKind kind = null;
        if (type != null && !type.isBlank()) {
            kind = ResourceKind.fromSlug(type)
                    .orElseThrow(() -> ResourceException.invalid(
                            "type", "Choose a type: pdf, docx, pptx, xlsx, image, link or video."));
        }
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw ResourceException.invalid("q", "Keep the search under " + MAX_QUERY + " characters.");
        }
        if (query != null && query.chars().anyMatch(Character::isISOControl)) {
            throw ResourceException.invalid("q", "The search contains control characters.");
        }
        return new ResourceStore.Filter(interestId, kind, query);
    }

    static int page(@Nullable String page) {
        try {
            return page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static ResourceInput.Submitted submitted(
            @Nullable String title,
            @Nullable String description,
            @Nullable List<String> interests,
            @Nullable String access,
            @Nullable String url,
            @Nullable String linkType,
            @Nullable CompletedFileUpload file) {
        try {
            return new ResourceInput.Submitted(
                    title,
                    description,
                    interests == null ? List.of() : interests,
                    access,
                    file == null ? null : file.getFilename(),
                    file == null ? null : file.getBytes(),
                    url,
                    linkType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
