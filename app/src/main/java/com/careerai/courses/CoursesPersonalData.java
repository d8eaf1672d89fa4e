package com.careerai.courses;

import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.storage.FileStorage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A student's courses data (issue 18): enrolments, submitted work with its files and grades,
 * attendance.
 * Erasure deletes the submissions (texts and files), extensions and attendance records; enrolment rows stay, as they
 * carry no name, address or text and billing's and the ledger's records point at them.
 */
@Singleton
class CoursesPersonalData implements PersonalData {
    private static final int MAX_ENROLMENTS = 10_000;

    private final EnrolmentStore enrolments;
    private final AssignmentStore assignments;
    private final FileStorage storage;
    private final AttendanceStore attendance;

    CoursesPersonalData(
            EnrolmentStore enrolments, AssignmentStore assignments, FileStorage storage, AttendanceStore attendance) {
        this.enrolments = enrolments;
        this.assignments = assignments;
        this.storage = storage;
        this.attendance = attendance;
    }

    @Serdeable
    record Export(
            List<EnrolmentRecord> enrolments, List<SubmissionRecord> submissions, List<AttendanceRecord> attendance) {}

    @Serdeable
    record AttendanceRecord(long sessionId, boolean present, String source, Instant markedAt) {}

    @Serdeable
    record EnrolmentRecord(
            long id,
            long batchId,
            String status,
            @Nullable String payment,
            int credits,
            long amountCents,
            @Nullable String currency,
            Instant createdAt) {}

    @Serdeable
    record SubmissionRecord(
            long id,
            long assignmentId,
            int attempt,
            @Nullable String text,
            @Nullable String file,
            boolean late,
            Instant submittedAt,
            @Nullable Integer score,
            @Nullable String feedback,
            @Nullable Instant gradedAt) {}

    @Override
    public String key() {
        return "courses";
    }

    @Override
    @Transactional(readOnly = true)
    public Part export(long universityId, long userId) {
        List<EnrolmentRecord> places = enrolments.ofUser(universityId, userId, MAX_ENROLMENTS).stream()
                .map(enrolment -> new EnrolmentRecord(
                        enrolment.id(),
                        enrolment.batchId(),
                        enrolment.status().name(),
                        enrolment.payment() == null ? null : enrolment.payment().name(),
                        enrolment.credits(),
                        enrolment.amountCents(),
                        enrolment.currency(),
                        enrolment.createdAt()))
                .toList();
        List<SubmissionRecord> work = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (Submission submission : assignments.submissionsByUser(universityId, userId)) {
            String file = null;
            if (submission.fileKey() != null) {
                file = "submission-" + submission.id() + "-" + submission.fileName();
                files.add(new File(submission.fileKey(), file, submission.fileType()));
            }
            work.add(new SubmissionRecord(
                    submission.id(),
                    submission.assignmentId(),
                    submission.attempt(),
                    submission.body(),
                    file,
                    submission.late(),
                    submission.submittedAt(),
                    submission.graded() ? submission.score() : null,
                    submission.graded() ? submission.feedback() : null,
                    submission.gradedAt()));
        }
        List<AttendanceRecord> attended = attendance.ofUser(universityId, userId).stream()
                .map(row -> new AttendanceRecord(row.sessionId(), row.present(), row.source(), row.markedAt()))
                .toList();
        if (places.isEmpty() && work.isEmpty() && attended.isEmpty()) {
            return Part.empty();
        }
        return new Part(new Export(places, work, attended), files);
    }

    @Override
    @Transactional
    public void erase(long universityId, long userId) {
        List<String> keys = assignments.submissionsByUser(universityId, userId).stream()
                .map(Submission::fileKey)
                .filter(key -> key != null)
                .toList();
        assignments.deleteSubmissionsOf(universityId, userId);
        assignments.deleteExtensionsOf(universityId, userId);
        attendance.deleteOf(universityId, userId);
        keys.forEach(storage::delete);
    }
}
