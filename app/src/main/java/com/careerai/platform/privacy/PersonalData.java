package com.careerai.platform.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extension point of a student's control over their own data (issue 18): every feature that keeps
 * something about a person implements this as a bean over its own tables, so the privacy feature
 * can build "Download my data" and carry out "Delete my account" without reading any other
 * feature's tables.
 *
 * <p>All methods run inside the university's unit of work (row-level security on), called once
 * per contributor. {@link #erase} must be idempotent (a retried erasure job calls it again) and
 * must leave no column of its tables holding the person's name, email address, phone number or
 * the texts and files they wrote; rows that accounting needs (ledger, payments, invoices) stay,
 * de-identified. Files named in {@link Part#files()} are deleted by the contributor itself during
 * {@link #erase}.
 *
 * <p>The privacy feature calls the {@link Subject} forms. A contributor whose rows name the person
 * by address rather than by id (a lead, the mail log, audit details) overrides those; the others
 * implement only the id forms. Erasure runs contributors in {@link #getOrder()} order (auth's
 * account, which the others' addresses come from, runs last).
 */
public interface PersonalData extends Ordered {

    /** Stable, file-name safe key of this part ("profile", "runs", "bookings"); unique per bean. */
    String key();

    /**
     * Everything this feature holds about {@code userId}, or empty when it holds nothing.
     * {@code records} must serialise as JSON through Micronaut Serde (records annotated
     * {@code @Serdeable}, maps, lists, strings, numbers) or be {@link JsonRows}.
     */
    Part export(long universityId, long userId);

    /** Deletes or de-identifies everything personal this feature holds about {@code userId}. */
    void erase(long universityId, long userId);

    /** As {@link #export(long, long)}, for contributors that also find the person by address. */
    default Part export(long universityId, Subject subject) {
        return export(universityId, subject.userId());
    }

    /** As {@link #erase(long, long)}, for contributors that also find the person by address. */
    default void erase(long universityId, Subject subject) {
        erase(universityId, subject.userId());
    }

    /**
     * Phone numbers this feature knows the person by (a lead's, matched by email), asked of every
     * contributor before anything is erased, so the others can scrub them too.
     */
    default List<String> phoneNumbers(long universityId, Subject subject) {
        return List.of();
    }

    @Override
    default int getOrder() {
        return 0;
    }

    /**
     * Whom an export or erasure is about.
     *
     * @param email the account's address, lower-case
     * @param name the account's name, or null
     * @param phones numbers collected through {@link #phoneNumbers}
     */
    record Subject(long userId, String email, @Nullable String name, List<String> phones) {
        public Subject {
            phones = List.copyOf(phones);
        }

        /**
         * The texts other rows may name the person by: the address, the phone numbers and the
         * name (when at least 3 characters, so a scrub never rewrites common fragments).
         */
        public List<String> identifiers() {
            List<String> all = new ArrayList<>();
            all.add(email.toLowerCase(Locale.ROOT));
            all.addAll(phones);
            if (name != null && name.strip().length() >= 3) {
                all.add(name.strip());
            }
            return all;
        }

        public Subject withPhones(List<String> more) {
            List<String> all = new ArrayList<>(phones);
            more.stream().filter(phone -> !all.contains(phone)).forEach(all::add);
            return new Subject(userId, email, name, all);
        }
    }

    /**
     * One feature's share of an export.
     *
     * @param records the rows, written to {@code <key>.json} in the zip
     * @param files stored files to copy into {@code <key>/} in the zip
     * @param documents files kept in the database (generated PDFs), copied into {@code <key>/}
     */
    record Part(Object records, List<File> files, List<Document> documents) {

        public Part(Object records, List<File> files) {
            this(records, files, List.of());
        }

        public static Part empty() {
            return new Part(List.of(), List.of());
        }

        public static Part of(Object records) {
            return new Part(records, List.of());
        }
    }

    /**
     * Rows already rendered as JSON objects by the database ({@code SELECT to_jsonb(t) …}), written
     * as one JSON array without another round through Java types.
     */
    record JsonRows(List<String> rows) {}

    /**
     * A stored file belonging to the person.
     *
     * @param storageKey the key in {@code platform.storage.FileStorage}
     * @param fileName the name inside the zip (sanitised again by the exporter)
     * @param contentType the stored content type, or null
     */
    record File(String storageKey, String fileName, @Nullable String contentType) {}

    /** A file whose bytes the feature keeps itself (a run's PDF in {@code ai_run_documents}). */
    record Document(String fileName, @Nullable String contentType, byte[] content) {}
}
