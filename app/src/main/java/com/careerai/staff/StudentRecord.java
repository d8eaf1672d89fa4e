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
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
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

    StudentRecord(People people, Wallets wallets, CreditCosts costs, RunService runs, Appointments appointments) {
        this.people = people;
        this.wallets = wallets;
        this.costs = costs;
        this.runs = runs;
        this.appointments = appointments;
    }

    /** The id of a student of this university; 404 for anything else (another university's id included). */
    long requireStudent(long universityId, String id) {
        long studentId = StaffStudentsController.parseId(id);
        people.student(universityId, studentId).orElseThrow(StaffStudentsController::notFound);
        return studentId;
    }

    /** The student's record; empty for anyone who is not a student of this university. */
    Optional<View> of(long universityId, long studentId, int ledgerPage) {
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
