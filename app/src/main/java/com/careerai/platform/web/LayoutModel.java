package com.careerai.platform.web;

import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.tenancy.Tenants;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code layout} model every page template reads: branding, site links, contributions. */
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
        Tenants.current(request)
                .ifPresentOrElse(
                        university -> {
                            layout.put("university", university);
                            layout.put("siteName", university.name());
                            layout.put("brandColor", university.brandColor());
                            layout.put(
                                    "initial", university.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
                        },
                        () -> {
                            layout.put("siteName", "CareerAI");
                            layout.put("brandColor", "#1F4E79");
                        });
        contributors.forEach(contributor -> contributor.contribute(request, layout));
        return layout;
    }
}
