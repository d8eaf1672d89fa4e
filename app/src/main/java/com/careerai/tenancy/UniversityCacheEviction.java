package com.careerai.tenancy;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

/** Drops this node's cached copy of a university once the change to it is committed. */
@Singleton
class UniversityCacheEviction {
    private final UniversityDirectory directory;

    UniversityCacheEviction(UniversityDirectory directory) {
        this.directory = directory;
    }

    /** After the commit, so a request in between cannot cache the old row again. */
    @TransactionalEventListener
    void onUniversityChanged(UniversityChanged event) {
        directory.evict(event.subdomain());
    }
}
