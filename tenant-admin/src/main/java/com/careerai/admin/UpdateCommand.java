package com.careerai.admin;

import com.careerai.billing.PaymentSettings;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.tenancy.UniversityChanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", description = "Change a university's settings; options not given stay as they are. Audited.")
final class UpdateCommand extends AdminCommand {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<subdomain>", description = "The university's subdomain.")
    String subdomain;

    @Option(names = "--name", description = "New display name.")
    String name;

    @Option(names = "--domains", split = ",", description = "New list of students' email domains (replaces it).")
    List<String> domains;

    @Option(names = "--silver", description = "Silver credits each new student gets.")
    Integer silver;

    @Option(names = "--gold", description = "Gold credits each new student gets.")
    Integer gold;

    @Option(names = "--brand-color", description = "Brand colour like #A31F34.")
    String brandColor;

    @Option(names = "--logo-url", description = "https:// address of the logo; '' removes it.")
    String logoUrl;

    @Option(names = "--payments", description = "Payment provider: stripe or razorpay.")
    String payments;

    @Option(
            names = "--currency",
            description = "Currency prices are shown and charged in, like INR; '' = each product's own.")
    String currency;

    @Override
    void execute() {
        UniversityChanges changes = new UniversityChanges(name, domains, silver, gold, brandColor, logoUrl);
        boolean universityChanges = !changes.equals(new UniversityChanges(null, null, null, null, null, null));
        if (!universityChanges && payments == null && currency == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "nothing to change: give at least one of --name, --domains, --silver, --gold, --brand-color, "
                            + "--logo-url, --payments, --currency");
        }
        PaymentSettings.Provider provider = payments == null
                ? null
                : PaymentSettings.Provider.parse(payments)
                        .orElseThrow(() -> new ParameterException(
                                spec.commandLine(), "--payments must be stripe or razorpay, not '" + payments + "'"));
        University before = university(subdomain);
        Map<String, Map<String, Object>> differences = new LinkedHashMap<>(changes.differences(before));
        University after = universityChanges
                ? bean(UniversityAdministration.class).change(before.subdomain(), changes, actor())
                : before;
        if (provider != null || currency != null) {
            PaymentSettings settings = bean(PaymentSettings.class);
            PaymentSettings.Settings old = within(before, () -> settings.of(before.id()));
            PaymentSettings.Settings now;
            try {
                now = within(before, () -> settings.change(before.id(), provider, currency, actor()));
            } catch (PaymentSettings.InvalidCurrency e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (old.provider() != now.provider()) {
                differences.put(
                        "payments", change(old.provider().key(), now.provider().key()));
            }
            if (!java.util.Objects.equals(old.currency(), now.currency())) {
                differences.put("currency", change(currencyLabel(old.currency()), currencyLabel(now.currency())));
            }
        }
        Output output = output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("university", Views.university(after));
            json.put("changes", differences);
            output.json(json);
            return;
        }
        if (differences.isEmpty()) {
            output.line("Nothing changed: " + after.subdomain() + " already has these settings.");
            return;
        }
        output.line("Updated " + after.subdomain() + ": "
                + differences.entrySet().stream()
                        .map(change -> TenantAdminCommand.optionOf(change.getKey()) + " "
                                + change.getValue().get("from") + " → "
                                + change.getValue().get("to"))
                        .collect(Collectors.joining(", ")));
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private static String currencyLabel(String currency) {
        return currency == null ? "(each product's own)" : currency.toUpperCase(java.util.Locale.ROOT);
    }
}
