package com.careerai.notifications;

import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.Map;

/** Dev only: the emails the embedded mailbox caught for this university (sign-in codes for the demo). */
@Hidden
@Controller("/dev/mail")
@Requires(env = "dev")
@Requires(beans = DevMailbox.class)
@Secured(SecurityRule.IS_ANONYMOUS)
class DevMailController {
    private static final int SHOWN = 25;

    private final DevMailbox mailbox;

    DevMailController(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> mail(@CurrentUniversity University university) {
        Map<String, Object> model = new HashMap<>();
        model.put("messages", mailbox.latest(university.subdomain(), SHOWN));
        return new ModelAndView<>("dev/mail", model);
    }
}
