package com.careerai.leads;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Paging;
import com.careerai.platform.web.Plural;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead board ({@code /staff/leads}): a column per status with the speed-to-lead figure, one
 * lead's page (details, notes, communication log, follow-up, convert) and the follow-up settings.
 */
@Controller("/staff/leads")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffLeadsController {
    static final int COLUMN_SIZE = 20;

    private final Leads leads;
    private final ManualFollowUps followUps;
    private final TwilioGateway twilio;
    private final LayoutModel layout;

    StaffLeadsController(Leads leads, ManualFollowUps followUps, TwilioGateway twilio, LayoutModel layout) {
        this.leads = leads;
        this.layout = layout;
        this.followUps = followUps;
        this.twilio = twilio;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> board(
            HttpRequest<?> request,
            @CurrentUser SignedInUser staff,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue Integer page) {
        long universityId = staff.universityId();
        LeadStatus only = LeadStatus.parse(status);
        int current = Paging.page(page == null ? 1 : page);
        List<LeadStatus> shown = Arrays.stream(LeadStatus.values())
                .filter(column -> only == null || column == only)
                .toList();
        long offset = only == null ? 0 : Paging.offset(current, COLUMN_SIZE);
        // the counts, the columns, the speed and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, leads.boardReads(universityId, shown, COLUMN_SIZE, offset));
        Map<LeadStatus, Long> counts = leads.countsByStatus(universityId);
        List<Map<String, Object>> columns = new ArrayList<>();
        long total = 0;
        for (LeadStatus column : shown) {
            long count = counts.getOrDefault(column, 0L);
            total += count;
            List<Lead> listed = leads.column(universityId, column, COLUMN_SIZE, offset);
            Map<String, Object> view = new HashMap<>();
            view.put("status", column.name());
            view.put("label", column.label());
            view.put("count", Plural.of(count, "lead"));
            view.put("leads", listed.stream().map(LeadViews::lead).toList());
            view.put("more", only == null && count > COLUMN_SIZE);
            view.put("next", only != null && offset + COLUMN_SIZE < count ? current + 1 : null);
            view.put("previous", only != null && current > 1 ? current - 1 : null);
            columns.add(view);
        }
        LeadStore.Speed speed = leads.speed(universityId);
        Map<String, Object> model = new HashMap<>();
        model.put("columns", columns);
        model.put("filtered", only != null);
        model.put("empty", total == 0);
        model.put("speedMedian", LeadViews.duration(speed.medianSeconds()));
        model.put("speedP95", LeadViews.duration(speed.p95Seconds()));
        model.put("speedLeads", Plural.of(speed.leads(), "lead"));
        return new ModelAndView<>("leads/board", model);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> lead(
            HttpRequest<?> request, @CurrentUser SignedInUser staff, @PathVariable long id) {
        // the lead, its messages and notes with the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, leads.leadReads(staff.universityId(), id));
        return new ModelAndView<>("leads/lead", leadModel(staff, id, Map.of(), ""));
    }

    @Post(value = "/{id}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> move(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        LeadStatus status = LeadStatus.parse(first(form.get("status")));
        if (status == null) {
            return refused(staff, id, Map.of("status", "Choose a column."), "");
        }
        leads.move(staff.universityId(), id, status, actor(staff));
        return HttpResponse.seeOther(URI.create("/staff/leads/" + id));
    }

    @Post(value = "/{id}/notes", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> note(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, Object> form) {
        String body = first(form.get("note"));
        try {
            leads.addNote(staff.universityId(), id, staff.displayName(), body);
        } catch (LeadException e) {
            return refused(staff, id, e.fields(), body);
        }
        return HttpResponse.seeOther(URI.create("/staff/leads/" + id + "#notes"));
    }

    @Post(value = "/{id}/follow-up", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> followUp(
            @CurrentUser SignedInUser staff,
            @CurrentUniversity University university,
            @PathVariable long id,
            @Body Map<String, Object> form) {
        Channel channel = "whatsapp".equals(first(form.get("channel"))) ? Channel.WHATSAPP : Channel.EMAIL;
        try {
            followUps.send(university, id, channel, actor(staff));
        } catch (LeadException e) {
            return refused(staff, id, e.fields(), "");
        }
        return HttpResponse.seeOther(URI.create("/staff/leads/" + id + "#communications"));
    }

    @Post(value = "/{id}/convert", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> convert(@CurrentUser SignedInUser staff, @PathVariable long id) {
        leads.convert(staff.universityId(), id, actor(staff));
        return HttpResponse.seeOther(URI.create("/staff/leads/" + id));
    }

    @Get(value = "/settings", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> settings(@CurrentUser SignedInUser staff, @Nullable @QueryValue String saved) {
        LeadSettings current = leads.settings(staff.universityId());
        Map<String, String> values = new HashMap<>();
        values.put("defaultRegion", current.defaultRegion() == null ? "" : current.defaultRegion());
        values.put("whatsappTemplate", current.whatsappTemplate());
        values.put("callScript", current.callScript());
        return new ModelAndView<>("leads/settings", settingsModel(values, Map.of(), saved != null));
    }

    @Post(value = "/settings", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> saveSettings(@CurrentUser SignedInUser staff, @Body Map<String, Object> form) {
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("defaultRegion", "whatsappTemplate", "callScript")) {
            values.put(field, first(form.get(field)));
        }
        try {
            leads.saveSettings(
                    staff.universityId(),
                    new LeadSettings(
                            values.get("defaultRegion"), values.get("whatsappTemplate"), values.get("callScript")),
                    actor(staff));
        } catch (LeadException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("leads/settings", settingsModel(values, e.fields(), false)));
        }
        return HttpResponse.seeOther(URI.create("/staff/leads/settings?saved=1"));
    }

    private Map<String, Object> settingsModel(Map<String, String> values, Map<String, String> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("whatsappConfigured", twilio.whatsappConfigured());
        model.put("voiceConfigured", twilio.voiceConfigured());
        return model;
    }

    private HttpResponse<?> refused(SignedInUser staff, long id, Map<String, String> errors, String note) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("leads/lead", leadModel(staff, id, errors, note)));
    }

    private Map<String, Object> leadModel(SignedInUser staff, long id, Map<String, String> errors, String note) {
        Lead lead = leads.existing(staff.universityId(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("lead", LeadViews.lead(lead));
        model.put(
                "statuses",
                java.util.Arrays.stream(LeadStatus.values())
                        .map(s -> Map.<String, Object>of(
                                "name", s.name(), "label", s.label(), "current", s == lead.status()))
                        .toList());
        model.put("communications", LeadViews.logs(leads.communications(staff.universityId(), id)));
        model.put(
                "notes",
                leads.notes(staff.universityId(), id).stream()
                        .map(n -> Map.<String, Object>of(
                                "author", n.author(), "body", n.body(), "at", LeadViews.when(n.at())))
                        .toList());
        model.put("errors", errors.isEmpty() ? null : errors);
        model.put("note", note);
        model.put("whatsappConfigured", twilio.whatsappConfigured());
        return model;
    }

    private static String actor(SignedInUser staff) {
        return "user:" + staff.userId();
    }

    private static String first(@Nullable Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return "";
    }
}
