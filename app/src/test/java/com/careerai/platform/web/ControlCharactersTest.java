package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSON body is scanned as UTF-8 bytes where it lies; every answer is the one the scan
 * of the decoded text gave, for valid and invalid UTF-8 alike.
 */
class ControlCharactersTest {

    @Test
    void rawControlBytesAreRefusedButTabAndLineBreaksAreText() {
        assertRefused("{\"a\":\"x\u0000\"}");
        assertRefused("{\"a\":\"x\u001f\"}");
        assertRefused("{\"a\":\"x\u007f\"}");
        assertAccepted("{\"a\":\"x\ty\r\nz\"}");
        assertAccepted("");
    }

    @Test
    void c1IsExactlyTheTwoBytePairsFromC280ToC29F() {
        assertRefused(bytes("22 c2 80 22"));
        assertRefused(bytes("22 c2 85 22"));
        assertRefused(bytes("22 c2 9f 22"));
        assertAccepted(bytes("22 c2 a0 22")); // no-break space
        assertAccepted(bytes("22 c2 7e 22")); // 0xC2 then '~': invalid, and no control
        assertAccepted(bytes("22 c3 80 22")); // À
        assertAccepted(bytes("22 c3 85 22")); // Å: the continuation byte alone is no control
        assertAccepted(bytes("22 e2 80 85 22")); // U+2005: 0x80 0x85 inside a three-byte character
        assertAccepted(bytes("22 e2 80 a6 22")); // …
        assertAccepted(bytes("22 f0 9f 98 80 22")); // an emoji: continuation bytes 0x80–0x9F, no 0xC2
        assertAccepted(bytes("22 c2")); // 0xC2 as the last byte
        assertAccepted(bytes("c2 22 85")); // 0xC2 and 0x85 apart
    }

    @Test
    void invalidUtf8IsReadAsItsDecodingWas() {
        assertAccepted(bytes("85 9f 80")); // continuation bytes with no lead
        assertAccepted(bytes("c1 85")); // overlong 'E'
        assertAccepted(bytes("e0 82 85")); // overlong U+0085
        assertAccepted(bytes("ed a0 80")); // a surrogate encoded alone
        assertRefused(bytes("c2 c2 85")); // a broken pair, then U+0085
        assertRefused(bytes("e2 c2 85")); // a three-byte lead cut short, then U+0085
        assertRefused(bytes("f0 9f c2 9f")); // a four-byte lead cut short, then U+009F
        assertRefused(bytes("e2 80 00")); // a byte below 0x80 is never swallowed by a broken sequence
        assertAccepted(bytes("ff fe c2"));
    }

    @Test
    void escapesAreReadWhereverTheyStartAndEnd() {
        assertRefused("\"\\u0000\"");
        assertRefused("\"\\u001F\"");
        assertRefused("\"\\u007f\"");
        assertRefused("\"\\u0085\"");
        assertRefused("\\u009f"); // the escape is the whole text
        assertAccepted("\"\\u0009\\u000a\\u000D\\u00a0\\u0020\"");
        assertAccepted("\"\\\\u0000\""); // an escaped backslash, then the text u0000
        assertRefused("\"\\\\\\u0000\"");
        assertAccepted("\"\\u000\""); // three digits and a quote
        assertAccepted("\\u000"); // cut short by the end
        assertAccepted("\\u00");
        assertAccepted("\\u");
        assertAccepted("\\"); // a backslash as the last byte
        assertAccepted("\\u00g0\\uzzzz");
        assertRefused("\\u00g\u0001"); // the digits that are no escape are still scanned
        assertAccepted("\\uu0000"); // "u000" are no digits; the text after the 'u' holds no backslash
    }

    @Test
    void anEscapesDigitsAreWhateverCharacterDigitReads() {
        assertRefused("\\u\uff10\uff10\uff10\uff10"); // full-width zeros: U+0000
        assertRefused("\\u\u0660\u0660\u0661\u0660"); // Arabic-Indic digits: U+0010
        assertRefused("\\u00\uff18\uff15"); // full-width 8 and 5 after two ASCII zeros: U+0085
        assertAccepted("\\u00\uff21\uff10"); // full-width A0: U+00A0
        assertAccepted("\\u\uff10\uff10\uff10"); // three digits in nine bytes
        assertAccepted("\\u\ud835\udfce000"); // a mathematical zero is two chars, neither a digit
        assertRefused(concat(bytes("5c 75 30 30"), bytes("c2 85"))); // backslash, u, 0, 0, then U+0085: no escape, a C1
        assertAccepted(concat(bytes("5c 75 30 30 30"), bytes("ef bc"))); // a full-width digit cut short
    }

