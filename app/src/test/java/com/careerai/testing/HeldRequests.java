package com.careerai.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Requests sent at once and held by a stand-in of another system: the request pool's tests (ADR 0077). */
public final class HeldRequests {
    private HeldRequests() {}

    /** Sends one request for each of {@code people} at the same time, each from a thread of its own. */
    public static <P> List<CompletableFuture<HttpResponse<String>>> sendAtOnce(
            List<P> people, Function<P, HttpResponse<String>> send) {
        return people.stream()
                .map(person -> CompletableFuture.supplyAsync(() -> send.apply(person), runnable -> {
                    Thread sender = new Thread(runnable, "held-request-sender");
                    sender.setDaemon(true);
                    sender.start();
                }))
                .toList();
    }

    /**
     * Waits (30 s at most) until the stand-in holds every one of {@code sent} at once, checks that none
     * has answered (on the request pool, the last would reach the stand-in only after the first gave up),
     * and that {@code meanwhile}, a request served by the request pool, is answered 200 while they wait.
     */
    public static void assertAllWaitAtOnceWhileThePoolServes(
            List<? extends Future<?>> sent, IntSupplier held, Supplier<HttpResponse<String>> meanwhile) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(held.getAsInt())
                .as("requests waiting on the other system at once")
                .isEqualTo(sent.size()));
        assertThat(sent)
                .as("no request has answered: all are still waiting on the other system")
                .noneMatch(Future::isDone);
        HttpResponse<String> served = meanwhile.get();
        assertThat(served.code()).as(served.body()).isEqualTo(200);
    }
}
