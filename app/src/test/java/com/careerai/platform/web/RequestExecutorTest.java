package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request is handed to the pool once (ADR 0073): the first task a pool task submits runs on its
 * thread at once, everything else is queued. One pool thread, so a queued task cannot have run before
 * the task that queued it returns.
 */
class RequestExecutorTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final RequestExecutor executor = new RequestExecutor(pool);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskFromOutsideThePoolIsQueuedOnIt() throws Exception {
        Thread caller = Thread.currentThread();
        Thread ran =
                CompletableFuture.supplyAsync(Thread::currentThread, executor).get(10, TimeUnit.SECONDS);
        assertThat(ran).isNotSameAs(caller);
    }

    @Test
    void theFirstTaskAPoolTaskSubmitsRunsOnItsThreadBeforeSubmitReturns() throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        executor.execute(() -> {
            Thread check = Thread.currentThread();
            executor.execute(
                    () -> seen.add(Thread.currentThread() == check ? "route on the check's thread" : "elsewhere"));
            seen.add("check returns");
            done.complete(seen);
        });
        assertThat(done.get(10, TimeUnit.SECONDS)).containsExactly("route on the check's thread", "check returns");
    }

    @Test
    void aSecondTaskAndWhatTheFirstSubmitsAreQueued() throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> last = new CompletableFuture<>();
        executor.execute(() -> {
            executor.execute(() -> {
                seen.add("first");
                executor.execute(() -> seen.add("submitted by the first"));
            });
            executor.execute(() -> {
                seen.add("second");
                last.complete(null);
            });
            seen.add("check returns");
        });
        last.get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("first", "check returns", "submitted by the first", "second");
    }

    @Test
    void aTaskOfThePlainPoolRunsNothingAtOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> queued = new CompletableFuture<>();
        pool.execute(() -> {
            executor.execute(() -> {
                seen.add("queued task");
                queued.complete(null);
            });
            seen.add("pool task returns");
        });
        queued.get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactly("pool task returns", "queued task");
    }
}
