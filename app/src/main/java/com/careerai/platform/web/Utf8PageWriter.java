package com.careerai.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Arrays;

/**
 * A page's text encoded to UTF-8 as it is written, into one byte array, then written out in one
 * call: the bytes {@code String.getBytes(UTF_8)} gives for the whole text (an unpaired surrogate
 * becomes {@code '?'}; a pair split between two writes is still one character), with no
 * {@code StringBuilder} or {@code String} of the page in between (issue 19: the signed-in home was
 * built in a builder, copied to a string, then encoded — three copies of the page a request).
 *
 * <p>Each thread keeps one writer with its array for its next page ({@link #take}, {@link #release}),
 * up to {@link #KEPT} bytes; a larger page's array is left to the collector.
 */
final class Utf8PageWriter extends Writer {
    /** The largest array a thread keeps between pages. */
    static final int KEPT = 64 * 1024;

    private static final int FIRST = 16 * 1024;
    private static final int CHUNK = 1024;
    private static final ThreadLocal<Utf8PageWriter> SPARE = new ThreadLocal<>();

    private final char[] chunk = new char[CHUNK];
    private byte[] bytes = new byte[FIRST];
    private int size;
    /** A high surrogate that ended the last write, waiting for its low half. */
    private char high;

    private Utf8PageWriter() {}

    /** This thread's spare writer, empty, or a new one when it has none (or it is in use). */
    static Utf8PageWriter take() {
        Utf8PageWriter writer = SPARE.get();
        if (writer == null) {
            return new Utf8PageWriter();
        }
        SPARE.set(null);
        return writer;
    }

    /** Empties this writer and keeps it for the thread's next page, unless its array grew past {@link #KEPT}. */
    void release() {
        size = 0;
        high = 0;
        if (bytes.length <= KEPT) {
            SPARE.set(this);
        }
    }

    /** The page's bytes, in one write. */
    void writeTo(OutputStream out) throws IOException {
        if (high != 0) {
            room(1);
            bytes[size++] = '?';
            high = 0;
        }
        out.write(bytes, 0, size);
    }

    /** The bytes written so far (tests). */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        encode(chars, offset, offset + length);
    }

    @Override
    public void write(int c) {
        chunk[0] = (char) c;
        encode(chunk, 0, 1);
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(String text, int offset, int length) {
        int end = offset + length;
        for (int from = offset; from < end; from += CHUNK) {
            int to = Math.min(end, from + CHUNK);
            text.getChars(from, to, chunk, 0);
            encode(chunk, 0, to - from);
        }
    }

    @Override
    public Writer append(CharSequence text) {
        if (text instanceof String string) {
            write(string);
        } else if (text instanceof StringBuilder builder) {
            append(builder, 0, builder.length());
        } else {
            write(String.valueOf(text));
        }
        return this;
    }

    @Override
    public Writer append(CharSequence text, int start, int end) {
        CharSequence chars = text == null ? "null" : text;
        if (chars instanceof String string) {
            write(string, start, end - start);
        } else if (chars instanceof StringBuilder builder) {
            for (int from = start; from < end; from += CHUNK) {
                int to = Math.min(end, from + CHUNK);
                builder.getChars(from, to, chunk, 0);
                encode(chunk, 0, to - from);
            }
        } else {
            write(chars.subSequence(start, end).toString());
        }
        return this;
    }

    @Override
    public Writer append(char c) {
        write(c);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** Encodes {@code chars[from, to)} as {@code String.getBytes(UTF_8)} would, a pending high surrogate first. */
    private void encode(char[] chars, int from, int to) {
        if (from >= to) {
            return;
        }
        room(3 * (to - from) + 1); // three bytes a char at most; four for a pair, whose high half came before
        byte[] out = bytes;
        int p = size;
        int i = from;
        if (high != 0) {
            char low = chars[i];
            if (Character.isLowSurrogate(low)) {
                p = putCodePoint(out, p, Character.toCodePoint(high, low));
                i++;
            } else {
                out[p++] = '?';
            }
            high = 0;
        }
        for (; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == to) {
                    high = c;
                } else if (Character.isLowSurrogate(chars[i + 1])) {
                    p = putCodePoint(out, p, Character.toCodePoint(c, chars[++i]));
                } else {
                    out[p++] = '?';
                }
            } else if (Character.isLowSurrogate(c)) {
                out[p++] = '?';
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = p;
    }

    private static int putCodePoint(byte[] out, int p, int codePoint) {
        out[p] = (byte) (0xF0 | (codePoint >> 18));
        out[p + 1] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        out[p + 2] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        out[p + 3] = (byte) (0x80 | (codePoint & 0x3F));
        return p + 4;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
