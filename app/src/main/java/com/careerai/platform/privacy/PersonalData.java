package com.careerai.platform.privacy;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Extension point of a student's control over their own data (issue 18): every feature that keeps
 * something about a person implements this as a bean over its own tables, so the privacy feature
 * can build "Download my data" and carry out "Delete my account" without reading any other
 * feature's tables.
 *
 * <p>Both methods run inside the university's unit of work (row-level security on), called once
 * per contributor. {@link #erase} must be idempotent (a retried erasure job calls it again) and
 * must leave no column of its tables holding the person's name, email address, phone number or
 * the texts and files they wrote; rows that accounting needs (ledger, payments, invoices) stay,
 * de-identified. Files named in {@link Part#files()} are deleted by the contributor itself during
 * {@link #erase}.
 */
public interface PersonalData {

    /** Stable, file-name safe key of this part ("profile", "runs", "bookings"); unique per bean. */
    String key();

    /**
     * Everything this feature holds about {@code userId}, or empty when it holds nothing.
     * {@code records} must serialise as JSON through Micronaut Serde (records annotated
     * {@code @Serdeable}, maps, lists, strings, numbers).
     */
    Part export(long universityId, long userId);

    /** Deletes or de-identifies everything personal this feature holds about {@code userId}. */
    void erase(long universityId, long userId);

    /**
     * One feature's share of an export.
     *
     * @param records the rows, written to {@code <key>.json} in the zip
     * @param files stored files to copy into {@code <key>/} in the zip
     */
    record Part(Object records, List<File> files) {

        public static Part empty() {
            return new Part(List.of(), List.of());
        }

        public static Part of(Object records) {
            return new Part(records, List.of());
        }
    }

    /**
     * A stored file belonging to the person.
     *
     * @param storageKey the key in {@code platform.storage.FileStorage}
     * @param fileName the name inside the zip (sanitised again by the exporter)
     * @param contentType the stored content type, or null
     */
    record File(String storageKey, String fileName, @Nullable String contentType) {}
}
