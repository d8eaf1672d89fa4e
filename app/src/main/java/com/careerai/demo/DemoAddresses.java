package com.careerai.demo;

import com.careerai.platform.config.CareerAiConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintStream;

/**
 * Prints where the demo is once the server listens (after the demo is seeded), on standard output
 * where {@code ./run-demo} shows it: the university's address, who may sign in and where the codes
 * arrive — not Micronaut's bare {@code http://localhost:8080}, which is no university's address.
 */
@Singleton
@Requires(property = "careerai.demo", value = "true")
class DemoAddresses {
    private final CareerAiConfiguration configuration;

    DemoAddresses(CareerAiConfiguration configuration) {
        this.configuration = configuration;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        print(System.out, configuration.getBaseDomain(), event.getSource().getPort());
    }

    static void print(PrintStream out, String baseDomain, int port) {
        String suffix = port == 80 ? "" : ":" + port;
        String demo = "http://" + DemoSeeder.SUBDOMAIN + "." + baseDomain + suffix;
        out.println();
        out.println("  Demo University: " + demo + " — sign in as any @" + DemoSeeder.EMAIL_DOMAIN
                + " address, codes at /dev/mail");
        out.println("  Staff: staff@" + DemoSeeder.EMAIL_DOMAIN + " · counsellor: coach@" + DemoSeeder.EMAIL_DOMAIN
                + " · dev mailbox: " + demo + "/dev/mail");
        out.println("  Public site: http://" + baseDomain + suffix + " · tenant-admin settings: .careerai/dev.env");
        out.println("  Stop with Ctrl-C (data stays in .careerai/).");
        out.println();
        out.flush();
    }
}
