package com.careerai.courses;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.Plural;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's figures for staff and its instructor, each one SQL aggregate: enrolments by status,
 * revenue, submission rate and grades per assignment, attendance per session.
 */
@Singleton
class BatchFigures {
    private final CourseClock clock;
    private final PageReads reads;

    BatchFigures(CourseClock clock, PageReads reads) {
        this.clock = clock;
        this.reads = reads;
    }

    /**
     * What {@link #of} reads, each an aggregate of the batch, for its page to send in one round trip (ADR
     * 0076); they were a read transaction of six statements, the counts by status read twice.
     */
    List<PageRead<?>> reads(long universityId, long batchId) {
        return List.of(
                EnrolmentStore.countsByStatusRead(universityId, batchId),
                EnrolmentStore.revenueRead(universityId, batchId),
                AssignmentStore.ofBatchRead(universityId, batchId),
                AssignmentStore.figuresRead(universityId, batchId),
                AttendanceStore.figuresRead(universityId, batchId, clock.now()));
    }

    Map<String, Object> of(long universityId, Batch batch) {
        reads.prefetch(reads(universityId, batch.id()));
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Map<String, Object>> statuses = new ArrayList<>();
        Map<Enrolment.Status, Long> counts = reads.read(EnrolmentStore.countsByStatusRead(universityId, batch.id()));
        counts.forEach((status, count) -> statuses.add(Map.of(
                "status",
                status.name(),
                "label",
                status.name().charAt(0) + status.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                "count",
                count)));
        figures.put("statuses", statuses);
        figures.put("places", batch.seatsTaken() + " of " + Plural.of(batch.capacity(), "place") + " taken");
        List<String> revenue = new ArrayList<>();
        for (EnrolmentStore.Revenue line : reads.read(EnrolmentStore.revenueRead(universityId, batch.id()))) {
            revenue.add(
                    line.payment() == Enrolment.Payment.MONEY
                            ? Course.money(line.cents(), line.unit()) + " from "
                                    + Plural.of(line.enrolments(), "card payment")
                            : line.credits() + " " + line.unit().toLowerCase(java.util.Locale.ROOT) + " credits from "
                                    + Plural.of(line.enrolments(), "enrolment"));
        }
        figures.put("revenue", revenue);
        long active = counts.getOrDefault(Enrolment.Status.ACTIVE, 0L);
        Map<Long, Assignment> byId = new LinkedHashMap<>();
        reads.read(AssignmentStore.ofBatchRead(universityId, batch.id()))
                .forEach(assignment -> byId.put(assignment.id(), assignment));
        List<Map<String, Object>> work = new ArrayList<>();
        for (AssignmentStore.AssignmentFigures line :
                reads.read(AssignmentStore.figuresRead(universityId, batch.id()))) {
            Assignment assignment = byId.get(line.assignmentId());
            if (assignment == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", assignment.id());
            row.put("title", assignment.title());
            row.put(
                    "rate",
                    line.submitted() + " of " + Plural.of(active, "active student") + " submitted"
                            + (active == 0 ? "" : " (" + Math.round(100.0 * line.submitted() / active) + "%)"));
            row.put("graded", Plural.of(line.graded(), "graded attempt"));
            row.put("distribution", distribution(line.scores(), assignment.maxScore()));
            work.add(row);
        }
        figures.put("assignments", work);
        figures.put("attendance", attendance(universityId, batch));
        return figures;
    }

    /** Per session started so far: "3 of 4 present (75%)", or "Not taken" when nobody is recorded. */
    private List<Map<String, Object>> attendance(long universityId, Batch batch) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AttendanceStore.SessionAttendance line :
                reads.read(AttendanceStore.figuresRead(universityId, batch.id(), clock.now()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sessionId", line.sessionId());
            row.put("when", CourseViews.when(line.startsAt(), batch.zone()));
            row.put("recorded", line.recorded() > 0);
            row.put("rate", rate(line));
            rows.add(row);
        }
        return rows;
    }

    static String rate(AttendanceStore.SessionAttendance line) {
        if (line.recorded() == 0) {
            return "Not taken";
        }
        return line.present() + " of " + line.expected() + " present"
                + (line.expected() == 0 ? "" : " (" + Math.round(100.0 * line.present() / line.expected()) + "%)");
    }

    /** Graded scores in four bands of the maximum score, each with its count. */
    static List<Map<String, Object>> distribution(List<Integer> scores, int maxScore) {
        String[] labels = {"Below 50%", "50–69%", "70–89%", "90% and above"};
        long[] counts = new long[4];
        for (int score : scores) {
            double share = (double) score / maxScore;
            counts[share >= 0.9 ? 3 : share >= 0.7 ? 2 : share >= 0.5 ? 1 : 0]++;
        }
        List<Map<String, Object>> bands = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            bands.add(Map.of("band", labels[i], "count", counts[i]));
        }
        return bands;
    }
}
