package com.careerai.web;

import com.careerai.auth.Role;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The public landing page on the bare base domain, and each university's home page. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {
    private final Recommendations recommendations;

    HomeController(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request) {
        Optional<University> university = Tenants.current(request);
        Map<String, Object> model = new HashMap<>();
        if (university.isEmpty()) {
            return new ModelAndView<>("home/landing", model);
        }
        model.put("university", university.get());
        SignedInUsers.current(request)
                .filter(user -> user.role() == Role.STUDENT)
                .ifPresent(student -> model.put("recommended", recommendations.forStudent(student)));
        return new ModelAndView<>("home/tenant", model);
    }
}
