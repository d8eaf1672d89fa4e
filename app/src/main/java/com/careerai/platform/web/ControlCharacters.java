package com.careerai.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds control characters other than tab, CR and LF (C0, DEL and C1) in raw request text:
 * percent-encoded paths, queries and form bodies, and JSON documents (including their
 * {@code \}{@code u0000}-style escapes).
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
                char next = json.charAt(i + 1);
                if (next == 'u' && i + 5 < json.length()) {
                    int code = 0;
                    boolean hex = true;
                    for (int j = i + 2; j < i + 6; j++) {
                        int digit = Character.digit(json.charAt(j), 16);
                        hex &= digit >= 0;
                        code = code * 16 + Math.max(digit, 0);
                    }
                    if (hex && isRefused(code)) {
                        return true;
                    }
                }
                i++; // skip the escaped character, whatever it is
            } else if (isRefused(c)) {
                return true;
            }
        }
        return false;
    }
}
