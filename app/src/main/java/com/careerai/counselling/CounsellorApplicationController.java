package com.careerai.counselling;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.EmailAddresses;
import com.careerai.auth.SignInException;
import com.careerai.auth.otp.EmailProofs;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /counsellors/apply}: a counsellor registers on the university's host in two steps: the
 * form is checked and a one-time code is emailed ({@link EmailProofs}, the sign-in codes); the
 * registration is accepted into the staff approval queue only with the right code.
 */
@Controller("/counsellors/apply")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CounsellorApplicationController {
    @Serdeable
    record ApplicationForm(
            @Nullable String name,
            @Nullable String email,
            @Nullable String bio,
            @Nullable String expertise,
            @Nullable String timeZone,
            @Nullable String code,
            @Nullable String step) {
        boolean sendingCode() {
            return !"apply".equals(step);
        }
    }

    private final Counsellors counsellors;
    private final EmailProofs proofs;
    private final ClientAddresses clientAddresses;

    CounsellorApplicationController(Counsellors counsellors, EmailProofs proofs, ClientAddresses clientAddresses) {
        this.counsellors = counsellors;
        this.proofs = proofs;
        this.clientAddresses = clientAddresses;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>("counselling/apply", model(null, Map.of(), false, false));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> apply(
            @CurrentUniversity University university, HttpRequest<?> request, @Body ApplicationForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "Enter your name (up to 200 characters).");
        }
        String email = "";
        try {
            email = EmailAddresses.parse(form.email());
        } catch (SignInException e) {
            errors.put("email", e.getMessage());
        }
        String bio = form.bio() == null ? "" : form.bio().strip();
        if (bio.length() < 20 || bio.length() > 4000) {
            errors.put("bio", "Tell students about yourself in 20 to 4000 characters.");
        }
        List<String> expertise = form.expertise() == null
                ? List.of()
                : Arrays.stream(form.expertise().split(","))
                        .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                        .filter(tag -> !tag.isEmpty())
                        .distinct()
                        .toList();
        if (expertise.isEmpty() || expertise.size() > 10) {
            errors.put("expertise", "List one to ten areas, separated by commas.");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(form.timeZone() == null ? "" : form.timeZone().strip());
        } catch (java.time.DateTimeException e) {
            errors.put("timeZone", "Give an IANA time zone such as Europe/London.");
        }
        if (errors.isEmpty() && form.sendingCode()) {
            try {
                proofs.sendCode(university, email, clientAddresses.of(request));
                return HttpResponse.ok(new ModelAndView<>("counselling/apply", model(form, Map.of(), false, true)));
            } catch (SignInException e) {
                errors.put("email", e.getMessage());
            }
        }
        if (errors.isEmpty()) {
            try {
                proofs.confirm(university, email, form.code(), clientAddresses.of(request));
                counsellors.apply(
                        university.id(),
                        email,
                        new CounsellorStore.Profile(name, bio, expertise, List.of(), zone, null));
                return HttpResponse.ok(new ModelAndView<>("counselling/apply", model(form, Map.of(), true, false)));
            } catch (SignInException e) {
                errors.put(e.field() == null ? "code" : e.field(), e.getMessage());
            } catch (CounsellingException e) {
                errors.putAll(e.fields().isEmpty() ? Map.of("email", e.getMessage()) : e.fields());
            }
        }
        // once a code was sent, keep asking for it (a typo in the code must not cost a new one)
        boolean codeSent = !form.sendingCode();
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("counselling/apply", model(form, errors, false, codeSent)));
    }

    private static Map<String, Object> model(
            @Nullable ApplicationForm form, Map<String, String> errors, boolean sent, boolean codeSent) {
        Map<String, Object> model = new HashMap<>();
        model.put("codeSent", codeSent);
        model.put("values", form);
        model.put("errors", errors);
        model.put("sent", sent);
        return model;
    }
}
