package com.careerai.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pages a rendered page's navigation links to, for tests that walk every page a user can reach. */
public final class Navigation {
    private static final Pattern NAV = Pattern.compile("<nav\\b.*?</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)\"");

    private Navigation() {}

    /** The paths of every {@code <nav>}'s links in {@code html}, in page order. */
    public static List<String> linksOf(String html) {
        List<String> links = new ArrayList<>();
        Matcher nav = NAV.matcher(html);
        while (nav.find()) {
            Matcher link = LINK.matcher(nav.group());
            while (link.find()) {
                links.add(link.group(1));
            }
        }
        return links;
    }
}
