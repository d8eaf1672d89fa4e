package com.careerai.resources;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small files of each kind the upload tests send, made in memory. */
final class ResourceSamples {
    private ResourceSamples() {}

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pdfOfSize(int size) {
        byte[] pdf = Arrays.copyOf(pdf(), size);
        Arrays.fill(pdf, pdf().length, size, (byte) ' ');
        return pdf;
    }

    /** A Windows program: the DOS stub and a PE header, as any .exe starts. */
    static byte[] executable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80; // offset of the PE header
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        return exe;
    }

    static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docx() {
        return office("word/document.xml", false);
    }

    static byte[] pptx() {
        return office("ppt/presentation.xml", false);
    }

    static byte[] xlsxWithMacros() {
        return office("xl/workbook.xml", true);
    }

    private static byte[] office(String mainPart, boolean macros) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            add(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>");
            add(zip, mainPart, "<?xml version=\"1.0\"?><document/>");
            if (macros) {
                add(zip, "xl/vbaProject.bin", "macro");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A real PNG with a script appended after its end, as a polyglot would carry one. */
    static byte[] pngWithTrailer() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, Color.RED.getRGB());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
            bytes.write("<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
