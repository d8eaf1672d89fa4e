package com.careerai.interests;

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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /staff/interests} (add, rename, retire). Students pick theirs on {@code /profile} (the
 * profile feature's page, through {@link Interests}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class InterestPagesController {
    private final Interests interests;
    private final LayoutModel layout;

    InterestPagesController(Interests interests, LayoutModel layout) {
        this.interests = interests;
        this.layout = layout;
    }

    @Get(value = "/staff/interests", produces = MediaType.TEXT_HTML)
    @Secured("STAFF")
    ModelAndView<Map<String, Object>> staffPage(HttpRequest<?> request, @CurrentUser SignedInUser staff) {
        // every category, how many picked each and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(
                request,
                List.of(interests.popularityRead(staff.universityId()), interests.allRead(staff.universityId())));
        return new ModelAndView<>("interests/staff", staffModel(staff, null, Map.of(), Map.of()));
    }

    @Post(value = "/staff/interests", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("STAFF")
    HttpResponse<?> add(@CurrentUser SignedInUser staff, @Body Map<String, Object> form) {
        String name = first(form.get("name"));
        try {
            refuseControlCharacters(name);
            interests.add(staff.universityId(), name, actor(staff));
        } catch (InterestException e) {
            return refused(staff, "new", e, Map.of("name", name));
        }
        return HttpResponse.seeOther(URI.create("/staff/interests"));
    }

    @Post(
            value = "/staff/interests/{id}/rename",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured("STAFF")
    HttpResponse<?> rename(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        String name = first(form.get("name"));
        try {
            refuseControlCharacters(name);
            interests.rename(staff.universityId(), id, name, actor(staff));
        } catch (InterestException e) {
            return refused(staff, String.valueOf(id), e, Map.of("name", name));
        }
        return HttpResponse.seeOther(URI.create("/staff/interests"));
    }

    @Post(
            value = "/staff/interests/{id}/retire",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured("STAFF")
    HttpResponse<?> retire(@CurrentUser SignedInUser staff, @PathVariable long id) {
        try {
            interests.retire(staff.universityId(), id, actor(staff));
        } catch (InterestException e) {
            return refused(staff, String.valueOf(id), e, Map.of());
        }
        return HttpResponse.seeOther(URI.create("/staff/interests"));
    }

    private HttpResponse<?> refused(SignedInUser staff, String row, InterestException e, Map<String, String> values) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("interests/staff", staffModel(staff, row, e.fields(), values)));
    }

    /** The page, with {@code errors} and the submitted {@code values} beside the form of {@code row} ("new" or an id). */
    private Map<String, Object> staffModel(
            SignedInUser staff, @Nullable String row, Map<String, String> errors, Map<String, String> values) {
        Map<String, Long> students = new HashMap<>();
        interests
                .popularity(staff.universityId())
                .forEach(p -> students.put(String.valueOf(p.interest().id()), p.students()));
        Map<String, Object> model = new HashMap<>();
        model.put(
                "interests",
                interests.all(staff.universityId()).stream()
                        .map(i -> {
                            String id = String.valueOf(i.id());
                            Map<String, Object> item = new HashMap<>();
                            item.put("id", i.id());
                            item.put(
                                    "name",
                                    id.equals(row) && values.containsKey("name") ? values.get("name") : i.name());
                            item.put("retired", i.retired());
                            item.put("students", students.getOrDefault(id, 0L));
                            item.put("errors", id.equals(row) ? errors : Map.of());
                            return item;
                        })
                        .toList());
        model.put("newErrors", "new".equals(row) ? errors : Map.of());
        model.put("newName", "new".equals(row) ? values.getOrDefault("name", "") : "");
        return model;
    }

    private static void refuseControlCharacters(String name) {
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InterestException("name", "The name contains control characters.");
        }
    }

    private static String actor(SignedInUser staff) {
        return "user:" + staff.userId();
    }

    private static String first(@Nullable Object value) {
        List<String> all = values(value);
        return all.isEmpty() ? "" : all.get(0);
    }

    /** A form field's values: one value arrives as a string, several as a list. */
    private static List<String> values(@Nullable Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
