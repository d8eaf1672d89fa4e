package com.careerai.site;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /staff/site}: the hero text, services blurb and FAQ of the university's public pages. */
@Controller("/staff/site")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffSiteController {
    private final SiteContent site;
    private final LayoutModel layout;

    StaffSiteController(SiteContent site, LayoutModel layout) {
        this.site = site;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request, @CurrentUser SignedInUser staff, @Nullable @QueryValue String saved) {
        // the texts, the FAQ and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, site.staffPageReads(staff.universityId()));
        SiteTexts texts = site.texts(staff.universityId());
        Map<String, String> values = new HashMap<>();
        values.put("heroText", texts.heroText());
        values.put("servicesBlurb", texts.servicesBlurb());
        Map<String, Object> model = model(staff, values, Map.of(), Map.of(), null, Map.of());
        model.put("saved", saved != null);
        return new ModelAndView<>("site/staff", model);
    }

    @Post(value = "/texts", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> saveTexts(@CurrentUser SignedInUser staff, @Body Map<String, Object> form) {
        Map<String, String> values = new HashMap<>();
        values.put("heroText", first(form.get("heroText")));
        values.put("servicesBlurb", first(form.get("servicesBlurb")));
        try {
            site.saveTexts(
                    staff.universityId(),
                    new SiteTexts(values.get("heroText"), values.get("servicesBlurb")),
                    actor(staff));
        } catch (SiteException e) {
            return refused(model(staff, values, e.fields(), Map.of(), null, Map.of()));
        }
        return saved();
    }

    @Post(value = "/faq", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> add(@CurrentUser SignedInUser staff, @Body Map<String, Object> form) {
        Map<String, String> entry =
                Map.of("question", first(form.get("question")), "answer", first(form.get("answer")));
        try {
            site.addFaq(staff.universityId(), entry.get("question"), entry.get("answer"), actor(staff));
        } catch (SiteException e) {
            return refused(model(staff, currentTexts(staff), Map.of(), entry, null, e.fields()));
        }
        return saved();
    }

    @Post(value = "/faq/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> edit(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        Map<String, String> entry =
                Map.of("question", first(form.get("question")), "answer", first(form.get("answer")));
        try {
            site.updateFaq(staff.universityId(), id, entry.get("question"), entry.get("answer"), actor(staff));
        } catch (SiteException e) {
            return refused(model(staff, currentTexts(staff), Map.of(), Map.of(), id, withValues(e.fields(), entry)));
        }
        return saved();
    }

    @Post(value = "/faq/{id}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> remove(@CurrentUser SignedInUser staff, @PathVariable long id) {
        site.removeFaq(staff.universityId(), id, actor(staff));
        return saved();
    }

    @Post(value = "/faq/{id}/move", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> move(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        site.moveFaq(staff.universityId(), id, "up".equals(first(form.get("direction"))) ? -1 : 1, actor(staff));
        return saved();
    }

    private Map<String, String> currentTexts(SignedInUser staff) {
        SiteTexts texts = site.texts(staff.universityId());
        return Map.of("heroText", texts.heroText(), "servicesBlurb", texts.servicesBlurb());
    }

    /**
     * The page model: the texts form (values, errors), the FAQ list (the entry being edited with
     * its refused values and errors) and the new-entry form.
     */
    private Map<String, Object> model(
            SignedInUser staff,
            Map<String, String> values,
            Map<String, String> errors,
            Map<String, String> newEntry,
            @Nullable Long editedId,
            Map<String, String> faqErrors) {
        List<FaqEntry> entries = site.faq(staff.universityId());
        List<Map<String, Object>> faq = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FaqEntry entry = entries.get(i);
            boolean edited = editedId != null && editedId == entry.id();
            Map<String, Object> row = new HashMap<>();
            row.put("id", entry.id());
            row.put("number", i + 1);
            row.put("question", edited ? faqErrors.getOrDefault("_question", entry.question()) : entry.question());
            row.put("answer", edited ? faqErrors.getOrDefault("_answer", entry.answer()) : entry.answer());
            row.put("errors", edited ? faqErrors : null);
            row.put("first", i == 0);
            row.put("last", i == entries.size() - 1);
            faq.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors.isEmpty() ? null : errors);
        model.put("faq", faq);
        model.put("newEntry", newEntry);
        model.put("newErrors", editedId == null && !faqErrors.isEmpty() ? faqErrors : null);
        model.put("saved", false);
        model.put(
                "limits",
                Map.of(
                        "hero", SiteContent.HERO_MAX,
                        "blurb", SiteContent.BLURB_MAX,
                        "question", SiteContent.QUESTION_MAX,
                        "answer", SiteContent.ANSWER_MAX));
        return model;
    }

    private static Map<String, String> withValues(Map<String, String> errors, Map<String, String> entry) {
        Map<String, String> all = new HashMap<>(errors);
        all.put("_question", entry.get("question"));
        all.put("_answer", entry.get("answer"));
        return all;
    }

    private static HttpResponse<?> refused(Map<String, Object> model) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("site/staff", model));
    }

    private static HttpResponse<?> saved() {
        return HttpResponse.seeOther(URI.create("/staff/site?saved=1"));
    }

    private static String actor(SignedInUser staff) {
        return "user:" + staff.userId();
    }

    private static String first(@Nullable Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return "";
    }
}
