package com.careerai.admin;

import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: {@code --help}, the tool's context, output and the operator's name. */
@Command(mixinStandardHelpOptions = true)
abstract class AdminCommand implements Callable<Integer> {
    @ParentCommand
    TenantAdminCommand root;

    /** Runs the command; a failure is thrown as an exception (see {@link ToolException}). */
    abstract void execute();

    @Override
    public final Integer call() {
        execute();
        return 0;
    }

    <T> T bean(Class<T> type) {
        return root.admin().bean(type);
    }

    Output output() {
        return root.output();
    }

    Progress progress() {
        return root.progress();
    }

    String actor() {
        return root.admin().actor();
    }

    /**
     * Runs {@code work} bound to {@code university}: the database shows it that university's rows
     * only (the tenant wall, ADR 0010).
     */
    <T> T within(University university, Supplier<T> work) {
        return bean(UnitOfWork.class).bound(university.id(), work);
    }

    University university(String subdomain) {
        return bean(UniversityAdministration.class).require(subdomain.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The address of a university's site, as students type it. */
    String urlOf(University university) {
        CareerAiConfiguration configuration = bean(CareerAiConfiguration.class);
        String base = configuration.getBaseDomain();
        boolean local = base.equals("localhost") || base.endsWith(".localhost");
        if (!local) {
            return "https://" + university.subdomain() + "." + base + "/";
        }
        int port = root.admin()
                .context()
                .getProperty("micronaut.server.port", Integer.class)
                .orElse(8080);
        return "http://" + university.subdomain() + "." + base + (port == 80 ? "" : ":" + port) + "/";
    }
}
