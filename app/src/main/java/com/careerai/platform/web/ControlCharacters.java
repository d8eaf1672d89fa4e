package com.careerai.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds control characters other than tab, CR and LF (C0, DEL and C1) in raw request text:
 * percent-encoded paths, queries and form bodies, and JSON documents (including their
 * {@code \}{@code u0000}-style escapes), the last also as UTF-8 bytes without decoding them.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    /** Whether {@code c} is a control character we refuse in text input. */
    public static boolean isRefused(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    /** Whether {@code text} contains a refused control character. */
    public static boolean anyIn(CharSequence text) {
        return text.chars().anyMatch(ControlCharacters::isRefused);
    }

    /**
     * Percent-decodes {@code raw} as UTF-8 ({@code +} as a space when {@code form}); a broken
     * escape is kept as it is, so this never fails.
     */
    public static String percentDecoded(String raw, boolean form) {
        if (raw.indexOf('%') < 0 && (!form || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high * 16 + low);
                    i += 2;
                    continue;
                }
            }
            if (form && c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The name of the first {@code name=value} pair of a query string or form body whose name or
     * value holds a refused control character.
     */
    public static Optional<String> inPairs(String raw) {
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = percentDecoded(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : percentDecoded(pair.substring(equals + 1), true);
            if (anyIn(name) || anyIn(value)) {
                String shown = name.codePoints()
                        .filter(c -> !isRefused(c))
                        .limit(60)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString();
                return Optional.of(shown.isBlank() ? "input" : shown);
            }
        }
        return Optional.empty();
    }

    /** Whether a JSON text holds a refused control character, raw or as a {@code \}{@code uXXXX} escape. */
    public static boolean inJson(CharSequence json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                if (json.charAt(i + 1) == 'u' && i + 5 < json.length() && refusedEscape(json, i + 2)) {
                    return true;
                }
                i++; // skip the escaped character, whatever it is
            } else if (isRefused(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #inJson(CharSequence)}'s answer for the UTF-8 text between {@code utf8}'s position and
     * limit, read in place (neither the position nor the bytes change). Every byte below 0x80 is its
     * own character in any decoding, valid or not, and the C1 controls are exactly the pairs
     * {@code 0xC2 0x80}–{@code 0xC2 0x9F} (0xC2 never continues a sequence), so the bytes answer
     * alone; only an escape with a non-ASCII byte among its four digits is decoded, because
     * {@link Character#digit(char, int)} also reads other scripts' and full-width digits.
     */
    public static boolean inJson(ByteBuffer utf8) {
        int end = utf8.limit();
        for (int i = utf8.position(); i < end; i++) {
            int b = utf8.get(i);
            if (b == '\\' && i + 1 < end) {
                if (utf8.get(i + 1) == 'u' && i + 5 < end && refusedEscape(utf8, i + 2, end)) {
                    return true;
                }
                i++; // skip the escaped byte; what follows a multi-byte character's first is never refused
            } else if (b >= 0 ? isRefused(b) : b == (byte) 0xC2 && i + 1 < end && isC1Continuation(utf8.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isC1Continuation(byte b) {
        return b >= (byte) 0x80 && b <= (byte) 0x9F;
    }

    /** Whether the four characters from {@code from} are hexadecimal digits naming a refused character. */
    private static boolean refusedEscape(CharSequence text, int from) {
        int code = 0;
        boolean hex = true;
        for (int j = from; j < from + 4; j++) {
            int digit = Character.digit(text.charAt(j), 16);
            hex &= digit >= 0;
            code = code * 16 + Math.max(digit, 0);
        }
        return hex && isRefused(code);
    }

    private static boolean refusedEscape(ByteBuffer utf8, int from, int end) {
        for (int j = from; j < from + 4; j++) {
            if (utf8.get(j) < 0) {
                // A character is at most 3 bytes before the 4th digit ends (a 4-byte one is two chars):
                // 16 bytes hold the four characters as the whole text's decoding has them.
                byte[] window = new byte[Math.min(16, end - from)];
                utf8.get(from, window);
                String digits = new String(window, StandardCharsets.UTF_8);
                return digits.length() >= 4 && refusedEscape(digits, 0);
            }
        }
        int code = 0;
        for (int j = from; j < from + 4; j++) {
            int digit = Character.digit(utf8.get(j), 16);
            if (digit < 0) {
                return false;
            }
            code = code * 16 + digit;
        }
        return isRefused(code);
    }
}
