package com.careerai.resources;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what an uploaded file is from its bytes alone — never its name or declared type — and
 * refuses what is not an accepted document or image, each with a message the uploader can act on.
 * Tika's magic detection ({@code tika-core}) names the format; Office documents, which are ZIP
 * containers, are told apart by their main part; images are decoded and re-encoded, so nothing but
 * pixels survives (docs/adr/0015). Public so that other features taking files from people (course
 * submissions) apply the same inspection instead of a second one.
 */
@Singleton
public class UploadInspector {
    static final String ACCEPTED = "Upload a PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), PNG or JPEG file.";
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
    private final ResourcesConfiguration configuration;

    UploadInspector(ResourcesConfiguration configuration) {
        this.configuration = configuration;
    }

    /** An accepted file, ready to store: its kind, its (re-encoded, for images) bytes and type. */
    public record Inspected(ResourceKind kind, byte[] content, String contentType, String extension) {}

    /**
     * The accepted file, or a 422 {@link ResourceException} ({@code file_refused}, field {@code file})
     * saying why not.
     */
    public Inspected inspect(@Nullable String fileName, byte[] content) {
        checkName(fileName);
        if (content.length == 0) {
            throw ResourceException.refusedFile("The file is empty. Choose the file again.");
        }
        if (content.length > configuration.getMaxFileSize()) {
            throw ResourceException.refusedFile("The file is larger than " + megabytes(configuration.getMaxFileSize())
                    + ". Make it smaller or share it as a link.");
        }
        String detected = detect(content);
        return switch (detected) {
            case "application/pdf" -> new Inspected(ResourceKind.PDF, content, detected, "pdf");
            case "image/png" -> reencode(content, "png", "image/png");
            case "image/jpeg" -> reencode(content, "jpg", "image/jpeg");
            case "application/zip", "application/x-tika-ooxml" -> office(content);
            default -> throw ResourceException.refusedFile(describe(detected));
        };
    }

    /** A name with a folder in it, or with control characters, is refused rather than cleaned. */
    private static void checkName(@Nullable String fileName) {
        if (fileName == null) {
            return;
        }
        if (fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")) {
            throw ResourceException.refusedFile(
                    "The file name contains a path (folders or \"..\"). Send the file under its own name only.");
        }
        if (fileName.chars().anyMatch(Character::isISOControl)) {
            throw ResourceException.refusedFile("The file name contains control characters. Rename the file.");
        }
    }

    private String detect(byte[] content) {
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            MediaType type = mimeTypes.detect(stream, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(String detected) {
        if (detected.contains("msdownload")
                || detected.contains("executable")
                || detected.contains("dosexec")
                || detected.contains("mach-o")
                || detected.equals("application/x-sharedlib")
                || detected.contains("java-archive")
                || detected.equals("application/x-sh")) {
            return "This file is a program (" + detected + "), not a document: it is refused whatever its name says. "
                    + ACCEPTED;
        }
        if (detected.equals("text/html") || detected.contains("xhtml") || detected.contains("svg")) {
            return "This file is a web page (" + detected + "), not a document or an image, whatever its name or"
                    + " declared type says. " + ACCEPTED;
        }
        return "This file's content is " + detected + ", which is not accepted, whatever its name says. " + ACCEPTED;
    }

    /** Office Open XML: a ZIP whose main part says which application wrote it; macros refused. */
    private static Inspected office(byte[] content) {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                names.add(entry.getName());
                if (names.size() > MAX_ZIP_ENTRIES) {
                    throw ResourceException.refusedFile(
                            "This archive has too many parts to be a document. " + ACCEPTED);
                }
            }
        } catch (ZipException e) {
            throw ResourceException.refusedFile("This file is a damaged archive. " + ACCEPTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!names.contains("[Content_Types].xml")) {
            throw ResourceException.refusedFile("This file is a ZIP archive, not an Office document. " + ACCEPTED);
        }
        if (names.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            throw ResourceException.refusedFile(
                    "This document contains macros, which are not accepted. Save it as a plain .docx, .pptx or .xlsx.");
        }
        ResourceKind kind;
        if (names.contains("word/document.xml")) {
            kind = ResourceKind.DOCX;
        } else if (names.contains("ppt/presentation.xml")) {
            kind = ResourceKind.PPTX;
        } else if (names.contains("xl/workbook.xml")) {
            kind = ResourceKind.XLSX;
        } else {
            throw ResourceException.refusedFile(
                    "This Office file is not a Word, PowerPoint or Excel document. " + ACCEPTED);
        }
        return new Inspected(kind, content, kind.contentType(), kind.extension());
    }

    /** Decodes and re-encodes an image (dropping metadata and anything appended to it). */
    private Inspected reencode(byte[] content, String format, String contentType) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw ResourceException.refusedFile("This image could not be read. Export it again as PNG or JPEG.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > configuration.getMaxImagePixels()) {
                    throw ResourceException.refusedFile("This image is too large (" + reader.getWidth(0) + "×"
                            + reader.getHeight(0) + " pixels). Scale it down and try again.");
                }
                BufferedImage image = reader.read(0);
                if ("jpg".equals(format) && image.getColorModel().hasAlpha()) {
                    image = withoutAlpha(image);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
                if (!ImageIO.write(image, format, out)) {
                    throw ResourceException.refusedFile(
                            "This image could not be read. Export it again as PNG or JPEG.");
                }
                return new Inspected(ResourceKind.IMAGE, out.toByteArray(), contentType, format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResourceException refused) {
                throw refused;
            }
            throw ResourceException.refusedFile("This image could not be read. Export it again as PNG or JPEG.");
        }
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        return rgb;
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }
}
