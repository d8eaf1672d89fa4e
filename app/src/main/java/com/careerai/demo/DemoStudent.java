package com.careerai.demo;

/** The demo student every feature's demo data is about ({@code student@demo.edu}), and their resume. */
public final class DemoStudent {
    /** Local part of the address: {@code demo.address(DemoStudent.LOCAL_PART)}. */
    public static final String LOCAL_PART = "student";

    public static final String NAME = "Sam Student";

    /** The resume as it stands today: saved on their profile and used by their demo runs. */
    public static final String RESUME =
            """
            Sam Student — student@demo.edu — London
            Education
            BSc Computer Science, Demo University, 2027 (expected)
            Experience
            Software Engineering Intern, Acme Analytics (Summer 2026)
            - Built a Python service that cut weekly report generation from 6 hours to 40 minutes
            - Wrote SQL checks that caught 12 data-quality issues before release
            - Helped with code reviews for a team of 5
            Projects
            - Course planner web app (Java, PostgreSQL) used by 300 students
            Skills
            Python, Java, SQL, Git, data visualisation""";

    private DemoStudent() {}
}
