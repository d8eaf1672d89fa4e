package com.careerai.tenancy;

import com.careerai.platform.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;

/** Brands every page of a university's site: its name, colour and initial in the layout model. */
@Singleton
class UniversityLayoutContributor implements LayoutContributor {

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        Tenants.current(request).ifPresent(university -> {
            layout.put("university", university);
            layout.put("siteName", university.name());
            layout.put("brandColor", university.brandColor());
            layout.put("initial", university.name().substring(0, 1).toUpperCase(Locale.ROOT));
        });
    }
}
