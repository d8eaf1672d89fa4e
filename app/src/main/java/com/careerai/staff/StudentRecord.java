package com.careerai.staff;

import com.careerai.ai.RunService;
import com.careerai.ai.RunSummary;
import com.careerai.auth.People;
import com.careerai.auth.Person;
import com.careerai.counselling.Appointments;
import com.careerai.counselling.StudentAppointment;
import com.careerai.credits.Balances;
import com.careerai.credits.CreditCosts;
import com.careerai.credits.LedgerPage;
import com.careerai.credits.TransactionView;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything staff see about one student, each part from the module that owns it: the person
 * (auth), balances and ledger (credits), runs (ai), appointments (counselling).
 */
@Singleton
class StudentRecord {
    static final int RUNS_SHOWN = 10;
    static final int APPOINTMENTS_SHOWN = 20;

    /** One run as staff see it: what, when, how it went (never its input or output). */
    @Serdeable
    record RunLine(UUID id, String tool, String status, String currency, int cost, Instant createdAt) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty ledger, runs or appointments are still listed
    record View(
            Person student,
            Balances balances,
            List<TransactionView> ledger,
            int ledgerPage,
            long ledgerPages,
            long runCount,
            List<RunLine> runs,
            List<StudentAppointment> appointments) {}

    private final People people;
    private final Wallets wallets;
    private final CreditCosts costs;
    private final RunService runs;
    private final Appointments appointments;

    private final PageReads pageReads;

    StudentRecord(
            People people,
            Wallets wallets,
            CreditCosts costs,
            RunService runs,
            Appointments appointments,
            PageReads pageReads) {
        this.people = people;
        this.wallets = wallets;
        this.costs = costs;
        this.runs = runs;
        this.appointments = appointments;
        this.pageReads = pageReads;
    }

    /** The id of a student of this university; 404 for anything else (another university's id included). */
    long requireStudent(long universityId, String id) {
        long studentId = StaffStudentsController.parseId(id);
        people.student(universityId, studentId).orElseThrow(StaffStudentsController::notFound);
        return studentId;
    }

    /**
     * What {@link #of} reads, each part from its module, for the page to send with the header's reads in one
     * round trip (ADR 0076); someone who is not a student is read too, and answered 404.
     */
    List<PageRead<?>> reads(long universityId, long studentId, int ledgerPage) {
        List<PageRead<?>> record = new ArrayList<>();
        record.add(people.studentRead(universityId, studentId));
        record.addAll(wallets.historyReads(universityId, studentId, ledgerPage));
        record.add(wallets.balancesRead(universityId, studentId));
        record.add(runs.summariesOfStudentRead(universityId, studentId, RUNS_SHOWN));
        record.add(runs.countOfStudentRead(universityId, studentId));
        record.add(appointments.ofStudentForStaffRead(universityId, studentId, APPOINTMENTS_SHOWN));
        return record;
    }

    /**
     * The student's record; empty for anyone who is not a student of this university. Its reads go in one
     * round trip (unless a page sent them ahead with its own).
     */
    Optional<View> of(long universityId, long studentId, int ledgerPage) {
        pageReads.prefetch(reads(universityId, studentId, ledgerPage));
        return people.student(universityId, studentId).map(student -> {
            LedgerPage ledger = wallets.history(universityId, studentId, ledgerPage);
            List<RunSummary> recent = runs.summariesOfStudent(universityId, studentId, RUNS_SHOWN);
            return new View(
                    student,
                    wallets.balances(universityId, studentId),
                    ledger.entries().stream()
                            .map(entry -> TransactionView.of(entry, costs))
                            .toList(),
                    ledger.page(),
                    ledger.pages(),
                    runs.countOfStudent(universityId, studentId),
                    recent.stream()
                            .map(run -> new RunLine(
                                    run.id(),
                                    costs.label(run.tool()),
                                    run.status().name(),
                                    run.currency(),
                                    run.cost(),
                                    run.createdAt()))
                            .toList(),
                    appointments.ofStudentForStaff(universityId, studentId, APPOINTMENTS_SHOWN));
        });
    }
}
