package com.careerai.admin;

import com.careerai.platform.config.InvalidSettingException;
import com.careerai.platform.web.ProblemException;
import com.careerai.tenancy.InvalidUniversityException;
import com.careerai.tenancy.TenancyException;
import io.micronaut.json.JsonMapper;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The operators' tool: onboards and runs universities against the CareerAI database. */
@Command(
        name = "tenant-admin",
        description = "Operate CareerAI universities (tenants) on the platform's database.%n"
                + "Reads DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, REDIS_URL and CAREERAI_BASE_DOMAIN "
                + "like the app.",
        mixinStandardHelpOptions = true,
        version = "tenant-admin 0.1.0",
        subcommands = {
            OnboardCommand.class,
            ListCommand.class,
            ShowCommand.class,
            UpdateCommand.class,
            SuspendCommand.class,
            ResumeCommand.class,
            GrantCommand.class,
            AuditLedgerCommand.class,
            StripeEventsCommand.class,
            UsageCommand.class,
            ExportCommand.class,
            OffboardCommand.class,
            MigrateCommand.class,
            LeadsCommand.class
        })
public final class TenantAdminCommand implements Callable<Integer> {
    /** Exit code of a failed command. */
    static final int FAILED = 1;
    /** Exit code of bad usage or settings. */
    static final int USAGE = 2;

    /** Field names of the tenancy rules, as the options that set them. */
    private static final Map<String, String> OPTIONS = Map.of(
            "name", "--name",
            "subdomain", "--subdomain",
            "allowedDomains", "--domains",
            "defaultSilver", "--silver",
            "defaultGold", "--gold",
            "brandColor", "--brand-color",
            "logoUrl", "--logo-url",
            "staff", "--staff",
            "payments", "--payments",
            "currency", "--currency");

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print one JSON document on stdout instead of tables (no progress bar).")
    boolean json;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, hidden = true)
    boolean stacktrace;

    @Spec
    CommandSpec spec;

    private final TenantAdmin admin;
    private final PrintWriter out;
    private final PrintWriter err;

    TenantAdminCommand(TenantAdmin admin, PrintWriter out, PrintWriter err) {
        this.admin = admin;
        this.out = out;
        this.err = err;
    }

    /** The command line with tenant-admin's one-line error handling. */
    static CommandLine commandLine(TenantAdmin admin, PrintWriter out, PrintWriter err) {
        TenantAdminCommand root = new TenantAdminCommand(admin, out, err);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(root::usageError);
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> root.failure(e));
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return USAGE;
    }

    TenantAdmin admin() {
        return admin;
    }

    Output output() {
        return new Output(out, json, () -> admin.startedContext().getBean(JsonMapper.class));
    }

    Progress progress() {
        return Progress.forTerminal(err, json);
    }

    private int usageError(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println("error: " + e.getMessage() + " (see `" + command + " --help`)");
        err.flush();
        return USAGE;
    }

    private int failure(Exception e) {
        if (stacktrace) {
            e.printStackTrace(err);
        }
        Throwable known = known(e);
        if (known instanceof InvalidSettingException) {
            err.println(known.getMessage());
            err.flush();
            return USAGE;
        }
        err.println("error: " + describe(known));
        err.flush();
        return FAILED;
    }

    /** The cause the operator should read: ours or the database's, else the root cause. */
    private static Throwable known(Throwable e) {
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ToolException
                    || cause instanceof ProblemException
                    || cause instanceof TenancyException
                    || cause instanceof InvalidSettingException) {
                return cause;
            }
            root = cause;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return cause;
            }
        }
        return root;
    }

    private static String describe(Throwable e) {
        if (e instanceof InvalidUniversityException invalid) {
            return invalid.fields().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(field -> optionOf(field.getKey()) + " " + field.getValue())
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof ToolException || e instanceof ProblemException || e instanceof TenancyException) {
            return e.getMessage();
        }
        String message = firstLine(e.getMessage());
        if (e instanceof SQLException) {
            return "database: " + message;
        }
        return "unexpected " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)
                + " (run again with --stacktrace for details)";
    }

    /** The option that sets a university setting, for messages ({@code defaultGold} → {@code --gold}). */
    static String optionOf(String field) {
        return OPTIONS.getOrDefault(field, field);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
