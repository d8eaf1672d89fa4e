package com.careerai.auth.otp;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.CurrentUser;
import com.careerai.auth.NextPages;
import com.careerai.auth.RateLimitedException;
import com.careerai.auth.SignInException;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.google.GoogleSignIn;
import com.careerai.auth.session.SessionCookies;
import com.careerai.platform.web.ProblemException;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in page: enter your email, receive a code, enter the code. Errors are shown beside the
 * field they concern, with the status that names them (422, 401, 403, 429).
 */
@Hidden
@Controller("/signin")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {
    private static final String VIEW = "auth/signin";

    private final OneTimeCodes oneTimeCodes;
    private final SessionCookies sessionCookies;
    private final ClientAddresses clientAddresses;
    private final GoogleSignIn googleSignIn;
    private final OtpConfiguration configuration;

    SignInController(
            OneTimeCodes oneTimeCodes,
            SessionCookies sessionCookies,
            ClientAddresses clientAddresses,
            GoogleSignIn googleSignIn,
            OtpConfiguration configuration) {
        this.oneTimeCodes = oneTimeCodes;
        this.sessionCookies = sessionCookies;
        this.clientAddresses = clientAddresses;
        this.googleSignIn = googleSignIn;
        this.configuration = configuration;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(
            @CurrentUniversity University university,
            @Nullable @CurrentUser SignedInUser user,
            @Nullable @QueryValue String next,
            @Nullable @QueryValue("google_error") String googleError) {
        if (user != null) {
            return HttpResponse.seeOther(URI.create(NextPages.safe(next)));
        }
        Map<String, Object> model = model(university, "email", null, next);
        if (googleError != null) {
            model.put("error", GoogleSignIn.messageFor(googleError, university));
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> sendCode(@CurrentUniversity University university, HttpRequest<?> request, @Body EmailForm form) {
        try {
            String email = oneTimeCodes.request(university, form.email(), clientAddresses.of(request));
            Map<String, Object> model = model(university, "code", email, form.next());
            model.put("sent", true);
            return HttpResponse.ok(new ModelAndView<>(VIEW, model));
        } catch (ProblemException problem) {
            return refused(university, "email", form.email(), form.next(), problem);
        }
    }

    @Post(uri = "/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> verify(@CurrentUniversity University university, HttpRequest<?> request, @Body CodeForm form) {
        // Where to go is settled before the code is used up: nothing after it may fail.
        URI target = URI.create(NextPages.safe(form.next()));
        try {
            User user = oneTimeCodes.verify(university, form.email(), form.code(), clientAddresses.of(request));
            SessionCookies.OpenedSession session = sessionCookies.signIn(request, user);
            return HttpResponse.seeOther(target).cookie(session.cookie());
        } catch (ProblemException problem) {
            boolean aboutEmail = problem instanceof SignInException signIn && "email".equals(signIn.field());
            return refused(university, aboutEmail ? "email" : "code", form.email(), form.next(), problem);
        }
    }

    private MutableHttpResponse<?> refused(
            University university,
            String step,
            @Nullable String email,
            @Nullable String next,
            ProblemException problem) {
        Map<String, Object> model = model(university, step, email, next);
        Map<String, String> fields = problem.fields();
        if (fields.isEmpty()) {
            model.put("error", problem.getMessage());
        } else {
            model.put("errors", fields);
        }
        model.put("errorCode", problem.code());
        MutableHttpResponse<?> response = HttpResponse.status(problem.status()).body(new ModelAndView<>(VIEW, model));
        if (problem instanceof RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return response;
    }

    private Map<String, Object> model(
            University university, String step, @Nullable String email, @Nullable String next) {
        Map<String, Object> model = new HashMap<>();
        model.put("step", step);
        model.put("codeStep", "code".equals(step));
        model.put("email", email == null ? "" : shorten(email));
        model.put("next", NextPages.safe(next));
        model.put("nextEncoded", URLEncoder.encode(NextPages.safe(next), StandardCharsets.UTF_8));
        model.put("errors", Map.of());
        model.put("minutes", configuration.getCodeValidity().toMinutes());
        model.put("allowedDomains", university.allowedDomains());
        model.put("googleEnabled", googleSignIn.isEnabled());
        model.put("googleUrl", googleSignIn.startPath(NextPages.safe(next)));
        return model;
    }

    /** Never echo an oversized input back into the page. */
    private static String shorten(String value) {
        String trimmed = value.trim();
        return trimmed.length() > 254 ? trimmed.substring(0, 254) : trimmed;
    }
}
