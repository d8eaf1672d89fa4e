package com.careerai.platform.storage;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Files in a local directory (the default; {@code careerai.storage.local-directory}), outside any
 * web root: the application streams them itself. Written to a temporary file and moved into place,
 * so a reader never sees half a file. Fits one node, or several sharing a network volume.
 */
@Singleton
@Requires(property = "careerai.storage.kind", value = "local", defaultValue = "local")
public class LocalFileStorage implements FileStorage {
    private final Path root;

    LocalFileStorage(StorageConfiguration configuration) {
        this.root = Path.of(configuration.getLocalDirectory()).toAbsolutePath().normalize();
    }

    @Override
    public String put(long universityId, String area, InputStream content, long size, String contentType) {
        String key = StorageKeys.newKey(universityId, area);
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "upload-", ".part");
            try {
                Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a file under " + root, e);
        }
        return key;
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new StoredFileMissingException(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<URI> downloadUrl(String key, String fileName, String contentType) {
        return Optional.empty();
    }

    private Path pathOf(String key) {
        Path path = root.resolve(StorageKeys.check(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return path;
    }
}
