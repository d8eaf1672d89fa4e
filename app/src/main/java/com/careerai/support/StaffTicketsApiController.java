package com.careerai.support;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The staff ticket queue for API clients. */
@Controller("/api/v1/staff/tickets")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Support")
class StaffTicketsApiController {
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueueItem(
            long id,
            String subject,
            String category,
            String status,
            String requester,
            @Nullable Long assigneeId,
            long firstResponseMinutes,
            boolean firstResponseBreached,
            long resolutionMinutes,
            boolean resolutionBreached,
            Instant createdAt) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty page still lists "tickets": []
    record Queue(List<QueueItem> tickets, int page) {}

    @Serdeable
    record Reply(@Nullable String message, @Nullable Boolean internal) {}

    @Serdeable
    record Replied(long id, String status) {}

    private final Tickets tickets;

    StaffTicketsApiController(Tickets tickets) {
        this.tickets = tickets;
    }

    @Get
    @Operation(
            summary =
                    "The queue; ?status=OPEN|PENDING_STUDENT|RESOLVED|CLOSED, ?category=, ?assignee=me|nobody, ?page=")
    Queue queue(
            @CurrentUser SignedInUser staff,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String category,
            @Nullable @QueryValue String assignee,
            @Nullable @QueryValue Integer page) {
        String onlyStatus =
                status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (onlyStatus != null
                && java.util.Arrays.stream(Ticket.Status.values())
                        .noneMatch(s -> s.name().equals(onlyStatus))) {
            throw new TicketException("status", "Use OPEN, PENDING_STUDENT, RESOLVED or CLOSED.");
        }
        String onlyCategory = category == null || category.isBlank() ? null : category.strip();
        if (onlyCategory != null && !Ticket.CATEGORIES.contains(onlyCategory)) {
            throw new TicketException("category", "Use one of: " + String.join(", ", Ticket.CATEGORIES) + ".");
        }
        Long onlyAssignee = "me".equals(assignee)
                ? Long.valueOf(staff.userId())
                : "nobody".equals(assignee) ? Long.valueOf(0) : null;
        int current = Paging.page(page == null ? 1 : page);
        Tickets.QueuePage queue = new Tickets.QueuePage(
                staff.universityId(), onlyStatus, onlyCategory, onlyAssignee, 50, Paging.offset(current, 50));
        tickets.prefetch(queue); // the business hours and the page in one round trip (ADR 0076)
        SupportSettings settings = tickets.settings(staff.universityId());
        List<QueueItem> items = tickets.queue(queue).stream()
                .map(t -> {
                    Tickets.Timers timers = tickets.timers(settings, t);
                    return new QueueItem(
                            t.id(),
                            t.subject(),
                            t.category(),
                            t.status().name(),
                            t.requesterName(),
                            t.assigneeId(),
                            timers.firstResponse().toMinutes(),
                            timers.firstResponseBreached(),
                            timers.resolution().toMinutes(),
                            timers.resolutionBreached(),
                            t.createdAt());
                })
                .toList();
        return new Queue(items, current);
    }

    @Post("/{id}/replies")
    @Operation(
            summary =
                    "Reply to a ticket (emailed and shown to the student) or, with internal=true, add a note; 404 for another university's")
    HttpResponse<Replied> reply(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Reply body) {
        tickets.staffWrites(staff, id, body.message(), Boolean.TRUE.equals(body.internal()));
        return HttpResponse.created(
                new Replied(id, tickets.find(staff.universityId(), id).status().name()));
    }
}
