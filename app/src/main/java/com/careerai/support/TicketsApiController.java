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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/** The caller's support tickets. */
@Controller("/api/v1/tickets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Support")
class TicketsApiController {
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TicketView(
            long id,
            String subject,
            String category,
            String status,
            @Nullable Integer csat,
            Instant createdAt,
            Instant updatedAt,
            @Nullable List<MessageView> messages) {
        static TicketView of(Ticket t, @Nullable List<MessageView> messages) {
            return new TicketView(
                    t.id(),
                    t.subject(),
                    t.category(),
                    t.status().name(),
                    t.csat(),
                    t.createdAt(),
                    t.updatedAt(),
                    messages);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageView(String author, String kind, String body, Instant at) {
        static MessageView of(Ticket.Message m) {
            return new MessageView(m.authorName(), m.kind(), m.body(), m.at());
        }
    }

    @Serdeable
    record NewTicket(@Nullable String subject, @Nullable String category, @Nullable String message) {}

    @Serdeable
    record NewMessage(@Nullable String message) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty page still lists "tickets": []
    record TicketList(List<TicketView> tickets, int page) {}

    private final Tickets tickets;

    TicketsApiController(Tickets tickets) {
        this.tickets = tickets;
    }

    @Post
    @Operation(
            summary =
                    "Open a ticket: category one of general, technical, billing, counselling, courses (201; 422 fields)")
    HttpResponse<TicketView> open(@CurrentUser SignedInUser user, @Body NewTicket body) {
        Ticket ticket = tickets.open(user, body.subject(), body.category(), body.message());
        return HttpResponse.created(TicketView.of(ticket, null));
    }

    @Get
    @Operation(summary = "My tickets, most recently changed first")
    TicketList mine(@CurrentUser SignedInUser user, @Nullable @QueryValue Integer page) {
        int current = Paging.page(page == null ? 1 : page);
        return new TicketList(
                tickets.mine(user, 50, Paging.offset(current, 50)).stream()
                        .map(t -> TicketView.of(t, null))
                        .toList(),
                current);
    }

    @Post("/{id}/messages")
    @Operation(summary = "Write on my ticket (reopens it); 404 for someone else's")
    HttpResponse<TicketView> write(@CurrentUser SignedInUser user, @PathVariable long id, @Body NewMessage body) {
        tickets.requesterWrites(user, id, body.message());
        Ticket ticket = tickets.mine(user, id);
        return HttpResponse.created(TicketView.of(
                ticket,
                tickets.messages(user.universityId(), id, false).stream()
                        .map(MessageView::of)
                        .toList()));
    }
}
