package com.careerai.leads;

import com.careerai.courses.CourseOffers;
import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /contact}: on a university's host the inquiry form ({@code ?course=} preselects a public
 * course); on the bare base domain the platform's sales contact form ({@link SalesLeads}).
 */
@Controller("/contact")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class ContactController {
    private final InquiryIntake intake;
    private final Leads leads;
    private final CourseOffers courses;
    private final CareerAiConfiguration configuration;

    ContactController(InquiryIntake intake, Leads leads, CourseOffers courses, CareerAiConfiguration configuration) {
        this.intake = intake;
        this.leads = leads;
        this.courses = courses;
        this.configuration = configuration;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request, @Nullable @QueryValue String course, @Nullable @QueryValue String sent) {
        Optional<University> host = Tenants.current(request);
        if (host.isEmpty()) {
            Map<String, Object> model = salesModel(Map.of(), Map.of());
            model.put("sent", sent != null);
            return new ModelAndView<>("leads/sales-contact", model);
        }
        University university = host.get();
        Map<String, String> values = new HashMap<>();
        if (course != null) {
            values.put("courseId", course.strip());
        }
        Map<String, Object> model = model(university, values, Map.of());
        model.put("sent", sent != null);
        return new ModelAndView<>("leads/contact", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> submit(HttpRequest<?> request, @Body Map<String, Object> form) {
        Optional<University> host = Tenants.current(request);
        if (host.isEmpty()) {
            return salesLead(request, form);
        }
        University university = host.get();
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("name", "email", "phone", "interest", "message", "courseId", "consent")) {
            values.put(field, first(form.get(field)));
        }
        Long courseId = null;
        if (!values.get("courseId").isBlank()) {
            try {
                courseId = Long.valueOf(values.get("courseId").strip());
            } catch (NumberFormatException e) {
                return refused(university, values, Map.of("course", "Choose one of the courses listed."));
            }
        }
        Inquiry inquiry = new Inquiry(
                values.get("name"),
                values.get("email"),
                values.get("phone"),
                values.get("interest"),
                courseId,
                null,
                values.get("message"),
                !values.get("consent").isBlank());
        try {
            intake.submit(request, university, inquiry, first(form.get("website")));
        } catch (LeadException e) {
            return refused(university, values, e.fields());
        }
        return HttpResponse.seeOther(URI.create("/contact?sent=1"));
    }

    /** The platform's own contact page (bare base domain): a sales lead for CareerAI itself. */
    private HttpResponse<?> salesLead(HttpRequest<?> request, Map<String, Object> form) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("name", "email", "phone", "organisation", "message", "consent")) {
            values.put(field, first(form.get(field)));
        }
        try {
            intake.submitSales(
                    request,
                    new SalesLeads.Submitted(
                            values.get("name"),
                            values.get("email"),
                            values.get("phone"),
                            values.get("organisation"),
                            values.get("message"),
                            !values.get("consent").isBlank()),
                    first(form.get("website")));
        } catch (LeadException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("leads/sales-contact", salesModel(values, e.fields())));
        }
        return HttpResponse.seeOther(URI.create("/contact?sent=1"));
    }

    private Map<String, Object> salesModel(Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors.isEmpty() ? null : errors);
        model.put("sent", false);
        model.put(
                "page",
                Map.of(
                        "title", "Contact CareerAI",
                        "siteName", "CareerAI",
                        "description", "Bring CareerAI to your university: ask for a demo or a quote.",
                        "canonical", configuration.rootUrl() + "/contact"));
        return model;
    }

    private HttpResponse<?> refused(University university, Map<String, String> values, Map<String, String> errors) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("leads/contact", model(university, values, errors)));
    }

    /** The page model: the form's values and errors, and the public courses to choose from. */
    Map<String, Object> model(University university, Map<String, String> values, Map<String, String> errors) {
        String chosen = values.getOrDefault("courseId", "");
        List<Map<String, Object>> offered = courses.upcomingPublic(university.id(), 50).stream()
                .map(c -> Map.<String, Object>of(
                        "id",
                        c.id(),
                        "title",
                        c.title(),
                        "selected",
                        String.valueOf(c.id()).equals(chosen)))
                .toList();
        Map<String, Object> inquiry = new HashMap<>();
        inquiry.put("values", values);
        inquiry.put("errors", errors.isEmpty() ? null : errors);
        inquiry.put("courses", offered);
        inquiry.put("region", leads.settings(university.id()).defaultRegion());
        Map<String, Object> model = new HashMap<>();
        model.put("inquiry", inquiry);
        model.put("sent", false);
        model.put("canonicalUrl", configuration.siteUrlOf(university.subdomain()) + "/contact");
        return model;
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
