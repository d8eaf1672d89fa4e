package com.careerai.bench;

import com.careerai.auth.session.SessionStore;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens real sessions (the app's own {@link SessionStore}, same secret and Redis) for the people
 * bench/run signs in: reads lines {@code <universityId> <userId> <host>}, writes {@code <host>
 * <token>} for wrk. Signing thousands of people in through the email code would measure the mail
 * path instead of the pages. Not a test: run by bench/run.
 *
 * <pre>java -cp app.jar:classes com.careerai.bench.OpenSessions people.txt sessions.txt</pre>
 */
public final class OpenSessions {
    private OpenSessions() {}

    public static void main(String[] args) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", System.getenv("BENCH_DATABASE_URL"));
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.maximum-pool-size", 2);
        properties.put("careerai.database.migrate", false);
        properties.put("careerai.redis.url", System.getenv().getOrDefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379"));
        properties.put("careerai.roles", "web");
        properties.put("careerai.tenancy.listen-for-changes", false);
        List<String> out = new ArrayList<>();
        try (ApplicationContext context = ApplicationContext.run(properties, "bench")) {
            SessionStore sessions = context.getBean(SessionStore.class);
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                String[] part = line.trim().split("\\s+");
                if (part.length == 3) {
                    out.add(part[2] + " " + sessions.open(Long.parseLong(part[0]), Long.parseLong(part[1])));
                }
            }
        }
        Files.write(Path.of(args[1]), out);
        System.out.println("sessions: " + out.size());
    }
}
