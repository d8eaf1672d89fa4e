package com.careerai.tenancy;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Creates and changes universities; publishes {@link UniversityChanged} so caches drop old copies. */
@Singleton
public class UniversityAdministration {
    private final UniversityRepository universities;
    private final ApplicationEventPublisher<UniversityChanged> events;

    UniversityAdministration(UniversityRepository universities, ApplicationEventPublisher<UniversityChanged> events) {
        this.universities = universities;
        this.events = events;
    }

    public Optional<University> findBySubdomain(String subdomain) {
        return universities.findBySubdomain(subdomain);
    }

    public Optional<University> find(long universityId) {
        return universities.findById(universityId);
    }

    /** Every university, oldest first (operator-wide tasks such as the ledger audit). */
    public List<University> list() {
        return universities.findAllOrderById();
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

    /** Saves a changed university and drops cached copies on this node. */
    @Transactional
    public University update(University university) {
        University saved = universities.update(university);
        events.publishEvent(new UniversityChanged(saved.subdomain()));
        return saved;
    }
}
