package com.careerai.staff;

import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Links staff to their credits page from every page's navigation. */
@Singleton
class StaffNavigationContributor implements LayoutContributor {

    @Override
    @SuppressWarnings("unchecked")
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).filter(user -> user.isStaff()).ifPresent(user -> {
            List<Map<String, Object>> nav = (List<Map<String, Object>>)
                    layout.computeIfAbsent("nav", key -> new ArrayList<Map<String, Object>>());
            nav.add(Map.of(
                    "href",
                    "/staff/credits",
                    "label",
                    "Credits",
                    "active",
                    request.getPath().startsWith("/staff/credits")));
        });
    }
}
