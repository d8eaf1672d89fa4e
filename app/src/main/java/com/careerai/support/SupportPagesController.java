package com.careerai.support;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /support}: a signed-in person's tickets, a new ticket, one ticket's conversation and rating. */
@Controller("/support")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class SupportPagesController {
    static final int PAGE_SIZE = 20;

    private final Tickets tickets;
    private final TicketAttachments attachments;
    private final LayoutModel layout;

    SupportPagesController(Tickets tickets, TicketAttachments attachments, LayoutModel layout) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> mine(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @Nullable @QueryValue Integer page) {
        int current = Paging.page(page == null ? 1 : page);
        // the tickets and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, tickets.mineReads(user, PAGE_SIZE + 1, Paging.offset(current, PAGE_SIZE)));
        return new ModelAndView<>("support/mine", mineModel(user, current, Map.of(), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> open(@CurrentUser SignedInUser user, @Body Map<String, Object> form) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("subject", "category", "message")) {
            values.put(field, first(form.get(field)));
        }
        try {
            Ticket ticket = tickets.open(user, values.get("subject"), values.get("category"), values.get("message"));
            return HttpResponse.seeOther(URI.create("/support/" + ticket.id()));
        } catch (TicketException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/mine", mineModel(user, 1, values, e.fields())));
        }
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> ticket(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @PathVariable long id) {
        // the ticket, its conversation and files with the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, tickets.conversationReads(user.universityId(), id, false));
        return new ModelAndView<>("support/ticket", ticketModel(user, id, Map.of(), ""));
    }

    @Post(value = "/{id}/messages", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> write(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        String message = first(form.get("message"));
        try {
            tickets.requesterWrites(user, id, message);
        } catch (TicketException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/ticket", ticketModel(user, id, e.fields(), message)));
        }
        return HttpResponse.seeOther(URI.create("/support/" + id));
    }

    @Post(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> attach(
            @CurrentUser SignedInUser user, @PathVariable long id, @Nullable @Part("file") CompletedFileUpload file) {
        try {
            attachments.attachAsRequester(
                    user, id, file == null ? null : file.getFilename(), file == null ? new byte[0] : file.getBytes());
        } catch (TicketException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/ticket", ticketModel(user, id, e.fields(), "")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return HttpResponse.seeOther(URI.create("/support/" + id));
    }

    @Get(value = "/{id}/attachments/{attachmentId}", produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> download(@CurrentUser SignedInUser user, @PathVariable long id, @PathVariable long attachmentId) {
        return attachments.downloadAsRequester(user, id, attachmentId);
    }

    @Post(value = "/{id}/rating", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> rate(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        int rating;
        try {
            rating = Integer.parseInt(first(form.get("rating")).strip());
        } catch (NumberFormatException e) {
            rating = 0;
        }
        try {
            tickets.rate(user, id, rating);
        } catch (TicketException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/ticket", ticketModel(user, id, e.fields(), "")));
        }
        return HttpResponse.seeOther(URI.create("/support/" + id + "?rated=1"));
    }

    private Map<String, Object> mineModel(
            SignedInUser user, int requestedPage, Map<String, String> values, Map<String, String> errors) {
        int page = Paging.page(requestedPage);
        List<Ticket> mine = tickets.mine(user, PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
        Map<String, Object> model = new HashMap<>();
        model.put(
                "tickets",
                mine.stream().limit(PAGE_SIZE).map(TicketViews::ticket).toList());
        model.put("next", mine.size() > PAGE_SIZE ? page + 1 : null);
        model.put("previous", page > 1 ? page - 1 : null);
        model.put("values", values);
        model.put("errors", errors);
        String chosen = values.getOrDefault("category", "general");
        model.put(
                "categories",
                Ticket.CATEGORIES.stream()
                        .map(c -> Map.<String, Object>of("value", c, "label", label(c), "selected", c.equals(chosen)))
                        .toList());
        return model;
    }

    private Map<String, Object> ticketModel(SignedInUser user, long id, Map<String, String> errors, String message) {
        Ticket ticket = tickets.mine(user, id);
        Map<String, Object> model = new HashMap<>();
        model.put("ticket", TicketViews.ticket(ticket));
        model.put("messages", TicketViews.messages(tickets.messages(user.universityId(), id, false)));
        model.put(
                "attachments",
                TicketAttachments.views(attachments.ofTicket(user.universityId(), id), "/support/" + id));
        model.put("maxAttachment", TicketAttachments.megabytes(attachments.maxSize()));
        model.put("errors", errors);
        model.put("message", message);
        return model;
    }

    static String label(String category) {
        return Character.toUpperCase(category.charAt(0)) + category.substring(1);
    }

    static String first(@Nullable Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return "";
    }
}
