package com.careerai.resources;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The resources feature's upload inspection, offered to other features that accept files (support
 * ticket attachments): the format decided from the bytes alone, programs, web pages and macros
 * refused, images re-encoded (docs/adr/0015). Refusals are {@link ResourceException}s with the field
 * {@code file} and a message the uploader can act on.
 */
@Singleton
public class UploadedFiles {
    /** An accepted file: the bytes to store (re-encoded for images), their type and file extension. */
    public record Checked(byte[] content, String contentType, String extension) {}

    private final UploadInspector inspector;

    UploadedFiles(UploadInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * @throws ResourceException (422, field {@code file}) when the file is refused
     */
    public Checked check(@Nullable String fileName, byte[] content) {
        UploadInspector.Inspected inspected = inspector.inspect(fileName, content);
        return new Checked(inspected.content(), inspected.contentType(), inspected.extension());
    }

    /** The accepted formats, as told to uploaders. */
    public static String accepted() {
        return UploadInspector.ACCEPTED;
    }
}
