package com.careerai.bench;

import com.careerai.ai.RunService;
import com.careerai.auth.SignInService;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Mock-mode AI runs end to end next to bare JobRunr on the same storage, in one process:
 * <ul>
 *   <li>runs: {@code RunService.start} (validate, debit + insert, enqueue) from client threads, JobRunr
 *       workers in the same process (mock model, schema check, SUCCEEDED and its notice; the PDF is
 *       made at its first download, so not here), timed from the first start to the last SUCCEEDED;
 *   <li>bare: the same JobRunr (storage, scheduler, background job server, worker count) enqueueing
 *       no-op jobs from the same client threads, timed from the first enqueue to the last SUCCEEDED.
 * </ul>
 * Measured bare, runs, runs, bare (A B B A) after a warm-up of both. Each phase also reports what it
 * cost, which a shared machine does not distort as it does seconds: CPU of this process per job (by
 * thread group), CPU of this database's PostgreSQL backends per job, and the database's
 * transactions and row changes per job ({@code pg_stat_database}).
 * Run by bench/ai-runs-throughput.sh. Arguments: jobs per phase, client threads, JobRunr workers.
 */
public final class AiRunThroughput {
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    /** The client threads, kept for the whole benchmark so that their CPU time can be read. */
    private static ExecutorService CLIENTS;

    private AiRunThroughput() {}

    /** A job that does nothing: JobRunr's own cost per job. */
    public record NoOpJobRequest(int number) implements JobRequest {
        @Override
        public Class<NoOpJobHandler> getJobRequestHandler() {
            return NoOpJobHandler.class;
        }
    }

