package com.careerai.privacy;

import com.careerai.platform.storage.ContentDisposition;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import jakarta.inject.Singleton;

/** Streams an export's zip as an attachment, never cached. */
@Singleton
class ExportDownloads {
    private final DataExports exports;

    ExportDownloads(DataExports exports) {
        this.exports = exports;
    }

    HttpResponse<?> deliver(DataExport export) {
        StreamedFile file = new StreamedFile(
                exports.open(export),
                MediaType.of("application/zip"),
                export.createdAt().toEpochMilli(),
                export.sizeBytes() == null ? -1 : export.sizeBytes());
        return HttpResponse.ok(file)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(export.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
