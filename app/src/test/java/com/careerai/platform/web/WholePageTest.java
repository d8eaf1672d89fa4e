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
import java.nio.CharBuffer;
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

    @Test
    void encodesUnpairedAndSplitSurrogatesAsTheWholeTextsBytesWould() throws IOException {
        String pair = "🎓";
        Writable view = out -> {
            out.write("a" + pair.charAt(0));
            out.write(pair.charAt(1) + "b"); // a pair split between two writes
            out.write(pair.charAt(0));
            out.write(pair.charAt(1)); // and between two single characters
            out.write("\uD83Cé"); // a high half before a character that is not its low half
            out.write("\uDF93x"); // a low half alone
            out.write("\uD83C\uD83C\uDF93"); // a high half alone, then a pair
            out.write("\uD83C");
            out.append(new StringBuilder("\uD83Cy")); // a high half ending a write, then another
            out.append("z\uD83C"); // a high half ending the page
        };

        assertThat(whole(view)).isEqualTo(textBytes(view));
    }

    @Test
    void encodesTextAcrossItsChunksWhateverTheWriteAndTheCharacter() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append(i % 7 == 0 ? "é" : i % 11 == 0 ? "—" : i % 13 == 0 ? "🎓" : "a");
        }
        String longText = text.toString();
        Writable view = out -> {
            out.write(longText);
            out.write(longText, 1, 4_000);
            out.append(text);
            out.append(text, 1_023, 3_073);
            out.append(CharBuffer.wrap(longText), 3, 2_500);
            out.write(longText.toCharArray(), 1_021, 2_000);
        };

        assertThat(whole(view)).isEqualTo(textBytes(view));
    }

    @Test
    void eachPageOnAThreadStartsEmptyAfterAPageThatFailedOrOutgrewTheKeptArray() throws IOException {
        Writable failing = out -> {
            out.write("<html>half a page é \uD83C");
            throw new ViewRenderingException("Error rendering Handlebars view [x]: broken", null);
        };
        Writable huge = out -> {
            for (int i = 0; i < Utf8PageWriter.KEPT; i++) {
                out.write("é");
            }
        };
        Writable small = out -> out.write("<p>ok</p>");

        assertThat(whole(VIEW)).isEqualTo(textBytes(VIEW));
        assertThatThrownBy(() -> whole(failing)).isInstanceOf(ViewRenderingException.class);
        assertThat(whole(small)).isEqualTo(textBytes(small));
        assertThat(whole(huge)).isEqualTo(textBytes(huge));
        assertThat(whole(small)).isEqualTo(textBytes(small));
        assertThat(whole(VIEW)).isEqualTo(textBytes(VIEW));
    }

    @Test
    void aPageRenderedWhileAnotherIsBeingRenderedOnTheSameThreadKeepsItsOwnBytes() throws IOException {
        Writable inner = out -> out.write("<p>inner ü</p>");
        Writable outer = out -> {
            out.write("<div>outer ");
            out.write(new String(whole(inner), StandardCharsets.UTF_8));
            out.write(" ö</div>");
        };

        assertThat(whole(outer)).isEqualTo("<div>outer <p>inner ü</p> ö</div>".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] whole(Writable view) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WholePage(view).writeTo(out, StandardCharsets.UTF_8);
        return out.toByteArray();
    }

    /** What the page was before it was encoded as it renders: its whole text, encoded at once. */
    private static byte[] textBytes(Writable view) throws IOException {
        StringWriter text = new StringWriter();
        view.writeTo(text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
