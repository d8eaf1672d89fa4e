package com.careerai.site;

import com.careerai.counselling.Counsellors;
import com.careerai.courses.CourseOffers;
import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-out public pages. On a university's host: services, counsellors, FAQ, privacy and
 * terms ({@code /} is {@code web}'s home page, {@code /courses} the courses feature's, {@code
 * /contact} the leads feature's). On the bare base domain: about, pricing, FAQ, privacy and terms.
 * Every page carries its description, canonical URL and Open Graph tags built from the site URL.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class PublicPagesController {
    private final SiteContent site;
    private final Counsellors counsellors;
    private final CourseOffers courses;
    private final CareerAiConfiguration configuration;

    PublicPagesController(
            SiteContent site, Counsellors counsellors, CourseOffers courses, CareerAiConfiguration configuration) {
        this.site = site;
        this.counsellors = counsellors;
        this.courses = courses;
        this.configuration = configuration;
    }

    @Get(value = "/services", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> services(HttpRequest<?> request) {
        University university = universityOf(request);
        Map<String, Object> model = page(
                university,
                "/services",
                "Services",
                "Career tools, counselling and courses from " + university.name() + "'s careers service.");
        model.put("blurb", PlainText.html(site.texts(university.id()).servicesBlurb()));
        model.put(
                "courses",
                courses.upcomingPublic(university.id(), 6).stream()
                        .map(c -> Map.<String, Object>of(
                                "title", c.title(), "summary", c.summary(), "path", c.path(), "price", c.price()))
                        .toList());
        return new ModelAndView<>("site/services", model);
    }

    @Get(value = "/counsellors", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> counsellors(HttpRequest<?> request) {
        University university = universityOf(request);
        Map<String, Object> model = page(
                university,
                "/counsellors",
                "Counsellors",
                "Meet the career counsellors of " + university.name() + ": their expertise and languages.");
        model.put(
                "counsellors",
                counsellors.publicProfiles(university.id()).stream()
                        .map(c -> {
                            Map<String, Object> card = new HashMap<>();
                            card.put("id", c.id());
                            card.put("name", c.name());
                            card.put("bio", PlainText.html(c.bio() == null ? "" : c.bio()));
                            card.put("expertise", c.expertise());
                            card.put("languages", String.join(", ", c.languages()));
                            card.put("photo", c.hasPhoto() ? "/counsellors/" + c.id() + "/photo" : null);
                            return card;
                        })
                        .toList());
        return new ModelAndView<>("site/counsellors", model);
    }

    // any Accept matches, so a refusal is a 404 page, never a 406 (the body is always JPEG)
    @Get(
            value = "/counsellors/{id}/photo",
            produces = {MediaType.IMAGE_JPEG, MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<byte[]> photo(HttpRequest<?> request, @PathVariable long id) {
        University university = universityOf(request);
        byte[] jpeg = counsellors.publicPhoto(university.id(), id).orElseThrow(PublicPagesController::notFound);
        return HttpResponse.ok(jpeg)
                .contentType(MediaType.IMAGE_JPEG_TYPE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=300");
    }

    @Get(value = "/faq", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> faq(HttpRequest<?> request) {
        Optional<University> university = Tenants.current(request);
        if (university.isEmpty()) {
            return new ModelAndView<>(
                    "site/platform-faq",
                    platformPage("/faq", "FAQ", "Questions universities ask about CareerAI, answered."));
        }
        University u = university.get();
        Map<String, Object> model = page(
                u, "/faq", "Frequently asked questions", "Answers to common questions about " + u.name() + " careers.");
        model.put(
                "faq",
                site.faq(u.id()).stream()
                        .map(e -> Map.<String, Object>of(
                                "id", e.id(), "question", e.question(), "answer", PlainText.html(e.answer())))
                        .toList());
        return new ModelAndView<>("site/faq", model);
    }

    @Get(value = "/privacy", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> privacy(HttpRequest<?> request) {
        return new ModelAndView<>(
                "site/privacy", legal(request, "/privacy", "Privacy policy", "How %s handles your personal data."));
    }

    @Get(value = "/terms", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> terms(HttpRequest<?> request) {
        return new ModelAndView<>("site/terms", legal(request, "/terms", "Terms of use", "The terms of using %s."));
    }

    @Get(value = "/about", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> about(HttpRequest<?> request) {
        platformOnly(request);
        return new ModelAndView<>(
                "site/about",
                platformPage(
                        "/about",
                        "About CareerAI",
                        "CareerAI runs careers services for universities: AI tools, counsellors and courses on the university's own address."));
    }

    @Get(value = "/pricing", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> pricing(HttpRequest<?> request) {
        platformOnly(request);
        return new ModelAndView<>(
                "site/pricing",
                platformPage(
                        "/pricing", "Pricing for universities", "CareerAI's plans for universities, in plain words."));
    }

    private Map<String, Object> legal(HttpRequest<?> request, String path, String title, String description) {
        Optional<University> university = Tenants.current(request);
        if (university.isEmpty()) {
            Map<String, Object> model = platformPage(path, title, description.formatted("CareerAI"));
            model.put("owner", "CareerAI");
            return model;
        }
        Map<String, Object> model = page(
                university.get(),
                path,
                title,
                description.formatted(university.get().name() + " careers"));
        model.put("owner", university.get().name());
        return model;
    }

    private Map<String, Object> page(University university, String path, String title, String description) {
        Map<String, Object> model = new HashMap<>();
        model.put(
                "page",
                Map.of(
                        "title",
                        title,
                        "siteName",
                        university.name() + " careers",
                        "description",
                        description,
                        "canonical",
                        configuration.siteUrlOf(university.subdomain()) + path));
        return model;
    }

    private Map<String, Object> platformPage(String path, String title, String description) {
        Map<String, Object> model = new HashMap<>();
        model.put(
                "page",
                Map.of(
                        "title",
                        title,
                        "siteName",
                        "CareerAI",
                        "description",
                        description,
                        "canonical",
                        configuration.rootUrl() + path));
        model.put("owner", "CareerAI");
        return model;
    }

    private static University universityOf(HttpRequest<?> request) {
        return Tenants.current(request).orElseThrow(PublicPagesController::notFound);
    }

    private static void platformOnly(HttpRequest<?> request) {
        if (Tenants.current(request).isPresent()) {
            throw notFound();
        }
    }

    private static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Not found.");
    }
}