    /** Made by JobRunr through its no-arg constructor (not a bean). */
    public static class NoOpJobHandler implements JobRequestHandler<NoOpJobRequest> {
        @Override
        public void run(NoOpJobRequest request) {
            // nothing: what is measured is JobRunr's bookkeeping
        }
    }

    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        AtomicInteger clientThreads = new AtomicInteger();
        CLIENTS = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "bench-client-" + clientThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", System.getenv("BENCH_DATABASE_URL"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.maximum-pool-size", clients + workers + 4);
        properties.put("careerai.redis.url", System.getenv().getOrDefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379"));
        properties.put("careerai.redis.key-prefix", System.getenv().getOrDefault("BENCH_REDIS_PREFIX", "bench:"));
        properties.put("careerai.roles", "web,worker");
        properties.put("careerai.jobs.workers", workers);
        properties.put("careerai.ai.mode", "mock");
        properties.put("careerai.tenancy.listen-for-changes", false);
        try (ApplicationContext context = ApplicationContext.run(properties, "bench")) {
            // BENCH_AI_SQL: SQL run as the database's owner once the app has started on the migrated
            // database, before the universities and students are made (a schema variant measured
            // without a build: an index, a trigger, a constraint; a server setting needs ALTER SYSTEM
            // and pg_reload_conf(), the pool's connections being open already)
            String variant = System.getenv("BENCH_AI_SQL");
            if (variant != null && !variant.isBlank()) {
                try (Connection owner = DriverManager.getConnection(System.getenv("BENCH_DATABASE_URL"), "postgres", "");
                        Statement statement = owner.createStatement()) {
                    statement.execute(variant);
                }
                System.out.println("RESULT variant BENCH_AI_SQL applied");
            }
            // the 200 students of one university, or spread over BENCH_AI_UNIVERSITIES (student i at i mod n)
            int universityCount = Integer.parseInt(System.getenv().getOrDefault("BENCH_AI_UNIVERSITIES", "1"));
            List<University> universities = new ArrayList<>();
            for (int u = 0; u < universityCount; u++) {
                String slug = u == 0 ? "bench" : "bench-" + u;
                universities.add(context.getBean(UniversityAdministration.class).createIfAbsent(new NewUniversity(
                        u == 0 ? "Bench" : "Bench " + u, slug, List.of(slug + ".edu"), 0, 0, "#1F4E79", null)));
            }
            List<SignedInUser> students = new ArrayList<>();
            // signed in with a code once, as tools require a verified email address
            SignInService signIns = context.getBean(SignInService.class);
            Wallets wallets = context.getBean(Wallets.class);
            for (int i = 0; i < 200; i++) {
                University university = universities.get(i % universityCount);
                String domain = university.subdomain() + ".edu";
                User user = signIns.completeEmailSignIn(university, "bench" + i + "@" + domain);
                wallets.grant(university.id(), user.id(), Currency.SILVER, 100_000, "bench-ai:" + user.id(), "bench", "bench");
                students.add(SignedInUser.of(user));
            }
            String universityIds = String.join(", ", universities.stream().map(u -> Long.toString(u.id())).toList());
            ObjectNode input = new ObjectMapper().createObjectNode()
                    .put("jobTitle", "Graduate Analyst").put("company", "Acme")
                    .put("jobDescription", "A graduate analyst role working with SQL, Python and stakeholders on dashboards.")
                    .put("resume", "Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a "
                            + "team project analysing transport data with SQL and presented the results.")
                    .put("tone", "professional");
            RunService service = context.getBean(RunService.class);
            JobRequestScheduler scheduler = context.getBean(JobRequestScheduler.class);
            DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
            Counter runsDone = new Counter(dataSource,
                    "SELECT count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*) FILTER (WHERE status IN ('FAILED', 'REFUNDED')) "
                            + "FROM ai_runs WHERE university_id IN (" + universityIds + ")",
                    "%ExecuteRunJobRequest%");
            Counter bareDone = new Counter(dataSource,
                    "SELECT count(*) FILTER (WHERE state = 'SUCCEEDED'), count(*) FILTER (WHERE state IN ('FAILED', 'DELETED')) "
                            + "FROM jobrunr_jobs WHERE jobsignature LIKE 'com.careerai.bench.%'",
                    "%NoOpJobRequest%");
            // started bound to the student's university, as the app's requests are (TenantFilter);
            // BENCH_AI_START_UNBOUND=1 starts them unbound, as this bench did up to session 15
            UnitOfWork units = context.getBean(UnitOfWork.class);
            boolean unbound = "1".equals(System.getenv("BENCH_AI_START_UNBOUND"));
            IntConsumer startRun = i -> {
                SignedInUser student = students.get(i % students.size());
                if (unbound) {
                    service.start(student, "job-pack", "silver", input);
                } else {
                    units.bound(student.universityId(), () -> service.start(student, "job-pack", "silver", input));
                }
            };
            IntConsumer enqueueNoOp = i -> scheduler.enqueue(UUID.randomUUID(), new NoOpJobRequest(i));

            int warmUp = 200; // class loading, JIT, pools
            phase("warm-up runs", warmUp, clients, workers, startRun, runsDone, dataSource, false);
            phase("warm-up bare", warmUp, clients, workers, enqueueNoOp, bareDone, dataSource, false);
            List<Double> bare = new ArrayList<>();
            List<Double> runs = new ArrayList<>();
            bare.add(phase("bare", jobs, clients, workers, enqueueNoOp, bareDone, dataSource, true));
            runs.add(phase("runs", jobs, clients, workers, startRun, runsDone, dataSource, true));
            runs.add(phase("runs", jobs, clients, workers, startRun, runsDone, dataSource, true));
            bare.add(phase("bare", jobs, clients, workers, enqueueNoOp, bareDone, dataSource, true));
            double runsPerSecond = runs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double barePerSecond = bare.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            System.out.printf(Locale.ROOT,
                    "RESULT jobs=%d clients=%d workers=%d universities=%d runs_per_s=%.1f bare_jobrunr_per_s=%.1f runs/bare=%.2f "
                            + "target_per_s=%.1f single: runs %.1f / %.1f, bare %.1f / %.1f%n",
                    jobs, clients, workers, universityCount, runsPerSecond, barePerSecond, runsPerSecond / barePerSecond,
                    Math.min(500, barePerSecond / 2), runs.get(0), runs.get(1), bare.get(0), bare.get(1));
        }
    }

    /**
     * Submits {@code count} jobs from {@code clients} threads and waits for all of them to succeed;
     * returns jobs per second from the first submission to the last success.
     */
    private static double phase(String name, int count, int clients, int workers, IntConsumer submit, Counter done,
            DataSource dataSource, boolean report) throws Exception {
        long before = done.succeeded();
        Costs start = Costs.read(dataSource);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> submitting = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            submitting.add(CLIENTS.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    submit.accept(i);
                }
                return null;
            }));
        }
        for (Future<?> client : submitting) {
            client.get(10, TimeUnit.MINUTES);
        }
        double submitSeconds = (System.nanoTime() - started) / 1e9;
        done.await(before + count, 900);
        double seconds = (System.nanoTime() - started) / 1e9;
        Costs end = Costs.read(dataSource);
        if (report) {
            System.out.printf(Locale.ROOT,
                    "RESULT phase=%s jobs=%d clients=%d workers=%d submit_per_s=%.0f end_to_end_per_s=%.1f seconds=%.2f%n",
                    name, count, clients, workers, count / submitSeconds, count / seconds, seconds);
            System.out.println("RESULT phase=" + name + " per job: " + end.minus(start).per(count));
            System.out.println("RESULT phase=" + name + " " + done.latency(count));
        }
        return count / seconds;
    }

    /** Successes (and failures, which stop the benchmark) of one kind of job. */
    private record Counter(DataSource dataSource, String sql, String signature) {
        long succeeded() throws Exception {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement count = connection.prepareStatement(sql);
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(2) > 0) {
                    throw new IllegalStateException(rows.getLong(2) + " jobs failed");
                }
                return rows.getLong(1);
            }
        }

        /** JobRunr's own view of the last {@code jobs} of this kind: created → SUCCEEDED, p50 and p95 in ms. */
        String latency(int jobs) throws Exception {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) "
                                    + "FROM (SELECT extract(epoch FROM updatedat - createdat) * 1000 AS ms FROM jobrunr_jobs "
                                    + "WHERE state = 'SUCCEEDED' AND jobsignature LIKE ? ORDER BY createdat DESC LIMIT ?) j")) {
                statement.setString(1, signature);
                statement.setInt(2, jobs);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return String.format(Locale.ROOT, "jobrunr_created_to_succeeded_ms p50=%.0f p95=%.0f",
                            rows.getDouble(1), rows.getDouble(2));
                }
            }
        }

        void await(long expected, int timeoutSeconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (System.nanoTime() < deadline) {
                if (succeeded() >= expected) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("jobs not done in " + timeoutSeconds + " s");
        }
    }

    /** CPU of this process by thread group, of this database's backends, and the database's counters. */
    private record Costs(Map<String, Long> threadNanos, long processNanos, long databaseNanos, Map<String, Long> database) {
        static Costs read(DataSource dataSource) throws Exception {
            Thread.sleep(1500); // PostgreSQL's backends report their counters at most once a second
            Map<String, Long> threads = new TreeMap<>();
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long nanos = bean.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) {
                    threads.merge(group(info.getThreadName()), nanos, Long::sum);
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long backends = 0;
            Map<String, Long> counters = new TreeMap<>();
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement pids = connection.prepareStatement(
                                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
                        ResultSet rows = pids.executeQuery()) {
                    while (rows.next()) {
                        backends += cpuOfProcess(rows.getInt(1));
                    }
                }
                try (PreparedStatement stats = connection.prepareStatement(
                                "SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, "
                                        + "tup_deleted, blks_hit FROM pg_stat_database WHERE datname = current_database()");
                        ResultSet rows = stats.executeQuery()) {
                    rows.next();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        counters.put(rows.getMetaData().getColumnName(i), rows.getLong(i));
                    }
                }
                // statements by table: index and sequential scans, rows inserted, updated, deleted
                try (PreparedStatement stats = connection.prepareStatement(
                                "SELECT relname, coalesce(idx_scan, 0) + coalesce(seq_scan, 0), n_tup_ins, n_tup_upd, n_tup_del, "
                                        + "n_tup_hot_upd FROM pg_stat_user_tables");
                        ResultSet rows = stats.executeQuery()) {
                    while (rows.next()) {
                        String table = rows.getString(1);
                        counters.put("t." + table + ".scans", rows.getLong(2));
                        counters.put("t." + table + ".ins", rows.getLong(3));
                        counters.put("t." + table + ".upd", rows.getLong(4));
                        counters.put("t." + table + ".del", rows.getLong(5));
                        // updates that wrote no index entry (HOT, ADR 0063)
                        counters.put("t." + table + ".hot", rows.getLong(6));
                    }
                }
            }
            return new Costs(threads, process, backends, counters);
        }

        /** Thread names without their numbers: "backgroundjob-worker", "outbox", "bench-client". */
        private static String group(String name) {
            return name.replaceAll("[-_ ]?\\d+$", "").replaceAll("-\\d+-", "-");
        }

        private static long cpuOfProcess(int pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of the whole line (utime, stime) are 12 and 13 after "pid (comm) "
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
            } catch (Exception e) {
                return 0; // a backend that ended meanwhile
            }
        }

        Costs minus(Costs earlier) {
            Map<String, Long> threads = new TreeMap<>();
            threadNanos.forEach((group, nanos) -> threads.put(group, nanos - earlier.threadNanos.getOrDefault(group, 0L)));
            Map<String, Long> counters = new TreeMap<>();
            database.forEach((key, value) -> counters.put(key, value - earlier.database.getOrDefault(key, 0L)));
            return new Costs(threads, processNanos - earlier.processNanos, databaseNanos - earlier.databaseNanos, counters);
        }

        String per(int jobs) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "app_cpu_ms=%.3f db_backends_cpu_ms=%.3f", processNanos / 1e6 / jobs, databaseNanos / 1e6 / jobs));
            database.forEach((key, value) -> {
                if (!key.startsWith("t.") || value / (double) jobs >= 0.05) {
                    text.append(String.format(Locale.ROOT, " %s=%.2f", key, value / (double) jobs));
                }
            });
            text.append(" | app cpu ms by threads:");
            threadNanos.entrySet().stream()
                    .filter(entry -> entry.getValue() / 1e6 / jobs >= 0.005)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(entry -> text.append(String.format(Locale.ROOT, " %s=%.3f", entry.getKey(), entry.getValue() / 1e6 / jobs)));
            return text.toString();
        }
    }
}
