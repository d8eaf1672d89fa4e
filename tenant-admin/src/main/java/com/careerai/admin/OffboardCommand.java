package com.careerai.admin;

import com.careerai.admin.data.TenantOffboarding;
import com.careerai.tenancy.University;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "offboard",
        description = "Delete a departing university's data and the university itself. Only for a suspended "
                + "university whose export holds its current data; one transaction per group of related tables.")
final class OffboardCommand extends AdminCommand {
    @Parameters(paramLabel = "<subdomain>", description = "The university's subdomain.")
    String subdomain;

    @Option(
            names = "--confirm",
            required = true,
            paramLabel = "<subdomain>",
            description = "The subdomain again, to confirm that its data is to be deleted for good.")
    String confirm;

    @Override
    void execute() {
        if (!confirm.trim().equalsIgnoreCase(subdomain.trim())) {
            throw new ToolException("--confirm must repeat the subdomain '" + subdomain + "'; nothing was deleted");
        }
        University university = university(subdomain);
        Map<String, Long> deleted =
                within(university, () -> bean(TenantOffboarding.class).offboard(university, actor(), progress()));
        Output output = output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("subdomain", university.subdomain());
            json.put("deleted", deleted);
            output.json(json);
            return;
        }
        output.line("Offboarded " + university.subdomain() + " (" + university.name() + "): its data is deleted and "
                + "its address answers 404.");
        List<List<Object>> rows = new ArrayList<>();
        deleted.forEach((table, count) -> rows.add(Output.row(table, count)));
        output.table(List.of("TABLE", "DELETED"), rows);
    }
}
