package com.careerai.ai;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.careerai.ai.provider.ModelException;
import com.careerai.ai.provider.ModelGateway;
import com.careerai.ai.provider.ModelReply;
import com.careerai.ai.provider.ModelRequest;
import com.careerai.ai.provider.TransientModelException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does with a run: RUNNING, model call with timeout and bounded retries, schema
 * check with one repair pass, premium → standard fallback once, then SUCCEEDED or
 * failed and refunded with a reason in words. (The PDF is made at its first download.)
 * Every run has a deadline: {@code started_at} + {@code careerai.ai.run-timeout} (a synchronous
 * tool: {@code careerai.ai.sync-timeout} from now). No call, retry, repair or fallback starts
 * after it and a call's timeout is cut to what is left, so the worst case of attempts × call
 * timeout + repair + fallback always fits the run timeout the sweeper enforces. Before every call
 * the run must still be RUNNING (the first call follows the statement that made it RUNNING and
 * returned it): a run the sweeper failed and refunded stops spending, and a result that arrives
 * after the refund is discarded. The analysis the run stored at its start is read back, not made
 * again ({@link StoredAnalysis}).
 */
@Singleton
class RunExecutor {
    static final String BUSY = "The AI service is busy or not answering right now. Your credits have been refunded; "
            + "please try again in a few minutes.";
    static final String UNUSABLE = "The AI service did not return a usable result. Your credits have been refunded; "
            + "please try again, perhaps with shorter input.";

    /** A template tool (no model involved) whose output broke its own schema: our fault, said so. */
    static final String TEMPLATE_FAILED = "We could not put these messages together from your answers: our templates "
            + "produced a result outside their own limits. Any credits it cost were refunded; please try shorter answers, "
            + "and tell your careers team if it happens again.";

    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    private final AiRunRepository runs;
    private final ToolCatalog tools;
    private final ModelGateway model;
    private final AiConfiguration configuration;
    private final RunFailures failures;
    private final RunNotices notices;
    private final TransactionOperations<Connection> transactions;

    RunExecutor(
            AiRunRepository runs,
            ToolCatalog tools,
            ModelGateway model,
            AiConfiguration configuration,
            RunFailures failures,
            RunNotices notices,
            TransactionOperations<Connection> transactions) {
        this.runs = runs;
        this.tools = tools;
        this.model = model;
        this.configuration = configuration;
        this.failures = failures;
        this.notices = notices;
        this.transactions = transactions;
    }

    /** A result that passed the schema, with what it took to get it. */
    private record Outcome(
            JsonNode output, String model, boolean fellBack, boolean demo, long tokensIn, long tokensOut) {}

    /** The run is no longer RUNNING (the sweeper failed and refunded it): stop calling the model. */
    private static final class RunAbandonedException extends Exception {
        private static final long serialVersionUID = 1L;

        RunAbandonedException(RunStatus status) {
            super("run is " + status);
        }
    }

    /** One run's work with the model: what every call needs, and the run's status when it is known. */
    private static final class Work {
        final AiTool tool;
        final AiRun run;

        @Nullable
        final ResumeAnalysis analysis;

        final Instant deadline;
        /** The status {@code markRunning} returned (RUNNING): it stands for the first call only. */
        @Nullable
        RunStatus known;

        Work(AiTool tool, AiRun run, Instant deadline) {
            this.tool = tool;
            this.run = run;
            this.analysis = StoredAnalysis.read(run.analysis(), () -> tool.analyse(run.input()));
            this.deadline = deadline;
            this.known = run.status();
        }
    }

    /** Why the model could not give a result. */
    private static final class RunFailedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;

