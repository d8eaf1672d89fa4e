package com.careerai.tenancy;

import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.web.PageReads;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, changes, suspends and removes universities (tenant-admin and the demo seeder use it).
 * Every change is audited with its actor and publishes {@link UniversityChanged}, so every
 * node's cache drops the old copy once the change is committed.
 */
@Singleton
public class UniversityAdministration {
    private final UniversityRepository universities;
    private final ApplicationEventPublisher<UniversityChanged> events;
    private final AuditLog audit;
    private final UnitOfWork units;
    private final PageReads reads;

    UniversityAdministration(
            UniversityRepository universities,
            ApplicationEventPublisher<UniversityChanged> events,
            AuditLog audit,
            UnitOfWork units,
            PageReads reads) {
        this.units = units;
        this.reads = reads;
        this.universities = universities;
        this.events = events;
        this.audit = audit;
    }

    public Optional<University> findBySubdomain(String subdomain) {
        return universities.findBySubdomain(subdomain);
    }

    /** The university of {@code subdomain}; throws {@link UniversityNotFoundException} when none. */
    public University require(String subdomain) {
        return universities.findBySubdomain(subdomain).orElseThrow(() -> new UniversityNotFoundException(subdomain));
    }

    /** A university's allowance for a new student's first sign-in. */
    public record DefaultAllowance(int silver, int gold) {}

    /** The allowance of university {@code id} read afresh; empty when there is no such university. */
    public Optional<DefaultAllowance> defaultAllowance(long id) {
        return reads.read(defaultAllowanceRead(id));
    }

    /**
     * What {@link #defaultAllowance} reads: the allowance of university {@code id} read afresh (not the request's cached copy, which may predate a
     * change made on another node), for a page to send with its other reads (ADR 0076); empty when none.
     */
    public static PageRead<Optional<DefaultAllowance>> defaultAllowanceRead(long id) {
        return PageRead.optional(
                "tenancy.default-allowance:" + id,
                "SELECT default_silver, default_gold FROM universities WHERE id = ?",
                SqlRows.parameters(id),
                row -> new DefaultAllowance(row.getInt(1), row.getInt(2)));
    }

    /** Every university, by subdomain. */
    public List<University> list() {
        return universities.listOrderBySubdomain();
    }

    /** What breaks {@link UniversityRules} in {@code university}; empty when it may be created. */
    public Map<String, String> validate(NewUniversity university) {
        return UniversityRules.problems(university.normalised());
    }

    /**
     * Creates a university from validated settings.
     *
     * @throws InvalidUniversityException when a rule is broken or the subdomain is taken
     */
    @Transactional
    public University create(NewUniversity university, String actor) {
        NewUniversity n = university.normalised();
        Map<String, String> problems = UniversityRules.problems(n);
        if (!problems.isEmpty()) {
            throw new InvalidUniversityException(problems);
        }
        if (universities.findBySubdomain(n.subdomain()).isPresent()) {
            throw new InvalidUniversityException(Map.of("subdomain", "'" + n.subdomain() + "' is already taken"));
        }
        University saved = universities.save(new University(
                null,
                n.name(),
                n.subdomain(),
                n.allowedDomains(),
                n.defaultSilver(),
                n.defaultGold(),
                UniversityStatus.ACTIVE,
                n.brandColor(),
                n.logoUrl(),
                null));
        units.enter(saved.id());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", saved.name());
        details.put("subdomain", saved.subdomain());
        details.put("allowedDomains", saved.allowedDomains());
        details.put("defaultSilver", saved.defaultSilver());
        details.put("defaultGold", saved.defaultGold());
        audit.record(saved.id(), actor, "university.created", details);
        events.publishEvent(new UniversityChanged(saved.subdomain()));
        return saved;
    }

    /** The university with this id (for background jobs, which know only the id). */
    public Optional<University> findById(long id) {
        return universities.findById(id);
    }

