package com.careerai.site;

/** A university's hero text and services blurb (plain text; empty when not written yet). */
public record SiteTexts(String heroText, String servicesBlurb) {
    public static SiteTexts empty() {
        return new SiteTexts("", "");
    }
}
