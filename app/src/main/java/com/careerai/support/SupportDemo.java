package com.careerai.support;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;

/**
 * Demo tickets of {@code student@demo.edu}: one open, one answered (waiting for the student, with
 * an internal note, and the PDF the student attached), one closed and rated. Running it again adds nothing (the student has tickets).
 */
@Singleton
class SupportDemo implements DemoSeedStep {
    static final String ANSWERED = "CV upload shows an error";
    /** A one-page PDF saying "My CV" (what the demo student attached). */
    static final String DEMO_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R"
            + "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
            + "4 0 obj<</Length 41>>stream\nBT /F1 24 Tf 72 72 Td (My CV) Tj ET\nendstream endobj\n"
            + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n";

    private final Tickets tickets;
    private final TicketAttachments attachments;
    private final UserAccounts users;

    SupportDemo(Tickets tickets, TicketAttachments attachments, UserAccounts users) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.users = users;
    }

    @Override
    public void seed(DemoUniversity demo) {
        SignedInUser student =
                SignedInUser.of(users.ensure(demo.id(), demo.address("student"), "Sam Student", Role.STUDENT));
        if (!tickets.mine(student, 1, 0).isEmpty()) {
            attachOnce(demo, student);
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
                ANSWERED,
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
        attachOnce(demo, student);
    }

    /** The answered ticket carries the student's PDF (added once, also to demos seeded before files). */
    private void attachOnce(DemoUniversity demo, SignedInUser student) {
        tickets.mine(student, 20, 0).stream()
                .filter(t -> t.subject().equals(ANSWERED))
                .findFirst()
                .filter(t -> attachments.ofTicket(demo.id(), t.id()).isEmpty())
                .ifPresent(t -> attachments.attachAsRequester(
                        student,
                        t.id(),
                        "cv-export.pdf",
                        DEMO_PDF.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Override
    public int getOrder() {
        return CONTENT + 50;
    }
}
