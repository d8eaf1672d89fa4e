package com.careerai.admin;

import io.micronaut.configuration.picocli.PicocliRunner;
import picocli.CommandLine.Command;

/** The operators' tool: onboards and runs universities against the CareerAI database. */
@Command(
        name = "tenant-admin",
        description = "Operate CareerAI universities (tenants).",
        mixinStandardHelpOptions = true,
        version = "tenant-admin 0.1.0")
public class TenantAdminCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(PicocliRunner.execute(TenantAdminCommand.class, args));
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
