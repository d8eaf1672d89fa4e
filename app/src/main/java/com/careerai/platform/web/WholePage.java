package com.careerai.platform.web;

import io.micronaut.core.io.Writable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A rendered view that reaches the response as one array of bytes. Micronaut writes a view through
 * an {@code OutputStreamWriter}, and Handlebars writes each piece of text and each value on its own:
 * hundreds of small writes a page, each through the charset encoder (a twentieth of the signed-in
 * home's CPU, issue 19). The page is rendered into memory first, then written once. The bytes are
 * the same; a rendering error is thrown as before, before anything is written.
 *
 * <p>In UTF-8 (every page: Micronaut's default charset) the text is encoded as it is rendered, into
 * the thread's reused array ({@link Utf8PageWriter}): no builder of the page, no string of it, no
 * array per page. Another charset builds the text, then encodes it.
 */
final class WholePage implements Writable {
    private final Writable view;

    WholePage(Writable view) {
        this.view = view;
    }

    @Override
    public void writeTo(Writer out) throws IOException {
        view.writeTo(out);
    }

    @Override
    public void writeTo(OutputStream out, Charset charset) throws IOException {
        Charset encoding = charset == null ? StandardCharsets.UTF_8 : charset;
        if (encoding.equals(StandardCharsets.UTF_8)) {
            Utf8PageWriter page = Utf8PageWriter.take();
            try {
                view.writeTo(page);
                page.writeTo(out);
            } finally {
                page.release();
            }
        } else {
            Text text = new Text();
            view.writeTo(text);
            out.write(text.toString().getBytes(encoding));
        }
        out.flush();
    }

    /** A writer into a {@link StringBuilder}: no lock per write, as {@code StringWriter} takes. */
    private static final class Text extends Writer {
        private final StringBuilder text = new StringBuilder(8192);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public Writer append(CharSequence chars, int start, int end) {
            text.append(chars, start, end);
            return this;
        }

        @Override
        public Writer append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
