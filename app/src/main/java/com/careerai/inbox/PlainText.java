package com.careerai.inbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text people wrote (announcements, notices) shown as HTML: escaped first, then web
 * addresses made links and line breaks kept. The text is data, never a template: nothing in it is
 * evaluated.
 */
final class PlainText {
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,;:!?)";

    private PlainText() {}

    /** {@code text} as safe HTML: escaped, {@code http(s)://} addresses linked, line breaks as {@code <br>}. */
    static String toHtml(String text) {
        String escaped = escape(text.replace("\r\n", "\n"));
        Matcher matcher = ADDRESS.matcher(escaped);
        StringBuilder html = new StringBuilder();
        int from = 0;
        while (matcher.find()) {
            String address = matcher.group();
            int end = address.length();
            while (end > 0 && TRAILING.indexOf(address.charAt(end - 1)) >= 0) {
                end--;
            }
            address = address.substring(0, end);
            html.append(escaped, from, matcher.start())
                    .append("<a href=\"")
                    .append(address)
                    .append("\" rel=\"noopener noreferrer nofollow\">")
                    .append(address)
                    .append("</a>");
            from = matcher.start() + end;
        }
        html.append(escaped.substring(from));
        return html.toString().replace("\n", "<br>\n");
    }

    /** Whether {@code text} holds a control character other than line breaks and tabs. */
    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** A path on the university's own site ({@code /…}, never {@code //host}), or null. */
    static String sitePathOrNull(String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
            return null;
        }
        return hasControlCharacters(link) ? null : link;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
