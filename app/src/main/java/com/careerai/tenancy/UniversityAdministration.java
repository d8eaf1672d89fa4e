package com.careerai.tenancy;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
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

    /** The university with this id (for background jobs, which know only the id). */
    public Optional<University> findById(long id) {
        return universities.findById(id);
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
