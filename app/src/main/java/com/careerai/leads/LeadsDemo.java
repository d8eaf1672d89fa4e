package com.careerai.leads;

import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityDirectory;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Demo leads: four inquiries (their follow-up runs as for real: the email lands in the dev mailbox,
 * WhatsApp and the call are logged SKIPPED unless Twilio is configured), spread across the board
 * with a note. Running it again adds nothing (leads are matched by email).
 */
@Singleton
class LeadsDemo implements DemoSeedStep {
    private record Sample(
            String name, String email, String phone, String interest, String message, LeadStatus status) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "Priya Raman",
                    "priya.raman@example.com",
                    "+447911100101",
                    "Data science",
                    "Do you help with internships in analytics?",
                    LeadStatus.NEW),
            new Sample(
                    "Tomás Ortega",
                    "tomas.ortega@example.com",
                    "+34600100200",
                    "MBA",
                    "I would like to know about the counselling sessions.",
                    LeadStatus.CONTACTED),
            new Sample(
                    "Amara Okafor",
                    "amara.okafor@example.com",
                    "+2348031234567",
                    "Software engineering",
                    "Can alumni use the CV tools?",
                    LeadStatus.QUALIFIED),
            new Sample(
                    "Lena Fischer", "lena.fischer@example.com", "+4915123456789", "Consulting", "", LeadStatus.LOST));

    private final Leads leads;
    private final UniversityDirectory universities;

    LeadsDemo(Leads leads, UniversityDirectory universities) {
        this.leads = leads;
        this.universities = universities;
    }

    @Override
    public void seed(DemoUniversity demo) {
        University university = universities.findBySubdomain(demo.subdomain()).orElseThrow();
        for (Sample sample : SAMPLES) {
            if (leads.exists(demo.id(), sample.email())) {
                continue;
            }
            long id = leads.receive(
                            university,
                            new Inquiry(
                                    sample.name(),
                                    sample.email(),
                                    sample.phone(),
                                    sample.interest(),
                                    null,
                                    null,
                                    sample.message(),
                                    true))
                    .leadId();
            if (sample.status() != LeadStatus.NEW) {
                leads.move(demo.id(), id, sample.status(), "demo");
                leads.addNote(
                        demo.id(),
                        id,
                        "Dana Staff",
                        "Called back: " + sample.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
            }
        }
    }

    @Override
    public int getOrder() {
        return CONTENT + 40;
    }
}
