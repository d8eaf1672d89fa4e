package com.careerai.site;

import com.github.jknack.handlebars.Handlebars;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff-written plain text shown as HTML: every character is HTML-escaped, then http(s) addresses
 * become links and blank lines paragraphs. The text is never evaluated as a template, so
 * {@code {{…}}} or {@code <script>} show as typed.
 */
public final class PlainText {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

    private PlainText() {}

    /** The text as safe HTML: paragraphs, line breaks and links ({@code rel="nofollow noopener"}). */
    public static Handlebars.SafeString html(String text) {
        StringBuilder out = new StringBuilder();
        String normalised = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (normalised.isEmpty()) {
            return new Handlebars.SafeString("");
        }
        for (String paragraph : normalised.split("\n\\s*\n")) {
            out.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>");
                }
                linkify(lines[i], out);
            }
            out.append("</p>");
        }
        return new Handlebars.SafeString(out.toString());
    }

    private static void linkify(String line, StringBuilder out) {
        Matcher m = LINK.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            // Trailing punctuation ends the sentence, not the address.
            while (!url.isEmpty() && ".,;:!?)]".indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            out.append(escape(line.substring(at, m.start())));
            String safe = escape(url);
            out.append("<a href=\"")
                    .append(safe)
                    .append("\" rel=\"nofollow noopener\">")
                    .append(safe)
                    .append("</a>");
            at = end;
        }
        out.append(escape(line.substring(at)));
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                case '`' -> out.append("&#x60;");
                case '=' -> out.append("&#x3D;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
