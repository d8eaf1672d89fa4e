package com.careerai.platform.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Outbox settings ({@code careerai.outbox.*}). */
@ConfigurationProperties("careerai.outbox")
public class OutboxConfiguration {

    /** What a node does right after a transaction that recorded events commits. */
    public enum AfterCommit {
        /** Deliver at once on this node; enqueue the JobRunr job only when that fails (the retry path). */
        DELIVER,
        /** Only enqueue the JobRunr job: a worker delivers it (tenant-admin). */
        ENQUEUE,
        /** Nothing: the recurring relay finds the event (tests simulating a crash after commit). */
        NOTHING
    }

    private AfterCommit afterCommit = AfterCommit.DELIVER;
    private int threads = 4;
    private int queueCapacity = 1000;
    private Duration relayAfter = Duration.ofSeconds(60);
    private Duration relayInterval = Duration.ofMinutes(1);
    private int relayBatch = 500;
    private Duration retention = Duration.ofDays(7);

    /** {@code deliver} (default), {@code enqueue} or {@code nothing}. */
    public AfterCommit getAfterCommit() {
        return afterCommit;
    }

    public void setAfterCommit(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    /** Threads that deliver events right after commit on this node. */
    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    /**
     * Events waiting for those threads before further ones go to JobRunr (enqueued by one thread of
     * their own, with twenty times as many waiting; beyond that the recurring relay finds them).
     */
    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    /** How old an undelivered event must be before the recurring relay enqueues it again. */
    public Duration getRelayAfter() {
        return relayAfter;
    }

    public void setRelayAfter(Duration relayAfter) {
        this.relayAfter = relayAfter;
    }

    /** How often the recurring relay runs on worker nodes (JobRunr needs at least 5 s). */
    public Duration getRelayInterval() {
        return relayInterval;
    }

    public void setRelayInterval(Duration relayInterval) {
        this.relayInterval = relayInterval;
    }

    /** Most events one relay pass enqueues (and most delivered events it purges). */
    public int getRelayBatch() {
        return relayBatch;
    }

    public void setRelayBatch(int relayBatch) {
        this.relayBatch = relayBatch;
    }

    /** How long delivered events are kept before the relay deletes them. */
    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
