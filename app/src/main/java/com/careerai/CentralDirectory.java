package com.careerai;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * The names of a jar's entries under a few folders, read straight from the bytes of its central
 * directory. {@code JarFile.entries()} makes a {@code JarEntry} (name, times, extra fields) for every
 * one of the application jar's ~100,000 entries to list the 1,800 the start needs (issue 19); here
 * only the names that match are decoded. Anything this reader does not expect (no end record, a
 * header out of place, a count that does not add up) is a {@link ZipException}: the caller then lists
 * the jar through {@code JarFile} as before.
 */
final class CentralDirectory {
    private static final int END = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int HEADER = 0x02014b50;
    private static final int HEADER_LENGTH = 46;

    private CentralDirectory() {}

    /**
     * The names of the entries of {@code jar} that start with one of {@code prefixes} (non-empty, ASCII),
     * in order.
     */
    static List<String> namesUnder(Path jar, List<String> prefixes) throws IOException {
        List<byte[]> wanted = prefixes.stream()
                .map(p -> p.getBytes(StandardCharsets.US_ASCII))
                .toList();
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, END_LENGTH + 0xFFFF);
            ByteBuffer end = read(channel, size - tail, tail);
            int at = endRecord(end, tail);
            long entries = end.getShort(at + 10) & 0xFFFF;
            long length = end.getInt(at + 12) & 0xFFFFFFFFL;
            long directoryEnd = size - tail + at; // the directory ends where the end record(s) begin
            if (at >= ZIP64_LOCATOR_LENGTH && end.getInt(at - ZIP64_LOCATOR_LENGTH) == ZIP64_LOCATOR) {
                long zip64End = end.getLong(at - ZIP64_LOCATOR_LENGTH + 8);
                ByteBuffer record = read(channel, zip64End, ZIP64_END_LENGTH);
                if (record.getInt(0) != ZIP64_END) {
                    throw new ZipException("no zip64 end record where its locator says");
                }
                entries = record.getLong(32);
                length = record.getLong(40);
                directoryEnd = zip64End;
            }
            long start = directoryEnd - length;
            if (start < 0) {
                throw new ZipException("central directory out of the file");
            }
            return names(new Window(channel, directoryEnd), start, directoryEnd, entries, wanted);
        }
    }

    private static List<String> names(Window window, long start, long end, long entries, List<byte[]> prefixes)
            throws IOException {
        // plain array reads and no iterator: the walk over ~100,000 entries runs once, at the start, mostly
        // in the interpreter, where each ByteBuffer read was a chain of calls (issue 19, session 34)
        byte[][] wanted = prefixes.toArray(new byte[0][]);
        List<String> names = new ArrayList<>();
        long count = 0;
        long position = start;
        while (position < end) {
            int at = window.at(position, HEADER_LENGTH);
            byte[] bytes = window.bytes;
            int signature = (bytes[at] & 0xFF)
                    | (bytes[at + 1] & 0xFF) << 8
                    | (bytes[at + 2] & 0xFF) << 16
                    | (bytes[at + 3] & 0xFF) << 24;
            if (signature != HEADER) {
                throw new ZipException("no central directory header at " + position);
            }
            int nameLength = (bytes[at + 28] & 0xFF) | (bytes[at + 29] & 0xFF) << 8;
            int rest = ((bytes[at + 30] & 0xFF) | (bytes[at + 31] & 0xFF) << 8)
                    + ((bytes[at + 32] & 0xFF) | (bytes[at + 33] & 0xFF) << 8);
            if (nameLength > 0) {
                at = window.at(position, HEADER_LENGTH + nameLength);
                bytes = window.bytes;
                int name = at + HEADER_LENGTH;
                for (int p = 0; p < wanted.length; p++) {
                    byte[] prefix = wanted[p];
                    if (bytes[name] == prefix[0] && startsWith(bytes, name, nameLength, prefix)) {
                        names.add(new String(bytes, name, nameLength, StandardCharsets.UTF_8)); // names are UTF-8
                        break;
                    }
                }
            }
            position += HEADER_LENGTH + nameLength + rest;
            count++;
        }
        if (position != end || count != entries) {
            throw new ZipException("central directory holds " + count + " entries, its end record says " + entries);
        }
        return names;
    }

    /**
     * The directory read in 64 KB pieces into one reused array: neither the 11.8 MB directory on the
     * heap nor a mapping of it that stays resident until a collection.
     */
    private static final class Window {
        private final FileChannel channel;
        private final long end;
        /** The file's bytes from {@code start}, {@code filled} of them. */
        byte[] bytes = new byte[1 << 16];

        private int filled;
        private long start;

        Window(FileChannel channel, long end) {
            this.channel = channel;
            this.end = end;
        }

        /** Where in {@link #bytes} the {@code length} bytes at {@code position} are, read in if they are not. */
        int at(long position, int length) throws IOException {
            if (position < start || position + length > start + filled) {
                if (end - position < length) {
                    throw new ZipException("entry out of the central directory at " + position);
                }
                if (length > bytes.length) {
                    bytes = new byte[length];
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, (int) Math.min(bytes.length, end - position));
                fill(channel, buffer, position, "central directory out of the file");
                start = position;
                filled = buffer.position();
            }
            return (int) (position - start);
        }
    }

    private static boolean startsWith(byte[] bytes, int name, int nameLength, byte[] prefix) {
        if (nameLength < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[name + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where the end record starts in the file's last bytes: the last signature whose comment reaches the end. */
    private static int endRecord(ByteBuffer end, int tail) throws ZipException {
        for (int at = tail - END_LENGTH; at >= 0; at--) {
            if (end.getInt(at) == END && at + END_LENGTH + (end.getShort(at + 20) & 0xFFFF) == tail) {
                return at;
            }
        }
        throw new ZipException("no end of central directory record");
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0) {
            throw new ZipException("record out of the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        fill(channel, buffer, position, "record out of the file");
        return buffer.flip();
    }

    /** Reads the file from {@code position} until {@code buffer} is full; {@code missing} if the file ends first. */
    private static void fill(FileChannel channel, ByteBuffer buffer, long position, String missing) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ZipException(missing);
            }
        }
    }
}
