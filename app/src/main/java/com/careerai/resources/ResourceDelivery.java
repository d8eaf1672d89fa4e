package com.careerai.resources;

import com.careerai.platform.storage.ContentDisposition;
import com.careerai.platform.storage.FileStorage;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * Hands a resource over after its download was recorded: a link or video by redirect, a file by a
 * presigned storage URL when the storage gives one (S3), else streamed by the application as an
 * attachment under its server-made name, with {@code nosniff} so no browser renders it as a page.
 */
@Singleton
class ResourceDelivery {
    private final FileStorage storage;

    ResourceDelivery(FileStorage storage) {
        this.storage = storage;
    }

    HttpResponse<?> deliver(Resource resource) {
        if (!resource.kind().isFile()) {
            return redirect(URI.create(resource.url()));
        }
        Optional<URI> signed = storage.downloadUrl(resource.storageKey(), resource.fileName(), resource.contentType());
        if (signed.isPresent()) {
            return redirect(signed.get());
        }
        StreamedFile file = new StreamedFile(
                storage.open(resource.storageKey()),
                MediaType.of(resource.contentType()),
                resource.createdAt().toEpochMilli(),
                resource.fileSize() == null ? -1 : resource.fileSize());
        return HttpResponse.ok(file)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(resource.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    private static HttpResponse<?> redirect(URI target) {
        return HttpResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, target.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
