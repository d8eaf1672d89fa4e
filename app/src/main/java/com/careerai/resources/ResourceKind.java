package com.careerai.resources;

import java.util.Locale;
import java.util.Optional;

/** What a resource is: a file of an accepted type, a web link or a video link. */
public enum ResourceKind {
    PDF("PDF", "pdf", "application/pdf"),
    DOCX("Word document", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PPTX("PowerPoint", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    XLSX("Excel sheet", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    IMAGE("Image", "", ""),
    LINK("Link", "", ""),
    VIDEO("Video", "", "");

    private final String label;
    private final String extension;
    private final String contentType;

    ResourceKind(String label, String extension, String contentType) {
        this.label = label;
        this.extension = extension;
        this.contentType = contentType;
    }

    /** How pages name it. */
    public String label() {
        return label;
    }

    /** The file extension of downloads (images: by their format). */
    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    public boolean isFile() {
        return this != LINK && this != VIDEO;
    }

    /** The lower-case name used in filters ({@code ?type=pdf}). */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ResourceKind> fromSlug(String slug) {
        for (ResourceKind kind : values()) {
            if (kind.slug().equalsIgnoreCase(slug == null ? "" : slug.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
