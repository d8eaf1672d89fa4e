package com.careerai.leads;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * The communication log's writes around a provider call, each committed on its own (not with the
 * delivering listener's transaction, which a failure rolls back): the claim must survive whatever
 * happens after the request went out, or a retry would send again (ADR 0021).
 */
@Singleton
class CommunicationClaims {
    private final LeadStore store;

    CommunicationClaims(LeadStore store) {
        this.store = store;
    }

    /** A new ATTEMPTED row for the lead's automatic {@code channel}, or empty when one exists. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    Optional<CommunicationLog> claim(long universityId, long leadId, Channel channel, String template) {
        return store.claim(universityId, leadId, channel, template, "ATTEMPTED");
    }

    /** A new ATTEMPTED row for a follow-up staff asked for (as many as they like). */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    CommunicationLog manual(long universityId, long leadId, Channel channel, String template) {
        return store.manual(universityId, leadId, channel, template, "ATTEMPTED");
    }

    /** A SKIPPED row for a channel without configuration (once per lead and channel). */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void skipped(long universityId, long leadId, Channel channel, String template, String why) {
        store.claim(universityId, leadId, channel, template, "SKIPPED")
                .ifPresent(log -> store.outcome(universityId, log.id(), "SKIPPED", null, why));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void sent(long universityId, CommunicationLog log, String providerId) {
        store.outcome(universityId, log.id(), "SENT", providerId, null);
        store.contacted(universityId, log.leadId(), Instant.now());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void failed(long universityId, CommunicationLog log, String error) {
        store.outcome(universityId, log.id(), "FAILED", null, error);
    }

    /** The provider may have acted on the request: never sent again; its status callback may still tell. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void unconfirmed(long universityId, CommunicationLog log, @Nullable String error) {
        if (store.unconfirmIfAttempted(universityId, log.id()) && error != null) {
            store.outcome(universityId, log.id(), "UNCONFIRMED", null, error);
        }
    }

    /** The provider answered that it did nothing and asked to retry later: the claim goes, a retry may send. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    void release(long universityId, CommunicationLog log) {
        store.release(universityId, log.id());
    }
}
