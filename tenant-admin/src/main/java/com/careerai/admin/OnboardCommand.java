package com.careerai.admin;

import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.InvalidUniversityException;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.UniversityAdministration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "onboard",
        description = "Create a university and invite its staff (by email). Running it again with the same "
                + "settings reports \"already onboarded\" and only invites new staff emails.")
final class OnboardCommand extends AdminCommand {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[a-z0-9.-]+\\.[a-z]{2,}$");

    @Option(names = "--name", required = true, description = "Display name, e.g. \"MIT\".")
    String name;

    @Option(names = "--subdomain", required = true, description = "DNS label of its site: <subdomain>.<base domain>.")
    String subdomain;

    @Option(
            names = "--domains",
            required = true,
            split = ",",
            description = "Email domains of its students, e.g. mit.edu,alum.mit.edu.")
    List<String> domains;

    @Option(names = "--silver", required = true, description = "Silver credits each student gets at first sign-in.")
    int silver;

    @Option(names = "--gold", required = true, description = "Gold credits each student gets at first sign-in.")
    int gold;

    @Option(
            names = "--staff",
            required = true,
            split = ",",
            description = "Emails of its first staff members; each is invited by email.")
    List<String> staff;

    @Option(names = "--brand-color", description = "Brand colour like #A31F34 (default ${DEFAULT-VALUE}).")
    String brandColor = NewUniversity.DEFAULT_BRAND_COLOR;

    @Option(names = "--logo-url", description = "https:// address of its logo.")
    String logoUrl;

    @Override
    void execute() {
        NewUniversity university =
                new NewUniversity(name, subdomain, domains, silver, gold, brandColor, logoUrl).normalised();
        List<String> staffEmails = staff.stream()
                .map(UserAccounts::normalise)
                .filter(email -> !email.isEmpty())
                .distinct()
                .toList();
        Map<String, String> problems =
                new LinkedHashMap<>(bean(UniversityAdministration.class).validate(university));
        if (staffEmails.isEmpty()) {
            problems.put("staff", "needs at least one email");
        }
        staffEmails.stream()
                .filter(email -> !EMAIL.matcher(email).matches())
                .findFirst()
                .ifPresent(email -> problems.put("staff", "'" + email + "' is not an email address"));
        if (!problems.isEmpty()) {
            throw new InvalidUniversityException(problems);
        }
        Onboarding.Result result = bean(Onboarding.class).onboard(university, staffEmails, actor());
        String url = urlOf(result.university());
        Output output = output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", result.created() ? "onboarded" : "already_onboarded");
            json.put("university", Views.university(result.university()));
            json.put("url", url);
            json.put("invited", result.invited());
            json.put("alreadyInvited", result.alreadyInvited());
            json.put("alreadyUsers", result.alreadyUsers());
            output.json(json);
            return;
        }
        output.line(
                result.created()
                        ? "Onboarded " + result.university().name() + " at " + url
                        : result.university().subdomain() + " is already onboarded at " + url);
        if (!result.invited().isEmpty()) {
            output.line("Invited as staff: " + String.join(", ", result.invited()));
        }
        if (!result.alreadyInvited().isEmpty()) {
            output.line("Already invited: " + String.join(", ", result.alreadyInvited()));
        }
        if (!result.alreadyUsers().isEmpty()) {
            output.line("Already users (not invited): " + String.join(", ", result.alreadyUsers()));
        }
    }
}
