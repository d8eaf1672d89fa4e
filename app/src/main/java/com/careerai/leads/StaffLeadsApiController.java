package com.careerai.leads;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.web.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
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

/** The lead board for staff clients. */
@Controller("/api/v1/staff/leads")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Leads")
class StaffLeadsApiController {
    static final int PAGE_SIZE = 50;

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LeadSummary(
            long id,
            String name,
            String email,
            String phone,
            String topic,
            @Nullable Long courseId,
            String status,
            int inquiries,
            Instant createdAt,
            Instant updatedAt) {
        static LeadSummary of(Lead lead) {
            return new LeadSummary(
                    lead.id(),
                    lead.name(),
                    lead.email(),
                    lead.phone(),
                    lead.topic(),
                    lead.courseId(),
                    lead.status().name(),
                    lead.inquiries(),
                    lead.createdAt(),
                    lead.updatedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LeadPage(List<LeadSummary> leads, int page, int pageSize) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Communication(String channel, String status, Instant at, String template, @Nullable String providerId) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LeadDetail(
            long id,
            String name,
            String email,
            String phone,
            String topic,
            @Nullable String message,
            String status,
            boolean converted,
            List<Communication> communications) {}

    @Serdeable
    record StatusChange(@Nullable String status) {}

    private final Leads leads;

    StaffLeadsApiController(Leads leads) {
        this.leads = leads;
    }

    @Get
    @Operation(summary = "Leads, most recently changed first; ?status=NEW|CONTACTED|QUALIFIED|ENROLLED|LOST, ?page=")
    LeadPage list(
            @CurrentUser SignedInUser staff, @Nullable @QueryValue String status, @Nullable @QueryValue Integer page) {
        LeadStatus only = null;
        if (status != null && !status.isBlank()) {
            only = LeadStatus.parse(status);
            if (only == null) {
                throw new LeadProblem(new LeadException("status", "Use NEW, CONTACTED, QUALIFIED, ENROLLED or LOST."));
            }
        }
        int current = Paging.page(page == null ? 1 : page);
        List<LeadSummary> found =
                leads.list(staff.universityId(), only, PAGE_SIZE, Paging.offset(current, PAGE_SIZE)).stream()
                        .map(LeadSummary::of)
                        .toList();
        return new LeadPage(found, current, PAGE_SIZE);
    }

    @Get("/{id}")
    @Operation(summary = "One lead with its communications; 404 for another university's")
    LeadDetail lead(@CurrentUser SignedInUser staff, @PathVariable long id) {
        return detail(staff.universityId(), leads.existing(staff.universityId(), id));
    }

    @Post("/{id}/status")
    @Operation(summary = "Move a lead to another column: {\"status\": \"QUALIFIED\"}")
    LeadDetail move(@CurrentUser SignedInUser staff, @PathVariable long id, @Body StatusChange body) {
        LeadStatus status = LeadStatus.parse(body.status());
        if (status == null) {
            throw new LeadProblem(new LeadException("status", "Use NEW, CONTACTED, QUALIFIED, ENROLLED or LOST."));
        }
        return detail(staff.universityId(), leads.move(staff.universityId(), id, status, "user:" + staff.userId()));
    }

    private LeadDetail detail(long universityId, Lead lead) {
        List<Communication> communications = leads.communications(universityId, lead.id()).stream()
                .map(c -> new Communication(c.channel().name(), c.status(), c.at(), c.template(), c.providerId()))
                .toList();
        return new LeadDetail(
                lead.id(),
                lead.name(),
                lead.email(),
                lead.phone(),
                lead.topic(),
                lead.message(),
                lead.status().name(),
                lead.invitationId() != null,
                communications);
    }
}
