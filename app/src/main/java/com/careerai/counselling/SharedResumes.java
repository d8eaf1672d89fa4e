package com.careerai.counselling;

import com.careerai.ai.AiRun;
import com.careerai.ai.AiTool;
import com.careerai.ai.RunService;
import com.careerai.ai.ToolCatalog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.Dates;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The resume a student may share with their counsellor when booking ("optional resume from their
 * runs"): one of the student's own succeeded runs that was given a resume. The booking keeps the
 * run's id; the counsellor, staff and the student read its resume on the appointment page.
 */
@Singleton
class SharedResumes {
    static final int OFFERED = 10;

    /** One run the student can share, as the booking form offers it. */
    record Option(String id, String label) {}

    /** The shared resume as the appointment page shows it. */
    record Shared(String title, String resume) {}

    private final RunService runs;
    private final ToolCatalog tools;

    SharedResumes(RunService runs, ToolCatalog tools) {
        this.runs = runs;
        this.tools = tools;
    }

    /** The student's newest runs that carry a resume, newest first. */
    List<Option> options(long universityId, long studentId, ZoneId zone) {
        return runs.withResumeOfStudent(universityId, studentId, OFFERED).stream()
                .map(run -> new Option(
                        run.id().toString(),
                        title(run.tool(), run::displayTitle) + " · " + Dates.day(run.createdAt(), zone)))
                .toList();
    }

    /** What {@link #options} reads, for the booking page to send with its other reads (ADR 0076). */
    PageRead<?> optionsRead(long universityId, long studentId) {
        return runs.withResumeOfStudentRead(universityId, studentId, OFFERED);
    }

    /** Refuses a run that is not one of the student's succeeded runs with a resume. */
    void check(long universityId, long studentId, @Nullable UUID runId) {
        if (runId != null && shared(universityId, studentId, runId).isEmpty()) {
            throw CounsellingException.invalid("resumeRunId", "Choose one of your runs.");
        }
    }

    /** What {@link #shared} reads (nothing without a run), for a page to send with its other reads (ADR 0076). */
    List<PageRead<?>> sharedReads(long universityId, long studentId, @Nullable UUID runId) {
        return runId == null ? List.of() : List.of(runs.findSucceededOfStudentRead(universityId, studentId, runId));
    }

    Optional<Shared> shared(long universityId, long studentId, @Nullable UUID runId) {
        if (runId == null) {
            return Optional.empty();
        }
        return runs.findSucceededOfStudent(universityId, studentId, runId)
                .filter(SharedResumes::hasResume)
                .map(run -> new Shared(
                        title(run.tool(), run::displayTitle),
                        run.input().get("resume").asText()));
    }

    /** A run's title as its tool names it (the tool's slug for a tool no longer offered). */
    private String title(String tool, java.util.function.Function<AiTool, String> displayTitle) {
        return tools.find(tool).map(displayTitle).orElse(tool);
    }

    private static boolean hasResume(AiRun run) {
        return run.input() != null
                && run.input().hasNonNull("resume")
                && !run.input().get("resume").asText().isBlank();
    }
}
