package com.careerai.platform.web;

import com.careerai.platform.config.CareerAiConfiguration;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
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

    LayoutModel(CareerAiConfiguration configuration, List<LayoutContributor> contributors) {
        this.configuration = configuration;
        this.contributors = contributors;
    }

    public Map<String, Object> forRequest(HttpRequest<?> request) {
        Map<String, Object> layout = new HashMap<>();
        layout.put("baseDomain", configuration.getBaseDomain());
        layout.put("path", request.getPath());
        // the public site's branding; a university's site replaces it (tenancy's contributor)
        layout.put("siteName", "CareerAI");
        layout.put("brandColor", "#1F4E79");
        contributors.forEach(contributor -> contributor.contribute(request, layout));
        return layout;
    }
}
