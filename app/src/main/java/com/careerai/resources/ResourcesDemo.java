package com.careerai.resources;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.platform.pdf.PdfRenderer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Demo resources and interests: five interests, a dozen approved resources across them (small
 * generated PDFs, one premium, one link, one video), one counsellor's resource waiting for review,
 * and the demo student {@code student@demo.edu} interested in Software and Finance. Running it
 * again adds nothing (resources are matched by title).
 */
@Singleton
class ResourcesDemo implements DemoSeedStep {
    static final List<String> INTERESTS = List.of("Software", "Finance", "Consulting", "Research", "Public sector");

    private record Sample(String title, String interest, String description, String access, String url) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "Software engineering CV template",
                    "Software",
                    "A one-page CV layout recruiters in tech expect, with examples of project bullets.",
                    "everyone",
                    null),
            new Sample(
                    "Coding interview checklist",
                    "Software",
                    "Data structures, complexity and how to talk through a problem in a technical interview.",
                    "everyone",
                    null),
            new Sample(
                    "System design interview guide",
                    "Software",
                    "A premium walk-through of scaling, caching and trade-offs, with worked answers.",
                    "premium",
                    null),
            new Sample(
                    "Finance internship timeline",
                    "Finance",
                    "When investment banks, asset managers and insurers open applications, month by month.",
                    "everyone",
                    null),
            new Sample(
                    "Reading a balance sheet",
                    "Finance",
                    "The ten numbers that come up in finance interviews and what they tell you.",
                    "everyone",
                    null),
            new Sample(
                    "Case interview frameworks",
                    "Consulting",
                    "Profitability, market entry and pricing cases, with a practice case to try.",
                    "everyone",
                    null),
            new Sample(
                    "Consulting cover letter examples",
                    "Consulting",
                    "Three letters that got interviews, annotated line by line.",
                    "everyone",
                    null),
            new Sample(
                    "Applying for a PhD",
                    "Research",
                    "Choosing a supervisor, writing a research proposal and funding your studies.",
                    "everyone",
                    null),
            new Sample(
                    "Research assistant roles explained",
                    "Research",
                    "What research assistants do in universities and labs, and how to get a first role.",
                    "everyone",
                    null),
            new Sample(
                    "Civil service fast stream guide",
                    "Public sector",
                    "The stages of the fast stream assessment, with tips from recent graduates.",
                    "everyone",
                    null),
            new Sample(
                    "Public sector job board",
                    "Public sector",
                    "Open vacancies in government, local councils and public bodies.",
                    "everyone",
                    "https://www.civilservicejobs.service.gov.uk/"),
            new Sample(
                    "How to answer \"Tell me about yourself\"",
                    "Consulting",
                    "A five-minute video on structuring the first answer of every interview.",
                    "everyone",
                    "https://www.youtube.com/watch?v=kayOhGRcNt4"));

    private final Resources resources;
    private final Interests interests;
    private final UserAccounts users;
    private final PdfRenderer pdfs;

    ResourcesDemo(Resources resources, Interests interests, UserAccounts users, PdfRenderer pdfs) {
        this.resources = resources;
        this.interests = interests;
        this.users = users;
        this.pdfs = pdfs;
    }

    @Override
    public int getOrder() {
        return CONTENT + 10;
    }

    @Override
    public void seed(DemoUniversity demo) {
        long universityId = demo.id();
        Map<String, Long> ids = interests.all(universityId).stream()
                .collect(Collectors.toMap(Interest::name, Interest::id, (a, b) -> a));
        for (String name : INTERESTS) {
            if (!ids.containsKey(name)) {
                ids.put(name, interests.add(universityId, name, "demo").id());
            }
        }
        SignedInUser staff =
                SignedInUser.of(users.ensure(universityId, demo.address("staff"), "Dana Staff", Role.STAFF));
        for (Sample sample : SAMPLES) {
            resources.seedOnce(staff, submitted(sample, ids.get(sample.interest())));
        }
        SignedInUser coach =
                SignedInUser.of(users.ensure(universityId, demo.address("coach"), "Casey Coach", Role.COUNSELLOR));
        resources.seedOnce(
                coach,
                submitted(
                        new Sample(
                                "Graduate scheme application tracker",
                                "Finance",
                                "A checklist to track deadlines, tests and interviews (waiting for staff review).",
                                "everyone",
                                null),
                        ids.get("Finance")));
        User student = users.ensure(universityId, demo.address("student"), "Sam Student", Role.STUDENT);
        if (interests.ofUser(universityId, student.id()).isEmpty()) {
            interests.choose(universityId, student.id(), List.of(ids.get("Software"), ids.get("Finance")));
        }
    }

    private ResourceInput.Submitted submitted(Sample sample, long interestId) {
        byte[] pdf = sample.url() == null ? pdf(sample) : null;
        return new ResourceInput.Submitted(
                sample.title(),
                sample.description(),
                List.of(String.valueOf(interestId)),
                sample.access(),
                pdf == null ? null : "guide.pdf",
                pdf,
                sample.url(),
                null);
    }

    private byte[] pdf(Sample sample) {
        return pdfs.render("<html><head><style>@page { size: A4; margin: 2cm; } body { font-family: sans-serif; }"
                + " h1 { color: #A31F34; }</style></head><body><h1>" + escape(sample.title()) + "</h1><p>"
                + escape(sample.description()) + "</p><p>Demo University careers service</p></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
