package com.careerai.admin;

import com.careerai.admin.data.TenantExport;
import com.careerai.tenancy.University;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        description = "Write all of a university's data to a zip (manifest.json, then one JSON array per table) "
                + "for a departing customer. Audited; offboard requires it.")
final class ExportCommand extends AdminCommand {
    @Parameters(paramLabel = "<subdomain>", description = "The university's subdomain.")
    String subdomain;

    @Option(names = "--out", required = true, description = "The zip file to write; it must not exist yet.")
    Path out;

    @Override
    void execute() {
        University university = university(subdomain);
        String schemaVersion =
                root.admin().context().getBean(SchemaVersion.class).current();
        TenantExport.Result result = within(
                university, () -> bean(TenantExport.class).export(university, out, schemaVersion, actor(), progress()));
        Output output = output();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", result.file().toString());
            json.put("sha256", result.sha256());
            json.put("bytes", result.bytes());
            json.put("rows", result.rows());
            output.json(json);
            return;
        }
        output.line("Exported " + university.subdomain() + " to " + result.file() + " (" + result.bytes()
                + " bytes, sha256 " + result.sha256() + ")");
        List<List<Object>> rows = new ArrayList<>();
        result.rows().forEach((table, count) -> rows.add(Output.row(table, count)));
        output.table(List.of("TABLE", "ROWS"), rows);
    }
}
