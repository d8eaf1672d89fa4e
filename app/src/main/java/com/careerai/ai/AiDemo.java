package com.careerai.ai;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Wallets;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoStudent;
import com.careerai.demo.DemoUniversity;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

/**
 * Demo data: {@code student@demo.edu} arrives with history — two CV Analysis runs (a first draft,
 * then the resume with numbers in its bullets, so the dashboard shows a CV score trend) and a Job
 * Pack. They are real runs started through {@link RunService} (credits debited, demo output made
 * by the workers from this input), so they look exactly like the student's own. Only when the
 * student has no runs yet.
 */
@Singleton
class AiDemo implements DemoSeedStep {
    static final String FIRST_DRAFT =
            """
            Sam Student — student@demo.edu
            Education
            BSc Computer Science, Demo University
            Experience
            Intern at Acme Analytics
            - Worked on Python reports
            - Responsible for SQL checks
            Skills
            Python, SQL""";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final UserAccounts users;
    private final RunService runs;
    private final Wallets wallets;

    AiDemo(UserAccounts users, RunService runs, Wallets wallets) {
        this.users = users;
        this.runs = runs;
        this.wallets = wallets;
    }

    @Override
    public int getOrder() {
        return CONTENT + 20;
    }

    @Override
    public void seed(DemoUniversity demo) {
        User student = users.ensure(demo.id(), demo.address(DemoStudent.LOCAL_PART), DemoStudent.NAME, Role.STUDENT);
        if (runs.countOfStudent(demo.id(), student.id()) > 0) {
            return;
        }
        // The welcome allowance pays for them, as at the student's own first sign-in (idempotent).
        wallets.openWallet(demo.id(), student.id(), Role.STUDENT);
        // The demo acts as the student would after signing in with an emailed code (a verified address).
        SignedInUser signedIn = new SignedInUser(
                student.universityId(), student.id(), student.email(), student.name(), student.role(), true);
        runs.start(signedIn, "cv-analysis", "", cvAnalysis(FIRST_DRAFT));
        runs.start(signedIn, "cv-analysis", "", cvAnalysis(DemoStudent.RESUME));
        ObjectNode jobPack = JSON.objectNode();
        jobPack.put("jobTitle", "Graduate Data Analyst");
        jobPack.put("company", "Acme Analytics");
        jobPack.put(
                "jobDescription",
                "We want a graduate data analyst who knows SQL and Python, builds dashboards and explains"
                        + " results clearly to clients in our insights team.");
        jobPack.put("resume", DemoStudent.RESUME);
        jobPack.put("tone", "professional");
        runs.start(signedIn, "job-pack", "silver", jobPack);
    }

    private static ObjectNode cvAnalysis(String resume) {
        ObjectNode input = JSON.objectNode();
        input.put("resume", resume);
        input.put("targetRole", "Data Analyst");
        return input;
    }
}
