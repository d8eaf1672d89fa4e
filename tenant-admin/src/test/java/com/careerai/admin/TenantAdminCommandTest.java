package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TenantAdminCommandTest {

    @Test
    void helpDescribesTheTool() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new TenantAdminCommand());
        commandLine.setOut(new PrintWriter(out));
        int exitCode = commandLine.execute("--help");
        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Usage: tenant-admin").contains("Operate CareerAI universities");
    }
}
