package com.careerai.support;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.RateLimit;
import com.careerai.auth.RateLimiter;
import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.tenancy.CurrentUniversity;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /contact/support} on a university's host: someone without an account (a parent, an alumnus,
 * an employer) asks the careers service for help; the ticket is answered by email. Same bot rules as
 * the inquiry form: a rate limit per client address and a honeypot whose bot is answered as a person.
 */
@Controller("/contact/support")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class PublicSupportController {
    static final RateLimit LIMIT = new RateLimit(5, Duration.ofMinutes(10));

    private final Tickets tickets;
    private final RateLimiter rateLimiter;
    private final ClientAddresses clientAddresses;
    private final CareerAiConfiguration configuration;

    PublicSupportController(
            Tickets tickets,
            RateLimiter rateLimiter,
            ClientAddresses clientAddresses,
            CareerAiConfiguration configuration) {
        this.tickets = tickets;
        this.rateLimiter = rateLimiter;
        this.clientAddresses = clientAddresses;
        this.configuration = configuration;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            @CurrentUniversity University university, @Nullable @QueryValue String sent) {
        Map<String, Object> model = model(university, Map.of(), Map.of());
        model.put("sent", sent != null);
        return new ModelAndView<>("support/contact", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> ask(
            HttpRequest<?> request, @CurrentUniversity University university, @Body Map<String, Object> form) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("name", "email", "subject", "category", "message")) {
            values.put(field, SupportPagesController.first(form.get(field)));
        }
        rateLimiter.hit(
                "support-contact:" + university.id(),
                clientAddresses.of(request),
                LIMIT,
                "Too many messages from your address. Try again in %s.");
        if (SupportPagesController.first(form.get("website")).isBlank()) {
            try {
                tickets.openForVisitor(
                        university.id(),
                        values.get("name"),
                        values.get("email"),
                        values.get("subject"),
                        values.get("category"),
                        values.get("message"));
            } catch (TicketException e) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(new ModelAndView<>("support/contact", model(university, values, e.fields())));
            }
        }
        return HttpResponse.seeOther(URI.create("/contact/support?sent=1"));
    }

    private Map<String, Object> model(University university, Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors.isEmpty() ? null : errors);
        model.put("sent", false);
        String chosen = values.getOrDefault("category", "general");
        model.put(
                "categories",
                Ticket.CATEGORIES.stream()
                        .map(c -> Map.<String, Object>of(
                                "value", c, "label", SupportPagesController.label(c), "selected", c.equals(chosen)))
                        .toList());
        model.put(
                "page",
                Map.of(
                        "title", "Ask for help",
                        "siteName", university.name() + " Careers",
                        "description", "Ask " + university.name() + "'s careers service for help; we answer by email.",
                        "canonical", configuration.siteUrlOf(university.subdomain()) + "/contact/support"));
        return model;
    }
}