    /**
     * Changes the credits a new student receives at first sign-in. Callers audit the change;
     * publishes {@link UniversityChanged}.
     *
     * @throws IllegalArgumentException for a negative amount or an unknown university
     */
    @Transactional
    public University changeDefaults(long universityId, int defaultSilver, int defaultGold) {
        if (defaultSilver < 0 || defaultGold < 0) {
            throw new IllegalArgumentException("default credits cannot be negative");
        }
        if (universities.updateDefaults(universityId, defaultSilver, defaultGold) != 1) {
            throw new IllegalArgumentException("no university " + universityId);
        }
        University saved = universities.findById(universityId).orElseThrow();
        events.publishEvent(new UniversityChanged(saved.subdomain()));
        return saved;
    }

    /** Creates the university unless its subdomain exists; returns the stored one either way. */
    @Transactional
    public University createIfAbsent(NewUniversity university) {
        if (ReservedSubdomains.isReserved(university.subdomain())) {
            throw new IllegalArgumentException(university.subdomain() + " is reserved");
        }
        return universities.findBySubdomain(university.subdomain()).orElseGet(() -> {
            University saved = universities.save(new University(
                    null,
                    university.name(),
                    university.subdomain(),
                    university.allowedDomains(),
                    university.defaultSilver(),
                    university.defaultGold(),
                    UniversityStatus.ACTIVE,
                    university.brandColor(),
                    university.logoUrl(),
                    null));
            events.publishEvent(new UniversityChanged(saved.subdomain()));
            return saved;
        });
    }

    /** Saves a changed university and drops cached copies. */
    @Transactional
    public University update(University university) {
        University saved = universities.update(university);
        events.publishEvent(new UniversityChanged(saved.subdomain()));
        return saved;
    }

    /**
     * Applies {@code changes}; audits {@code university.updated} with each field's old and new
     * value. Changes that change nothing are not saved and not audited.
     *
     * @throws UniversityNotFoundException when no university has {@code subdomain}
     * @throws InvalidUniversityException when the result would break a rule
     */
    @Transactional
    public University change(String subdomain, UniversityChanges changes, String actor) {
        University current = require(subdomain);
        units.enter(current.id());
        Map<String, Map<String, Object>> differences = changes.differences(current);
        if (differences.isEmpty()) {
            return current;
        }
        NewUniversity after = changes.applyTo(current);
        Map<String, String> problems = UniversityRules.problems(after);
        if (!problems.isEmpty()) {
            throw new InvalidUniversityException(problems);
        }
        University saved = update(new University(
                current.id(),
                after.name(),
                current.subdomain(),
                after.allowedDomains(),
                after.defaultSilver(),
                after.defaultGold(),
                current.status(),
                after.brandColor(),
                after.logoUrl(),
                current.createdAt()));
        audit.record(saved.id(), actor, "university.updated", Map.of("changes", differences));
        return saved;
    }

    /** Stops serving the university's pages (403) until it is resumed; audited with the reason. */
    @Transactional
    public University suspend(String subdomain, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A suspension needs a reason");
        }
        University current = require(subdomain);
        units.enter(current.id());
        if (current.isSuspended()) {
            return current;
        }
        University saved = update(withStatus(current, UniversityStatus.SUSPENDED));
        audit.record(saved.id(), actor, "university.suspended", Map.of("reason", reason.trim()));
        return saved;
    }

    /** Serves a suspended university again; audited. */
    @Transactional
    public University resume(String subdomain, String actor) {
        University current = require(subdomain);
        units.enter(current.id());
        if (!current.isSuspended()) {
            return current;
        }
        University saved = update(withStatus(current, UniversityStatus.ACTIVE));
        audit.record(saved.id(), actor, "university.resumed", Map.of());
        return saved;
    }

    /**
     * Deletes the university row itself, once every table holding its data is empty for it
     * (tenant-admin's offboarding deletes those first); its address then answers 404.
     */
    @Transactional
    public void delete(University university) {
        universities.deleteById(university.id());
        events.publishEvent(new UniversityChanged(university.subdomain()));
    }

    private static University withStatus(University university, UniversityStatus status) {
        return new University(
                university.id(),
                university.name(),
                university.subdomain(),
                university.allowedDomains(),
                university.defaultSilver(),
                university.defaultGold(),
                status,
                university.brandColor(),
                university.logoUrl(),
                university.createdAt());
    }
}
