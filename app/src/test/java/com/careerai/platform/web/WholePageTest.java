package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.io.Writable;
import io.micronaut.views.exceptions.ViewRenderingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page rendered into memory and written at once: the same bytes as writing it piece by piece. */
class WholePageTest {
    private static final Writable VIEW = out -> {
        out.write("<h1>Welcome back, Zoë</h1>");
        out.append("“Resume” — 🎓 ", 0, 14).append('&');
        out.write(new char[] {'a', 'b', 'c'}, 1, 2);
        out.write('!');
        out.append(null);
        for (int i = 0; i < 2_000; i++) {
            out.write("<li>item " + i + "</li>");
        }
    };

    @Test
    void writesTheBytesThePieceByPieceWriterWrote() throws IOException {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1}) {
            ByteArrayOutputStream pieces = new ByteArrayOutputStream();
            Writer writer = new OutputStreamWriter(pieces, charset);
            VIEW.writeTo(writer);
            writer.flush();

            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            new WholePage(VIEW).writeTo(whole, charset);

            assertThat(whole.toByteArray()).as(charset.name()).isEqualTo(pieces.toByteArray());
        }
        ByteArrayOutputStream noCharset = new ByteArrayOutputStream();
        new WholePage(VIEW).writeTo(noCharset, null);
        StringWriter text = new StringWriter();
        new WholePage(VIEW).writeTo(text);
        assertThat(noCharset.toString(StandardCharsets.UTF_8)).isEqualTo(text.toString());
    }

    @Test
    void aViewThatFailsWritesNothing() {
        Writable failing = out -> {
            out.write("<html>half a page");
            throw new ViewRenderingException("Error rendering Handlebars view [x]: broken", null);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> new WholePage(failing).writeTo(out, StandardCharsets.UTF_8))
                .isInstanceOf(ViewRenderingException.class);
        assertThat(out.size()).isZero();
    }
}