        RunFailedException(String reason, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
        }
    }

    void execute(long universityId, UUID runId) {
        AiRun run = runs.markRunning(universityId, runId).orElse(null);
        if (run == null) {
            LOG.info("Run {} is already final or failed; nothing to do", runId);
            return;
        }
        AiTool tool = tools.require(run.tool());
        Instant deadline = tool.synchronous()
                ? Instant.now().plus(configuration.getSyncTimeout())
                : (run.startedAt() == null ? Instant.now() : run.startedAt()).plus(configuration.getRunTimeout());
        Outcome outcome;
        try {
            outcome = produce(tool, run, deadline);
        } catch (RunAbandonedException e) {
            LOG.warn("Run {} ({}) stopped: {} by the sweeper while it was working", runId, run.tool(), e.getMessage());
            return;
        } catch (RunFailedException e) {
            LOG.warn(
                    "Run {} ({}) failed: {}",
                    runId,
                    run.tool(),
                    e.getCause() == null ? e.getMessage() : e.getCause().toString());
            failures.failAndRefund(universityId, runId, e.reason);
            return;
        }
        // SUCCEEDED and its notice commit together
        boolean succeeded = transactions.executeWrite(status -> {
            boolean done = runs.succeed(
                    universityId,
                    runId,
                    outcome.output(),
                    outcome.model(),
                    outcome.fellBack(),
                    outcome.demo(),
                    outcome.tokensIn(),
                    outcome.tokensOut());
            if (done) {
                notices.finished(run);
            }
            return done;
        });
        if (!succeeded) {
            LOG.warn("Run {} finished after it was failed by the sweeper; result discarded", runId);
        }
    }

    private Outcome produce(AiTool tool, AiRun run, Instant deadline) throws RunFailedException, RunAbandonedException {
        if (!tool.usesModel()) {
            JsonNode output = tool.generate(run.input());
            java.util.Map<String, String> problems = ToolSchemas.problems(tool.outputSchema(), output);
            if (!problems.isEmpty()) {
                throw new RunFailedException(
                        TEMPLATE_FAILED, new ModelException("Template output invalid: " + problems));
            }
            return new Outcome(output, "template", false, false, 0, 0);
        }
        boolean premium = "GOLD".equals(run.currency());
        String first = premium ? configuration.getPremiumModel() : configuration.getStandardModel();
        Work work = new Work(tool, run, deadline);
        try {
            return attempt(work, first, false);
        } catch (RunFailedException e) {
            if (!premium || first.equals(configuration.getStandardModel())) {
                throw e;
            }
            LOG.info("Run {}: premium model failed, falling back to {}", run.id(), configuration.getStandardModel());
            return attempt(work, configuration.getStandardModel(), true);
        }
    }

    /** Calls one model (with retries), then validates; one repair pass on an invalid answer. */
    private Outcome attempt(Work work, String modelName, boolean fellBack)
            throws RunFailedException, RunAbandonedException {
        AiTool tool = work.tool;
        JsonNode input = work.run.input();
        ModelReply reply = callWithRetries(work, modelName, tool.userPrompt(input));
        long tokensIn = reply.tokensIn();
        long tokensOut = reply.tokensOut();
        List<String> problems = new ArrayList<>();
        JsonNode output = parseAndCheck(work, reply.content(), problems);
        if (output == null) {
            String repairPrompt = tool.userPrompt(input)
                    + "\n\nYour previous answer was not valid for the required JSON schema. Problems: "
                    + String.join("; ", problems) + "\nPrevious answer:\n" + truncate(reply.content(), 20_000)
                    + "\nAnswer again with corrected JSON only.";
            ModelReply repaired = callWithRetries(work, modelName, repairPrompt);
            tokensIn += repaired.tokensIn();
            tokensOut += repaired.tokensOut();
            problems.clear();
            output = parseAndCheck(work, repaired.content(), problems);
            if (output == null) {
                throw new RunFailedException(UNUSABLE, new ModelException("Still invalid after repair: " + problems));
            }
        }
        return new Outcome(output, modelName, fellBack, reply.demo(), tokensIn, tokensOut);
    }

    /** One call's limit: the call timeout, cut to what is left before the run's deadline. */
    private Duration timeout(Instant deadline) throws RunFailedException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.toMillis() < 100) {
            throw new RunFailedException(BUSY, new TransientModelException("No time left for the run", null));
        }
        return left.compareTo(configuration.getCallTimeout()) < 0 ? left : configuration.getCallTimeout();
    }

    private ModelReply callWithRetries(Work work, String modelName, String userPrompt)
            throws RunFailedException, RunAbandonedException {
        Duration wait = configuration.getBackoff();
        for (int attempt = 1; ; attempt++) {
            requireStillRunning(work);
            try {
                return model.complete(new ModelRequest(
                        work.tool.slug(),
                        modelName,
                        work.tool.systemPrompt(),
                        userPrompt,
                        work.tool.outputSchema(),
                        work.run.input(),
                        work.analysis,
                        timeout(work.deadline)));
            } catch (TransientModelException e) {
                if (attempt >= configuration.getMaxAttempts()
                        || Instant.now().plus(wait).isAfter(work.deadline)) {
                    throw new RunFailedException(BUSY, e);
                }
                LOG.info(
                        "Model call failed ({}), attempt {} of {}; retrying in {}",
                        e.getMessage(),
                        attempt,
                        configuration.getMaxAttempts(),
                        wait);
                pause(wait);
                wait = wait.multipliedBy(2);
            } catch (ModelException e) {
                throw new RunFailedException(UNUSABLE, e);
            }
        }
    }

    /**
     * Every call is paid for: make none for a run that was failed and refunded meanwhile. The first
     * call follows the statement that made the run RUNNING and returned it; every later one looks.
     */
    private void requireStillRunning(Work work) throws RunAbandonedException {
        RunStatus status = work.known != null
                ? work.known
                : runs.status(work.run.universityId(), work.run.id()).orElse(RunStatus.REFUNDED);
        work.known = null;
        if (status != RunStatus.RUNNING) {
            throw new RunAbandonedException(status);
        }
    }

    private static JsonNode parseAndCheck(Work work, String content, List<String> problems) {
        AiTool tool = work.tool;
        JsonNode input = work.run.input();
        JsonNode output;
        try {
            output = ToolSchemas.JSON.readTree(stripFences(content));
        } catch (JsonProcessingException e) {
            problems.add("the answer is not JSON");
            return null;
        }
        if (output == null || !output.isObject()) {
            problems.add("the answer is not a JSON object");
            return null;
        }
        Map<String, String> schemaProblems = ToolSchemas.problems(tool.outputSchema(), output);
        schemaProblems.forEach(
                (field, message) -> problems.add((field.isEmpty() ? "document" : field) + ": " + message));
        if (!problems.isEmpty()) {
            return null;
        }
        // what code measured replaces the model's guess before the rule checks (CV Analysis' factors)
        JsonNode settled = tool.settle(input, work.analysis, output);
        problems.addAll(tool.checkOutput(input, settled));
        return problems.isEmpty() ? settled : null;
    }

    private static String stripFences(String content) {
        String trimmed = content.strip();
        if (trimmed.startsWith("```")) {
            trimmed = trimmed.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return trimmed;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
