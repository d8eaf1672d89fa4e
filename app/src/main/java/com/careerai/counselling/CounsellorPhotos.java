package com.careerai.counselling;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded counsellor photo into the only bytes ever served: the type is read from the
 * content (JPEG or PNG magic bytes, never the file name or the browser's type), the pixel size is
 * read from the header before anything is decoded, and the picture is cropped to a square and
 * re-encoded as a {@value #SIDE}×{@value #SIDE} JPEG, which drops metadata and any smuggled payload.
 */
final class CounsellorPhotos {
    static final int SIDE = 256;
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_PIXELS_PER_SIDE = 6000;
    static final long MAX_PIXELS = 25_000_000L;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private CounsellorPhotos() {}

    /** The upload re-encoded as a square JPEG, or a 422 on the {@code photo} field saying why not. */
    static byte[] reencode(byte[] upload) {
        if (upload.length == 0) {
            throw refused("Choose a photo to upload.");
        }
        if (upload.length > MAX_BYTES) {
            throw refused("The photo is too large: keep it under 5 MB.");
        }
        if (!startsWith(upload, JPEG) && !startsWith(upload, PNG)) {
            throw refused(
                    isWebp(upload)
                            ? "WebP photos are not supported yet: upload a JPEG or PNG."
                            : "This file is not a JPEG or PNG picture.");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw refused("This file is not a JPEG or PNG picture.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_PIXELS_PER_SIDE || height > MAX_PIXELS_PER_SIDE || (long) width * height > MAX_PIXELS) {
                    throw refused("The photo is " + width + "×" + height + " pixels: keep each side under "
                            + MAX_PIXELS_PER_SIDE + ".");
                }
                return jpeg(square(reader.read(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CounsellingException refused) {
                throw refused;
            }
            throw refused("This picture could not be read: it may be damaged. Try another file.");
        }
    }

    private static BufferedImage square(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        BufferedImage target = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(Color.WHITE); // transparent PNG areas become white, not black
            graphics.fillRect(0, 0, SIDE, SIDE);
            graphics.drawImage(source, 0, 0, SIDE, SIDE, x, y, x + side, y + side, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpeg", out)) {
            throw new IOException("no JPEG writer");
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean isWebp(byte[] bytes) {
        return bytes.length >= 12
                && bytes[0] == 'R'
                && bytes[1] == 'I'
                && bytes[2] == 'F'
                && bytes[3] == 'F'
                && bytes[8] == 'W'
                && bytes[9] == 'E'
                && bytes[10] == 'B'
                && bytes[11] == 'P';
    }

    private static CounsellingException refused(String message) {
        return CounsellingException.invalid("photo", message);
    }
}
