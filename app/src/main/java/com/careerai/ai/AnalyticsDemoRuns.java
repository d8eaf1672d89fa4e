package com.careerai.ai;

import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo history for staff analytics: up to eight runs each for the history students
 * ({@code history01..60@demo.edu}, auth's demo) spread over the last four months, one in eleven
 * failed and refunded. Marked {@code demo}, with fixed ids (an md5 of the student and the number),
 * so a second start inserts nothing. They carry no output: they stand for history, not for pages.
 * Their days that are over are folded into the counters at once (ADR 0080), so the demo has a mark.
 */
@Singleton
class AnalyticsDemoRuns implements DemoSeedStep {
    private final JdbcOperations jdbc;
    private final UserAccounts users;
    private final RunCounterFolds folds;

    AnalyticsDemoRuns(JdbcOperations jdbc, UserAccounts users, RunCounterFolds folds) {
        this.jdbc = jdbc;
        this.users = users;
        this.folds = folds;
    }

    @Override
    public int getOrder() {
        return CONTENT + 60;
    }

    @Override
    @Transactional
    public void seed(DemoUniversity demo) {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 60; n++) {
            users.findByEmail(demo.id(), String.format("history%02d@%s", n, demo.emailDomain()))
                    .ifPresent(user -> ids.add(user.id()));
        }
        if (ids.isEmpty()) {
            return;
        }
        Long[] students = ids.toArray(Long[]::new);
        SqlRows.update(
                jdbc,
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, demo, input,"
                        + " created_at, started_at, finished_at, attempts)"
                        + " SELECT ?, md5('analytics-demo:' || uid || ':' || k)::uuid, uid,"
                        + " (ARRAY['cv-analysis', 'job-pack', 'skill-mapper', 'internship-finder', 'personal-statement'])"
                        + "   [1 + (uid + k) % 5],"
                        + " CASE WHEN (uid + k) % 11 = 0 THEN 'REFUNDED' ELSE 'SUCCEEDED' END, 'SILVER', 1, TRUE, '{}'::jsonb,"
                        + " t, t, t + interval '20 seconds', 1"
                        + " FROM unnest(?) AS uid, generate_series(1, 8) AS k,"
                        + " LATERAL (SELECT now() - make_interval(days => ((uid * 13 + k * 17) % 110)::int,"
                        + "   hours => (k * 5 % 24)::int) AS t) AS at"
                        + " ON CONFLICT DO NOTHING",
                statement -> {
                    statement.setLong(1, demo.id());
                    statement.setArray(2, statement.getConnection().createArrayOf("bigint", students));
                });
        // The days that are over go into staff analytics' counters now, as the hourly job would.
        folds.fold(demo.id(), null);
    }
}
