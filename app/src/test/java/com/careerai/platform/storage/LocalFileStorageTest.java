package com.careerai.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageTest {
    @TempDir
    Path directory;

    private LocalFileStorage storage() {
        StorageConfiguration configuration = new StorageConfiguration();
        configuration.setLocalDirectory(directory.toString());
        return new LocalFileStorage(configuration);
    }

    @Test
    void keepsFilesUnderServerMadeKeysInsideItsDirectoryAndServesNoUrl() throws IOException {
        LocalFileStorage storage = storage();
        String key = storage.put(3, "resources", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(Files.readString(directory.resolve(key))).isEqualTo("hello");
        try (InputStream stored = storage.open(key)) {
            assertThat(new String(stored.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("hello");
        }
        assertThat(storage.downloadUrl(key, "a.txt", "text/plain")).isEmpty();
        storage.delete(key);
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(StoredFileMissingException.class);
    }

    @Test
    void refusesKeysItDidNotMakeAndAreasThatAreNotNames() {
        LocalFileStorage storage = storage();
        assertThatThrownBy(() -> storage.open("u3/resources/2026-01/../../../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.put(3, "../x", new byte[] {1}, "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
