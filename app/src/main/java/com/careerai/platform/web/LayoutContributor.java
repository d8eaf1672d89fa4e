package com.careerai.platform.web;

import io.micronaut.http.HttpRequest;
import java.util.Map;

/** Adds what a feature shows on every page (signed-in user, balances, CSRF token, …) to the layout model. */
public interface LayoutContributor {
    void contribute(HttpRequest<?> request, Map<String, Object> layout);
}
