package com.careerai.platform.web;

import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.platform.data.PageRead;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code layout} model every page template reads: the public site's branding and links,
 * then what each feature's {@link LayoutContributor} adds (a university's branding, the signed-in
 * user, balances, navigation).
 */
@Singleton
public class LayoutModel {
    private final CareerAiConfiguration configuration;
    private final List<LayoutContributor> contributors;
    private final PageReads pageReads;

    LayoutModel(CareerAiConfiguration configuration, List<LayoutContributor> contributors, PageReads pageReads) {
        this.configuration = configuration;
        this.contributors = contributors;
        this.pageReads = pageReads;
    }

    /** What the layout will read for this request (the header's balances, the bell), for a page to send ahead. */
    public List<PageRead<?>> reads(HttpRequest<?> request) {
        return contributors.stream()
                .flatMap(contributor -> contributor.reads(request).stream())
                .toList();
    }

    /**
     * Sends {@code page}'s reads and the header's in one round trip (ADR 0076), for a page that knows
     * what it will read; the page and its layout then find their values kept.
     */
    public void prefetchWith(HttpRequest<?> request, Collection<? extends PageRead<?>> page) {
        List<PageRead<?>> all = new ArrayList<>(reads(request));
        all.addAll(page);
        pageReads.prefetch(all);
    }

    public Map<String, Object> forRequest(HttpRequest<?> request) {
        Map<String, Object> layout = new HashMap<>();
        layout.put("baseDomain", configuration.getBaseDomain());
        layout.put("path", request.getPath());
        // the public site's branding; a university's site replaces it (tenancy's contributor)
        layout.put("siteName", "CareerAI");
        layout.put("brandColor", "#1F4E79");
        // what the contributors will read and the page has not (balances, the bell): one round trip
        pageReads.prefetch(reads(request));
        contributors.forEach(contributor -> contributor.contribute(request, layout));
        return layout;
    }
}
