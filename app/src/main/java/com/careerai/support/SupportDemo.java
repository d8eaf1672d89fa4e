package com.careerai.support;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;

/**
 * Demo tickets of {@code student@demo.edu}: one open, one answered (waiting for the student, with
 * an internal note), one closed and rated. Running it again adds nothing (the student has tickets).
 */
@Singleton
class SupportDemo implements DemoSeedStep {
    private final Tickets tickets;
    private final UserAccounts users;

    SupportDemo(Tickets tickets, UserAccounts users) {
        this.tickets = tickets;
        this.users = users;
    }

    @Override
    public void seed(DemoUniversity demo) {
        SignedInUser student =
                SignedInUser.of(users.ensure(demo.id(), demo.address("student"), "Sam Student", Role.STUDENT));
        if (!tickets.mine(student, 1, 0).isEmpty()) {
            return;
        }
        SignedInUser staff = SignedInUser.of(users.ensure(demo.id(), demo.address("staff"), "Dana Staff", Role.STAFF));
        tickets.open(
                student,
                "Mock interview slots next week?",
                "counselling",
                "Are there any mock interview slots before the Deloitte deadline on Friday?");
        Ticket answered = tickets.open(
                student,
                "CV upload shows an error",
                "technical",
                "When I upload my CV as a PDF the page says the file type is not allowed.");
        tickets.staffWrites(staff, answered.id(), "Checked the logs: the file was a scanned image renamed .pdf.", true);
        tickets.staffWrites(
                staff,
                answered.id(),
                "Thanks Sam — the file seems to be an image. Could you export it from Word as a PDF and try again?",
                false);
        Ticket closed = tickets.open(
                student,
                "Charged twice for gold credits",
                "billing",
                "My card shows two payments for the 10 gold credit pack.");
        tickets.staffWrites(staff, closed.id(), "Sorry about that — the second payment has been refunded.", false);
        tickets.close(staff, closed.id());
        tickets.rate(student, closed.id(), 5);
    }

    @Override
    public int getOrder() {
        return CONTENT + 50;
    }
}
