package com.careerai.platform.web;

import com.careerai.platform.data.PageRead;
import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Map;

/** Adds what a feature shows on every page (signed-in user, balances, CSRF token, …) to the layout model. */
public interface LayoutContributor {
    void contribute(HttpRequest<?> request, Map<String, Object> layout);

    /**
     * What {@link #contribute} will read for this request, for a page to send ahead with its own reads
     * in one round trip (ADR 0076); nothing by default.
     */
    default List<PageRead<?>> reads(HttpRequest<?> request) {
        return List.of();
    }
}
