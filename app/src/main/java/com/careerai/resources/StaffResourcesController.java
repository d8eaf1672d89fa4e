package com.careerai.resources;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.LayoutModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff review of shared resources ({@code /staff/resources}): the approval setting and the queue. */
@Controller("/staff/resources")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffResourcesController {
    @Serdeable
    record ReviewForm(@Nullable String decision, @Nullable String reason, @Nullable String requireApproval) {}

    private final Resources resources;
    private final ResourcePages pages;
    private final LayoutModel layout;

    StaffResourcesController(Resources resources, ResourcePages pages, LayoutModel layout) {
        this.resources = resources;
        this.pages = pages;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> queue(HttpRequest<?> request, @CurrentUser SignedInUser staff) {
        layout.prefetchWith(request, resources.reviewReads(staff.universityId()));
        return new ModelAndView<>("resources/staff", model(staff, null, Map.of()));
    }

    private Map<String, Object> model(SignedInUser staff, @Nullable Long failedId, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("requireApproval", resources.requiresApproval(staff.universityId()));
        List<Resource> pending = resources.pending(staff.universityId());
        model.put("pendingCount", pending.size());
        model.put(
                "pending",
                pending.stream()
                        .map(resource -> {
                            Map<String, Object> card = new HashMap<>(pages.card(resource, staff));
                            if (failedId != null && failedId == resource.id()) {
                                card.put("errors", errors);
                            }
                            return card;
                        })
                        .toList());
        return model;
    }

    @Post(value = "/{id}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> decide(@CurrentUser SignedInUser staff, @PathVariable long id, @Body ReviewForm form) {
        try {
            resources.decide(staff, id, "approve".equals(form.decision()), form.reason());
        } catch (ResourceException e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("resources/staff", model(staff, id, e.fields())));
        }
        return HttpResponse.seeOther(URI.create("/staff/resources"));
    }

    @Post(value = "/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> settings(@CurrentUser SignedInUser staff, @Body ReviewForm form) {
        resources.changeRequiresApproval(staff, "on".equals(form.requireApproval()));
        return HttpResponse.seeOther(URI.create("/staff/resources"));
    }
}
