package com.careerai.admin;

import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "resume", description = "Serve a suspended university again. Audited.")
final class ResumeCommand extends AdminCommand {
    @Parameters(paramLabel = "<subdomain>", description = "The university's subdomain.")
    String subdomain;

    @Override
    void execute() {
        University before = university(subdomain);
        University after = bean(UniversityAdministration.class).resume(before.subdomain(), actor());
        SuspendCommand.report(output(), before, after, "resumed", "its site is served again at " + urlOf(after));
    }
}
