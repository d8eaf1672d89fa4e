package com.careerai.platform.storage;

/** Nothing is stored under a key (deleted, or the storage was changed under the application). */
public class StoredFileMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoredFileMissingException(String key) {
        super("No stored file under " + key);
    }
}
