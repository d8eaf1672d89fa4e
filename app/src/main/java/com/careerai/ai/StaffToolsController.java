package com.careerai.ai;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Staff switch tools on and off for their university. */
@Hidden
@Controller("/staff/tools")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffToolsController {
    private final ToolCatalog catalog;
    private final ToolSettings settings;

    StaffToolsController(ToolCatalog catalog, ToolSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@CurrentUser SignedInUser staff) {
        Set<String> disabled = settings.disabled(staff.universityId());
        Map<String, Object> model = new HashMap<>();
        model.put(
                "tools",
                catalog.all().stream()
                        .map(tool -> Map.of(
                                "slug",
                                tool.slug(),
                                "name",
                                tool.name(),
                                "description",
                                tool.description(),
                                "enabled",
                                !disabled.contains(tool.slug())))
                        .toList());
        return new ModelAndView<>("ai/staff-tools", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> change(@CurrentUser SignedInUser staff, @Body Map<String, String> form) {
        String slug = form.getOrDefault("tool", "");
        boolean enabled = "true".equals(form.get("enabled"));
        settings.setEnabled(staff.universityId(), slug, enabled, "user:" + staff.userId());
        return HttpResponse.seeOther(URI.create("/staff/tools"));
    }
}
