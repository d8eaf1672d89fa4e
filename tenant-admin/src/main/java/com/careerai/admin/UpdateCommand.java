package com.careerai.admin;

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

    @Override
    void execute() {
        UniversityChanges changes = new UniversityChanges(name, domains, silver, gold, brandColor, logoUrl);
        if (changes.equals(new UniversityChanges(null, null, null, null, null, null))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "nothing to change: give at least one of --name, --domains, --silver, --gold, --brand-color, "
                            + "--logo-url");
        }
        University before = university(subdomain);
        Map<String, Map<String, Object>> differences = changes.differences(before);
        University after = bean(UniversityAdministration.class).change(before.subdomain(), changes, actor());
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
}