    @Test
    void aCharacterAfterABackslashIsSkippedWholeAsTheTextsScanSkippedIt() {
        assertAccepted(bytes("5c c2 85")); // "\" then U+0085: skipped
        assertRefused(bytes("5c c2 c2 85")); // "\" then a broken pair (skipped), then U+0085
        assertRefused(bytes("5c e2 c2 85"));
        assertAccepted(bytes("5c 01"));
        assertRefused(bytes("5c 01 01"));
    }

    @Test
    void onlyTheBytesBetweenPositionAndLimitAreReadAndNeitherMoves() {
        byte[] text = "\u0000{\"a\":\"b\"}\u0001".getBytes(StandardCharsets.UTF_8);
        ByteBuffer middle = ByteBuffer.wrap(text, 1, text.length - 2);
        assertThat(ControlCharacters.inJson(middle)).isFalse();
        assertThat(middle.position()).isEqualTo(1);
        assertThat(middle.limit()).isEqualTo(text.length - 1);
        assertThat(ControlCharacters.inJson(ByteBuffer.wrap(text, 1, text.length - 1)))
                .isTrue();

        ByteBuffer direct = ByteBuffer.allocateDirect(8)
                .put(bytes("20 5c 75 30 30 38 35 20"))
                .flip();
        assertThat(ControlCharacters.inJson(direct.position(1))).isTrue();
        assertThat(ControlCharacters.inJson(direct.position(2))).isFalse();
    }

    @Test
    void randomBytesGetTheDecodedTextsAnswer() {
        byte[][] pieces = {
            bytes("5c"),
            bytes("75"),
            bytes("30"),
            bytes("38"),
            bytes("39"),
            bytes("66"),
            bytes("46"),
            bytes("67"),
            bytes("00"),
            bytes("01"),
            bytes("09"),
            bytes("0a"),
            bytes("1f"),
            bytes("20"),
            bytes("7f"),
            bytes("22"),
            bytes("c2"),
            bytes("80"),
            bytes("85"),
            bytes("9f"),
            bytes("a0"),
            bytes("bf"),
            bytes("c1"),
            bytes("c3"),
            bytes("e0"),
            bytes("e2"),
            bytes("ed"),
            bytes("f0"),
            bytes("f4"),
            bytes("ff"),
            bytes("ef bc 90"),
            bytes("ef bd 86"),
            bytes("d9 a0"),
            bytes("d9 a1"),
            bytes("c2 85"),
            bytes("5c 75 30 30")
        };
        Random random = new Random(19);
        int refused = 0;
        for (int round = 0; round < 200_000; round++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.writeBytes(pieces[random.nextInt(pieces.length)]);
            }
            byte[] utf8 = text.toByteArray();
            boolean expected = ControlCharacters.inJson(new String(utf8, StandardCharsets.UTF_8));
            assertThat(ControlCharacters.inJson(ByteBuffer.wrap(utf8)))
                    .as(HexFormat.ofDelimiter(" ").formatHex(utf8))
                    .isEqualTo(expected);
            refused += expected ? 1 : 0;
        }
        // both answers are common, so the comparison above compared something
        assertThat(refused).isBetween(40_000, 160_000);
    }

    private static void assertRefused(String text) {
        assertRefused(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertAccepted(String text) {
        assertAccepted(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(byte[] utf8) {
        assertThat(ControlCharacters.inJson(new String(utf8, StandardCharsets.UTF_8)))
                .as("the decoded text's scan")
                .isTrue();
        assertThat(ControlCharacters.inJson(ByteBuffer.wrap(utf8)))
                .as("the bytes' scan")
                .isTrue();
    }

    private static void assertAccepted(byte[] utf8) {
        assertThat(ControlCharacters.inJson(new String(utf8, StandardCharsets.UTF_8)))
                .as("the decoded text's scan")
                .isFalse();
        assertThat(ControlCharacters.inJson(ByteBuffer.wrap(utf8)))
                .as("the bytes' scan")
                .isFalse();
    }

    private static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        return both.toByteArray();
    }
}
