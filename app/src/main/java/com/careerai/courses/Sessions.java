package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Joining a session (only while it is joinable) and the instructor's recording links. */
@Singleton
class Sessions {
    private final BatchAccess access;
    private final CourseStore store;
    private final CourseClock clock;
    private final AuditLog audit;
    private final AttendanceStore attendance;

    Sessions(BatchAccess access, CourseStore store, CourseClock clock, AuditLog audit, AttendanceStore attendance) {
        this.access = access;
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.attendance = attendance;
    }

    /**
     * The meeting link, for an enrolled student or the instructor from 10 minutes before the start to
     * the end. A student's join counts them present (unless the instructor has marked them already).
     */
    @Transactional
    String joinUrl(SignedInUser user, long sessionId) {
        BatchAccess.SessionGranted granted = access.session(user, sessionId);
        String url = granted.granted().batch().meetingUrl();
        if (!granted.granted().mayJoin() || url == null || !granted.session().joinableAt(clock.now())) {
            throw new CourseProblem(
                    HttpStatus.FORBIDDEN, "join_closed", "Joining opens 10 minutes before the session starts.");
        }
        if (granted.granted().as() == BatchAccess.As.STUDENT) {
            attendance.joined(user.universityId(), sessionId, user.userId());
        }
        return url;
    }

    /** Sets (or clears, with a blank url) a session's recording; the instructor or staff. Returns the batch id. */
    @Transactional
    long setRecording(SignedInUser user, long sessionId, String url) {
        BatchAccess.SessionGranted granted = access.session(user, sessionId);
        if (!granted.granted().teaches()) {
            throw new CourseProblem(HttpStatus.FORBIDDEN, "instructor_only", "Only the instructor adds recordings.");
        }
        String link = url.strip();
        if (!link.isEmpty() && !webLink(link)) {
            throw CourseProblem.invalid(Map.of("url", "Give a web address starting with https://"));
        }
        store.setRecording(user.universityId(), sessionId, link.isEmpty() ? null : link);
        audit.record(
                user.universityId(), Courses.actor(user), "courses.session.recording", Map.of("session", sessionId));
        return granted.session().batchId();
    }

    static boolean webLink(String value) {
        if (value.length() > 2000) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
