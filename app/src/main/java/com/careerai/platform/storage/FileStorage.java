package com.careerai.platform.storage;

import com.careerai.platform.web.CallsOut;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * Where uploaded files live: a port with one adapter per technology ({@link LocalFileStorage}, the
 * default, and {@link S3FileStorage} for {@code CAREERAI_STORAGE=s3}). Keys are generated here,
 * never derived from user input, and start with the university's id; a feature keeps the key in its
 * own table and never serves a stored file from a public web root (docs/adr/0015).
 */
public interface FileStorage {

    /**
     * Stores {@code size} bytes of {@code content} under a new key and returns it.
     *
     * @param area the feature's folder, lower-case letters, digits and dashes (e.g. {@code resources})
     */
    @CallsOut
    String put(long universityId, String area, InputStream content, long size, String contentType);

    /** As {@link #put(long, String, InputStream, long, String)} for content in memory. */
    default String put(long universityId, String area, byte[] content, String contentType) {
        return put(universityId, area, new java.io.ByteArrayInputStream(content), content.length, contentType);
    }

    /**
     * The stored bytes, to be closed by the caller.
     *
     * @throws StoredFileMissingException when nothing is stored under the key
     */
    @CallsOut
    InputStream open(String key);

    /** Removes the file; a missing one is no error. */
    @CallsOut
    void delete(String key);

    /**
     * A short-lived address from which the browser downloads the file directly as an attachment
     * named {@code fileName}, when the backend can sign one (S3 presigned URLs); empty when the
     * application must stream it itself ({@link #open(String)}).
     */
    Optional<URI> downloadUrl(String key, String fileName, String contentType);
}
