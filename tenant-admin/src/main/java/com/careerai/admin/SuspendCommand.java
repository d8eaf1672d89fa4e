package com.careerai.admin;

import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "suspend",
        description = "Stop serving a university: every page of its site answers 403 on every app node at once. "
                + "Its data stays. Audited with the reason.")
final class SuspendCommand extends AdminCommand {
    @Parameters(paramLabel = "<subdomain>", description = "The university's subdomain.")
    String subdomain;

    @Option(names = "--reason", required = true, description = "Why, for the audit log (e.g. \"contract ended\").")
    String reason;

    @Override
    void execute() {
        if (reason.isBlank()) {
            throw new ToolException("--reason must say why the university is suspended");
        }
        University before = university(subdomain);
        University after = bean(UniversityAdministration.class).suspend(before.subdomain(), reason, actor());
        report(
                output(),
                before,
                after,
                "suspended",
                "its pages answer 403 until `tenant-admin resume " + after.subdomain() + "`");
    }

    static void report(Output output, University before, University after, String state, String consequence) {
        boolean changed = before.status() != after.status();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("changed", changed);
            json.put("university", Views.university(after));
            output.json(json);
        } else if (changed) {
            output.line(Character.toUpperCase(state.charAt(0)) + state.substring(1) + " " + after.subdomain() + ": "
                    + consequence + ".");
        } else {
            output.line(after.subdomain() + " is already " + state + ".");
        }
    }
}
