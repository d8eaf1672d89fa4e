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

    /** The names of the entries of {@code jar} that start with one of {@code prefixes} (ASCII), in order. */
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

    private static List<String> names(Window window, long start, long end, long entries, List<byte[]> wanted)
            throws IOException {
        List<String> names = new ArrayList<>();
        long count = 0;
        long position = start;
        while (position < end) {
            ByteBuffer header = window.at(position, HEADER_LENGTH);
            int at = window.index(position);
            if (header.getInt(at) != HEADER) {
                throw new ZipException("no central directory header at " + position);
            }
            int nameLength = header.getShort(at + 28) & 0xFFFF;
            int rest = (header.getShort(at + 30) & 0xFFFF) + (header.getShort(at + 32) & 0xFFFF);
            ByteBuffer entry = window.at(position, HEADER_LENGTH + nameLength);
            int name = window.index(position) + HEADER_LENGTH;
            for (byte[] prefix : wanted) {
                if (startsWith(entry, name, nameLength, prefix)) {
                    byte[] bytes = new byte[nameLength];
                    entry.get(name, bytes);
                    names.add(new String(bytes, StandardCharsets.UTF_8)); // a jar's names are UTF-8
                    break;
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
     * The directory read in 64 KB pieces through one reused heap buffer: neither the 11.8 MB directory
     * on the heap nor a mapping of it that stays resident until a collection.
     */
    private static final class Window {
        private final FileChannel channel;
        private final long end;
        private ByteBuffer buffer =
                ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN).limit(0);
        private long start;

        Window(FileChannel channel, long end) {
            this.channel = channel;
            this.end = end;
        }

        /** A buffer holding the {@code length} bytes at {@code position}, from {@link #index}. */
        ByteBuffer at(long position, int length) throws IOException {
            if (position < start || position + length > start + buffer.limit()) {
                if (end - position < length) {
                    throw new ZipException("entry out of the central directory at " + position);
                }
                if (length > buffer.capacity()) {
                    buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
                }
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                fill(channel, buffer, position, "central directory out of the file");
                start = position;
            }
            return buffer;
        }

        int index(long position) {
            return (int) (position - start);
        }
    }

    private static boolean startsWith(ByteBuffer directory, int name, int nameLength, byte[] prefix) {
        if (nameLength < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (directory.get(name + i) != prefix[i]) {
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
