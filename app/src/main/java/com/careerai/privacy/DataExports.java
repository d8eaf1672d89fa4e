package com.careerai.privacy;

import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.storage.FileStorage;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipOutputStream;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * "Download my data": a zip of every {@link PersonalData} part, built by a job with progress,
 * downloadable by the person (or the staff member who asked for it) for {@link #KEPT}, then
 * deleted by the recurring housekeeping.
 */
@Singleton
public class DataExports {
    /** How long a built export stays downloadable. */
    public static final Duration KEPT = Duration.ofDays(7);

    private final PrivacyStore store;
    private final TransactionOperations<Connection> transactions;
    private final JobRequestScheduler scheduler;
    private final PersonalDataContributors contributors;
    private final ExportWriter writer;
    private final FileStorage storage;
    private final PrivacySchedule schedule;

    DataExports(
            PrivacyStore store,
            TransactionOperations<Connection> transactions,
            JobRequestScheduler scheduler,
            PersonalDataContributors contributors,
            ExportWriter writer,
            FileStorage storage,
            PrivacySchedule schedule) {
        this.store = store;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.contributors = contributors;
        this.writer = writer;
        this.storage = storage;
        this.schedule = schedule;
    }

    /** Starts building an export of {@code userId}'s data, asked by {@code requestedBy}. */
    public DataExport request(long universityId, long userId, long requestedBy) {
        UUID id = UUID.randomUUID();
        DataExport export = transactions.executeWrite(status -> store.insertExport(
                universityId, id, userId, requestedBy, contributors.all().size()));
        schedule.ensure(universityId);
        scheduler.enqueue(id, new ExportDataJobRequest(universityId, id));
        return export;
    }

    /** The export if it is {@code userId}'s, else 404. */
    public DataExport of(long universityId, long userId, UUID id) {
        return transactions
                .executeRead(status -> store.findExport(universityId, id))
                .filter(export -> export.userId() == userId)
                .orElseThrow(PrivacyException::exportNotFound);
    }

    public List<DataExport> recent(long universityId, long userId) {
        return transactions.executeRead(status -> store.exportsOf(universityId, userId, 5));
    }

    /** The zip of a READY export, else 404. The caller closes the stream. */
    public InputStream open(DataExport export) {
        if (export.status() != DataExport.Status.READY || export.storageKey() == null) {
            throw PrivacyException.exportNotFound();
        }
        return storage.open(export.storageKey());
    }

    /** The job's work: asks every contributor, part by part (progress committed after each). */
    void build(long universityId, UUID id) {
        DataExport export = transactions
                .executeRead(status -> store.findExport(universityId, id))
                .orElseThrow(PrivacyException::exportNotFound);
        if (export.status() != DataExport.Status.PENDING) {
            return;
        }
        Path zipFile;
        try {
            zipFile = Files.createTempFile("careerai-export-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            PersonalData.Subject subject =
                    transactions.executeRead(status -> contributors.subject(universityId, export.userId()));
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
                writer.readme(zip);
                int done = 0;
                for (PersonalData contributor : contributors.all()) {
                    PersonalData.Part part =
                            transactions.executeRead(status -> contributor.export(universityId, subject));
                    writer.write(zip, contributor.key(), part);
                    int progress = ++done;
                    transactions.executeWrite(status -> {
                        store.progress(universityId, id, progress);
                        return null;
                    });
                }
            }
            long size = Files.size(zipFile);
            String key;
            try (InputStream in = Files.newInputStream(zipFile)) {
                key = storage.put(universityId, "privacy-exports", in, size, "application/zip");
            }
            boolean saved = transactions.executeWrite(status ->
                    store.ready(universityId, id, key, size, Instant.now().plus(KEPT)));
            if (!saved) {
                storage.delete(key); // another attempt finished first
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(zipFile);
            } catch (IOException e) {
                // a leftover temp file is harmless; the export itself succeeded or will be retried
            }
        }
    }

    /** Marks an export whose job gave up, so the page stops waiting. */
    void failed(long universityId, UUID id) {
        transactions.executeWrite(status -> {
            store.failed(universityId, id);
            return null;
        });
    }

    /** Deletes the files of exports whose week is over; returns how many expired. */
    public int expireDue(long universityId, Instant now) {
        int expired = 0;
        while (true) {
            int chunk = transactions.executeWrite(status -> {
                List<DataExport> due = store.expiring(universityId, now, 50);
                for (DataExport export : due) {
                    storage.delete(export.storageKey());
                    store.expire(universityId, export.id());
                }
                return due.size();
            });
            expired += chunk;
            if (chunk < 50) {
                return expired;
            }
        }
    }

    /** Part of an erasure: every stored export of the person goes (in the caller's transaction). */
    void deleteAllOf(long universityId, long userId) {
        for (DataExport export : store.storedOf(universityId, userId)) {
            if (export.storageKey() != null) {
                storage.delete(export.storageKey());
            }
            store.expire(universityId, export.id());
        }
    }
}
