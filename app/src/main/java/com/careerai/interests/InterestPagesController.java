package com.careerai.interests;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /profile} (every signed-in person: the "Interests" section; later issues add sections)
 * and {@code /staff/interests} (add, rename, retire).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class InterestPagesController {
    private final Interests interests;

    InterestPagesController(Interests interests) {
        this.interests = interests;
    }

    @Get(value = "/profile", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> profile(@CurrentUser SignedInUser user, @Nullable @QueryValue String saved) {
        return new ModelAndView<>("interests/profile", profileModel(user, null, null, saved != null));
    }

    @Post(
            value = "/profile/interests",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> chooseInterests(@CurrentUser SignedInUser user, @Body Map<String, Object> form) {
        List<Long> ids = new ArrayList<>();
        for (String value : values(form.get("interestIds"))) {
            try {
                ids.add(Long.valueOf(value.strip()));
            } catch (NumberFormatException e) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ModelAndView<>(
                                "interests/profile",
                                profileModel(user, "Choose among the interests offered.", ids, false)));
            }
        }
        try {
            interests.choose(user.universityId(), user.userId(), ids);
        } catch (InterestException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("interests/profile", profileModel(user, e.getMessage(), ids, false)));
        }
        return HttpResponse.seeOther(URI.create("/profile?saved=interests#interests"));
    }

    private Map<String, Object> profileModel(
            SignedInUser user, @Nullable String error, @Nullable List<Long> submitted, boolean saved) {
        List<Interest> mine = interests.ofUser(user.universityId(), user.userId());
        Set<Long> ticked = submitted != null
                ? Set.copyOf(submitted)
                : mine.stream().map(Interest::id).collect(Collectors.toSet());
        Map<String, Object> model = new HashMap<>();
        model.put(
                "offered",
                interests.offered(user.universityId()).stream()
                        .map(i -> Map.<String, Object>of(
                                "id", i.id(), "name", i.name(), "checked", ticked.contains(i.id())))
                        .toList());
        model.put("retired", mine.stream().filter(Interest::retired).toList());
        model.put("error", error);
        model.put("saved", saved);
        model.put("max", Interests.MAX_CHOICES);
        model.put("name", user.displayName());
        model.put("email", user.email());
        model.put("role", user.role().name().toLowerCase(java.util.Locale.ROOT));
        return model;
    }

    @Get(value = "/staff/interests", produces = MediaType.TEXT_HTML)
    @Secured("STAFF")
    ModelAndView<Map<String, Object>> staffPage(@CurrentUser SignedInUser staff) {
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
