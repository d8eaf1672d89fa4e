package com.careerai.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "migrate",
        description = "Apply the database migrations this release carries (the app's own Flyway scripts) and "
                + "print the schema version. Other commands refuse to run until the schema is current.")
final class MigrateCommand extends AdminCommand {

    @Override
    void execute() {
        SchemaVersion schema = root.admin().startedContext().getBean(SchemaVersion.class);
        int applied = schema.migrate();
        String version = schema.current();
        Output output = output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("applied", applied);
            json.put("version", version);
            output.json(json);
        } else if (applied == 0) {
            output.line("The schema is up to date at version " + version + ".");
        } else {
            output.line("Applied " + applied + " migration" + (applied == 1 ? "" : "s") + "; the schema is at version "
                    + version + ".");
        }
    }
}
