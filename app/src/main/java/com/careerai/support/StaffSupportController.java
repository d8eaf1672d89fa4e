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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /staff/support}: the ticket queue with filters and timers, and one ticket (reply, note, assign, close). */
@Controller("/staff/support")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffSupportController {
    static final int PAGE_SIZE = 25;

    private final Tickets tickets;
    private final TicketAttachments attachments;
    private final LayoutModel layout;

    StaffSupportController(Tickets tickets, TicketAttachments attachments, LayoutModel layout) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> queue(
            HttpRequest<?> request,
            @CurrentUser SignedInUser staff,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String category,
            @Nullable @QueryValue String assignee,
            @Nullable @QueryValue Integer page) {
        String onlyStatus = Arrays.stream(Ticket.Status.values())
                .map(Enum::name)
                .filter(s -> s.equalsIgnoreCase(status == null ? "" : status.strip()))
                .findFirst()
                .orElse(null);
        String onlyCategory = Ticket.CATEGORIES.contains(category == null ? "" : category) ? category : null;
        Long onlyAssignee = "me".equals(assignee)
                ? Long.valueOf(staff.userId())
                : "nobody".equals(assignee) ? Long.valueOf(0) : null;
        int current = Paging.page(page == null ? 1 : page);
        Tickets.QueuePage queue = new Tickets.QueuePage(
                staff.universityId(),
                onlyStatus,
                onlyCategory,
                onlyAssignee,
                PAGE_SIZE + 1,
                Paging.offset(current, PAGE_SIZE));
        // the business hours, the page of tickets and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, tickets.queueReads(queue));
        SupportSettings settings = tickets.settings(staff.universityId());
        List<Ticket> found = tickets.queue(queue);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "tickets",
                found.stream()
                        .limit(PAGE_SIZE)
                        .map(t -> TicketViews.withTimers(t, tickets.timers(settings, t)))
                        .toList());
        model.put(
                "statuses",
                Arrays.stream(Ticket.Status.values())
                        .map(s -> Map.<String, Object>of(
                                "value",
                                s.name(),
                                "label",
                                s.label(),
                                "selected",
                                s.name().equals(onlyStatus)))
                        .toList());
        model.put(
                "categories",
                Ticket.CATEGORIES.stream()
                        .map(c -> Map.<String, Object>of(
                                "value",
                                c,
                                "label",
                                SupportPagesController.label(c),
                                "selected",
                                c.equals(onlyCategory)))
                        .toList());
        model.put("assignee", assignee == null ? "" : assignee);
        model.put("assignedToMe", "me".equals(assignee));
        model.put("unassigned", "nobody".equals(assignee));
        String query = "status=" + (onlyStatus == null ? "" : onlyStatus) + "&category="
                + (onlyCategory == null ? "" : onlyCategory) + "&assignee="
                + ("me".equals(assignee) || "nobody".equals(assignee) ? assignee : "");
        model.put("next", found.size() > PAGE_SIZE ? "?" + query + "&page=" + (current + 1) : null);
        model.put("previous", current > 1 ? "?" + query + "&page=" + (current - 1) : null);
        model.put("firstResponseTarget", TicketViews.duration(settings.firstResponseTarget()));
        model.put("resolutionTarget", TicketViews.duration(settings.resolutionTarget()));
        model.put("hours", settings.dayStart() + "–" + settings.dayEnd() + " " + settings.timeZone());
        return new ModelAndView<>("support/staff-queue", model);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> ticket(
            HttpRequest<?> request, @CurrentUser SignedInUser staff, @PathVariable long id) {
        // the ticket, its whole conversation, files and the business hours with the header's reads in one
        // round trip (ADR 0076)
        layout.prefetchWith(request, tickets.conversationReads(staff.universityId(), id, true));
        return new ModelAndView<>("support/staff-ticket", ticketModel(staff, id, Map.of(), ""));
    }

    @Post(value = "/{id}/replies", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> reply(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        String message = SupportPagesController.first(form.get("message"));
        boolean internal = "note".equals(SupportPagesController.first(form.get("kind")));
        try {
            tickets.staffWrites(staff, id, message, internal);
        } catch (TicketException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/staff-ticket", ticketModel(staff, id, e.fields(), message)));
        }
        return HttpResponse.seeOther(URI.create("/staff/support/" + id));
    }

    @Post(value = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> attach(
            @CurrentUser SignedInUser staff, @PathVariable long id, @Nullable @Part("file") CompletedFileUpload file) {
        try {
            attachments.attachAsStaff(
                    staff, id, file == null ? null : file.getFilename(), file == null ? new byte[0] : file.getBytes());
        } catch (TicketException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/staff-ticket", ticketModel(staff, id, e.fields(), "")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return HttpResponse.seeOther(URI.create("/staff/support/" + id));
    }

    @Get(value = "/{id}/attachments/{attachmentId}", produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> download(@CurrentUser SignedInUser staff, @PathVariable long id, @PathVariable long attachmentId) {
        return attachments.downloadAsStaff(staff, id, attachmentId);
    }

    @Post(value = "/{id}/assign", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> assign(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        boolean toMe = !"nobody".equals(SupportPagesController.first(form.get("assignee")));
        tickets.assign(staff, id, toMe ? Long.valueOf(staff.userId()) : null);
        return HttpResponse.seeOther(URI.create("/staff/support/" + id));
    }

    @Post(value = "/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> resolve(@CurrentUser SignedInUser staff, @PathVariable long id) {
        try {
            tickets.resolve(staff, id);
        } catch (TicketException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("support/staff-ticket", ticketModel(staff, id, e.fields(), "")));
        }
        return HttpResponse.seeOther(URI.create("/staff/support/" + id));
    }

    @Post(value = "/{id}/close", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> close(@CurrentUser SignedInUser staff, @PathVariable long id) {
        tickets.close(staff, id);
        return HttpResponse.seeOther(URI.create("/staff/support/" + id));
    }

    private Map<String, Object> ticketModel(SignedInUser staff, long id, Map<String, String> errors, String message) {
        Ticket ticket = tickets.find(staff.universityId(), id);
        SupportSettings settings = tickets.settings(staff.universityId());
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> view = TicketViews.withTimers(ticket, tickets.timers(settings, ticket));
        view.put("mine", ticket.assigneeId() != null && ticket.assigneeId() == staff.userId());
        model.put("ticket", view);
        model.put("messages", TicketViews.messages(tickets.messages(staff.universityId(), id, true)));
        model.put(
                "attachments",
                TicketAttachments.views(attachments.ofTicket(staff.universityId(), id), "/staff/support/" + id));
        model.put("maxAttachment", TicketAttachments.megabytes(attachments.maxSize()));
        model.put("errors", errors);
        model.put("message", message);
        return model;
    }
}
