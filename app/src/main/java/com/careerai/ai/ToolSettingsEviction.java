package com.careerai.ai;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

/** Drops this node's cached switched-off tools of a university once a change to them is committed. */
@Singleton
class ToolSettingsEviction {
    private final ToolSettings settings;

    ToolSettingsEviction(ToolSettings settings) {
        this.settings = settings;
    }

    /** After the commit, so a request in between cannot keep the old answer (ADR 0041). */
    @TransactionalEventListener
    void onChanged(ToolSettings.Changed change) {
        settings.evict(change.universityId());
    }
}
