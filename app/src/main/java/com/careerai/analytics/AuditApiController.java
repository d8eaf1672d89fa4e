package com.careerai.analytics;

import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Staff JSON of the audit log: the same filters and pages as {@code /staff/audit}. */
@Controller("/api/v1/staff/audit")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff: audit log")
class AuditApiController {
    private final AuditTrail trail;
    private final UserAccounts users;

    AuditApiController(AuditTrail trail, UserAccounts users) {
        this.trail = trail;
        this.users = users;
    }

    @Get
    @Operation(
            summary = "The university's audit log, newest first, 50 a page (page from 1)",
            description = "actor: an email of someone here or a raw actor such as user:12 or operator:ana;"
                    + " action: an exact action or a family ending in a dot (credits.); from/to: days"
                    + " (YYYY-MM-DD, UTC, both included). Bad input answers 422 naming each field.")
    AuditTrail.Page audit(
            @CurrentUniversity University university,
            @QueryValue @Nullable String actor,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable Integer page) {
        AuditQuery query = AuditQuery.parse(university.id(), users, actor, action, from, to);
        if (!query.valid()) {
            throw new AnalyticsInputException(query.problems());
        }
        return trail.page(university.id(), query.filter(), page == null ? 1 : page);
    }
}
