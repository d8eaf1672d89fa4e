package com.careerai.platform.jobs;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.exceptions.NoTransactionException;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.filters.JobDefaultFilters;
import org.jobrunr.jobs.filters.JobFilter;
import org.jobrunr.jobs.filters.JobFilterUtils;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.mappers.MDCMapper;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enqueues a job in the caller's database transaction (ADR 0043): the job's row is written on that
 * transaction's connection, so it commits with the change that needs it or not at all — no second
 * connection, transaction and commit after it, and no moment where the change is committed and its
 * job not yet enqueued. Workers see the job when the transaction commits; this node's
 * {@link JobWakeUp} (ADR 0039) is told only after the commit, never before (a worker looking earlier
 * would not see the row). The job is the one {@code JobRequestScheduler.enqueue(id, request)} makes:
 * the same client filters ({@code @Job}'s name and retries) are applied before it is written, and
 * the row is JobRunr's own, its JSON made from a template per request type ({@link NewJobJson},
 * ADR 0047). From the second job of a request type on, the job itself is made as those filters made
 * the first, without them ({@link NewJobShape}, ADR 0066), where the type allows it.
 */
@Singleton
public class JobsInTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(JobsInTransaction.class);

    private final JobStorage storage;
    private final JobFilterUtils filters;
    private final TransactionOperations<Connection> transactions;
    private final NewJobJson json;
    private final JobWakeUp wakeUp;
    /** Per request type: how its new jobs are made without JobRunr's filters, or empty: with them (ADR 0066). */
    private final ConcurrentMap<Class<?>, Optional<NewJobShape>> shapes = new ConcurrentHashMap<>();

    JobsInTransaction(
            StorageProvider storage,
            JobWakeUp wakeUp,
            TransactionOperations<Connection> transactions,
            JsonMapper jsonMapper) {
        this.storage = (JobStorage) storage;
        this.json = new NewJobJson(jsonMapper);
        this.wakeUp = wakeUp;
        this.filters = new JobFilterUtils(new JobDefaultFilters(List.<JobFilter>of(wakeUp)));
        this.transactions = transactions;
    }

    /**
     * Writes the job {@code id} for {@code request} in the current transaction. A job with that id
     * already in the table fails the statement, and so the caller's transaction: pass a new id.
     *
     * @throws NoTransactionException outside a transaction
     */
    public void enqueue(UUID id, JobRequest request) {
        TransactionStatus<?> status = transactions
                .findTransactionStatus()
                .orElseThrow(() -> new NoTransactionException("A job is enqueued in a transaction"));
        Optional<NewJobShape> shape = shapes.get(request.getClass());
        Job shaped = shape == null
                ? null
                : shape.map(known -> known.make(id, request)).orElse(null);
        Job job;
        if (shaped != null) {
            job = shaped;
            MDCMapper.saveMDCContextToJob(job);
        } else {
            job = new Job(id, new JobDetails(request));
            MDCMapper.saveMDCContextToJob(job);
            filters.runOnCreatingFilter(job);
            if (shape == null) {
                shapes.putIfAbsent(request.getClass(), NewJobShape.learn(job, request));
            }
        }
        storage.insertOn(transactions.getConnection(), job, written -> json.of(written, request));
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (shaped == null) {
                    filters.runOnCreatedFilter(job);
                    return;
                }
                // the client filters' onCreated: JobRunr's DefaultJobFilter does nothing there
                try {
                    wakeUp.onCreated(job);
                } catch (RuntimeException e) {
                    LOG.error("Error evaluating JobFilter {}", JobWakeUp.class.getName(), e);
                }
            }
        });
    }

    /** Whether jobs of {@code requestType} are now made without JobRunr's client filters (tests). */
    boolean shapesWithoutFilters(Class<?> requestType) {
        Optional<NewJobShape> shape = shapes.get(requestType);
        return shape != null && shape.isPresent();
    }

    /** Whether jobs of {@code requestType} are now written from a template (tests). */
    boolean writesFromTemplate(Class<?> requestType) {
        return json.hasTemplateFor(requestType);
    }
}
