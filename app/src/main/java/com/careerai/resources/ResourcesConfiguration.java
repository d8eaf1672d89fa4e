package com.careerai.resources;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;

/** Resources settings ({@code careerai.resources.*}). */
@ConfigurationProperties("careerai.resources")
public class ResourcesConfiguration {
    private long maxFileSize = 20L * 1024 * 1024;
    private int pageSize = 12;
    private int maxImagePixels = 40_000_000;

    /**
     * Largest accepted upload (default 20 MB, {@code CAREERAI_RESOURCES_MAX_FILE_SIZE}); keep
     * Micronaut's {@code micronaut.server.multipart.max-file-size} above it so a larger file gets
     * this feature's clear message rather than a bare 413.
     */
    public long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(@ReadableBytes long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /** Resources per page of the library (default 12). */
    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Largest image accepted, in pixels (default 40 million), checked before decoding it. */
    public int getMaxImagePixels() {
        return maxImagePixels;
    }

    public void setMaxImagePixels(int maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }
}
