package com.careerai.platform.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile upload corpus (issue 21): zip bombs dressed as DOCX, XLSX and PDF, a PDF that is also
 * HTML, an SVG with script, PNG and JPEG headers claiming billions of pixels, path-traversal, NUL
 * and very long file names, and types declared wrongly. Text files come from
 * {@code src/test/resources/hostile/}; binary ones are made here.
 *
 * @param label what the file tries
 * @param name the file name the client claims
 * @param declaredType the Content-Type the client claims
 * @param bytes the content
 */
public record HostileFile(String label, String name, String declaredType, byte[] bytes) {
    /** Bytes a zip bomb inflates to: far beyond any upload limit, cheap to make. */
    private static final int BOMB_INFLATED = 64 * 1024 * 1024;

    @Override
    public String toString() {
        return label + " (" + name.substring(0, Math.min(name.length(), 60)) + ", " + declaredType + ")";
    }

    public static List<HostileFile> corpus() {
        byte[] svg = resource("script.svg");
        byte[] polyglot = resource("polyglot.pdf");
        byte[] docxBomb = officeBomb("word/document.xml");
        List<HostileFile> corpus = new ArrayList<>();
        corpus.add(new HostileFile("DOCX zip bomb", "cv.docx", DOCX, docxBomb));
        corpus.add(new HostileFile("XLSX zip bomb", "marks.xlsx", XLSX, officeBomb("xl/worksheets/sheet1.xml")));
        corpus.add(new HostileFile("zip bomb named .pdf", "cv.pdf", "application/pdf", docxBomb));
        corpus.add(new HostileFile("PDF that is also HTML", "cv.html.pdf", "text/html", polyglot));
        corpus.add(new HostileFile("SVG with script", "photo.svg", "image/svg+xml", svg));
        corpus.add(new HostileFile("SVG with script declared PNG", "photo.png", "image/png", svg));
        corpus.add(new HostileFile("PNG of 2^31 x 2^31 pixels", "huge.png", "image/png", hugePng()));
        corpus.add(new HostileFile("JPEG of 65535 x 65535 pixels", "huge.jpg", "image/jpeg", hugeJpeg()));
        corpus.add(new HostileFile("path traversal name", "../../etc/passwd", "application/pdf", polyglot));
        corpus.add(new HostileFile(
                "Windows traversal name",
                "..\\..\\windows\\win.ini",
                "image/png",
                tinyPng().bytes()));
        corpus.add(new HostileFile(
                "NUL in the name",
                "photo.png\u0000.html",
                "image/png",
                tinyPng().bytes()));
        corpus.add(new HostileFile(
                "very long name",
                "a".repeat(1000) + ".png",
                "image/png",
                tinyPng().bytes()));
        corpus.add(
                new HostileFile("right-to-left override in the name", "cv\u202Efdp.exe", "application/pdf", polyglot));
        corpus.add(new HostileFile("empty file", "empty.pdf", "application/pdf", new byte[0]));
        return List.copyOf(corpus);
    }

    /** An ordinary 1 x 1 PNG, for the valid case. */
    public static HostileFile tinyPng() {
        try {
            java.awt.image.BufferedImage image =
                    new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return new HostileFile("ordinary PNG", "photo.png", "image/png", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** An OOXML container whose one part inflates to {@link #BOMB_INFLATED} bytes. */
    private static byte[] officeBomb(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(
                    ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(part));
            byte[] zeros = new byte[1024 * 1024];
            for (int written = 0; written < BOMB_INFLATED; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A PNG whose header claims 2,147,483,647 x 2,147,483,647 pixels (CRC correct). */
    private static byte[] hugePng() {
        ByteBuffer header = ByteBuffer.allocate(17);
        header.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE);
        header.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(header.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(header.array()).putInt((int) crc.getValue());
        png.putInt(0)
                .put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(0xAE426082);
        return png.array();
    }

    /** A JPEG whose frame header claims 65,535 x 65,535 pixels. */
    private static byte[] hugeJpeg() {
        return new byte[] {
            (byte) 0xFF,
            (byte) 0xD8, // SOI
            (byte) 0xFF,
            (byte) 0xC0,
            0,
            11,
            8,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            1,
            1,
            0x11,
            0,
            (byte) 0xFF,
            (byte) 0xD9 // EOI
        };
    }

    private static byte[] resource(String name) {
        try (InputStream in = HostileFile.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
