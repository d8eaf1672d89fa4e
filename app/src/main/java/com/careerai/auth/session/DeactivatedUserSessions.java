package com.careerai.auth.session;

import com.careerai.auth.UserDeactivated;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Ends every session of a person staff deactivate. Their next request is anonymous even before
 * this runs (a deactivated user is never authenticated); revoking the sessions keeps them ended
 * when the person is reactivated later.
 */
@Singleton
class DeactivatedUserSessions {
    private final SessionStore sessions;

    DeactivatedUserSessions(SessionStore sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void onDeactivated(UserDeactivated event) {
        sessions.revokeAll(event.universityId(), event.userId());
    }
}
