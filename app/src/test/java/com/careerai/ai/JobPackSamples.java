package com.careerai.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A valid Job Pack input and a valid model answer that differs from the mock one. */
final class JobPackSamples {
    private JobPackSamples() {}

    static JsonNode input() {
        ObjectNode input = ToolSchemas.JSON.createObjectNode();
        input.put("jobTitle", "Graduate Data Analyst");
        input.put("company", "Acme Analytics");
        input.put(
                "jobDescription",
                "We are looking for a graduate data analyst with SQL, Python and clear communication "
                        + "to join our insights team and build dashboards for clients.");
        input.put(
                "resume",
                "Jane Student. BSc Mathematics, 2026. Built a Python tool that cleaned survey data for a "
                        + "research group. Tutored first-year statistics. Led a team project analysing transport data with SQL.");
        input.put("tone", "professional");
        return input;
    }

    static String validOutput() {
        ObjectNode output = ToolSchemas.JSON.createObjectNode();
        output.put("summary", "Mathematics graduate who turns messy data into clear answers with SQL and Python.");
        output.putArray("experienceBullets")
                .addObject()
                .put("original", "Built a Python tool that cleaned survey data")
                .put(
                        "rewritten",
                        "Automated cleaning of [number] survey responses in Python, saving the team hours each week");
        output.putArray("skillsToEmphasise").add("SQL").add("Python").add("Communication");
        output.put(
                "coverLetter",
                "Dear Hiring Manager at Acme,\n\nI am applying for the Graduate Data Analyst role. "
                        + "My degree in mathematics and my projects in Python and SQL have prepared me to build the dashboards your "
                        + "clients rely on. I enjoy explaining results to people who are not analysts, as I did when tutoring.\n\n"
                        + "Kind regards,\nJane");
        var questions = output.putArray("interviewQuestions");
        questions
                .addObject()
                .put("question", "Describe a data cleaning problem you solved.")
                .put("answerOutline", "Survey tool: STAR.");
        questions
                .addObject()
                .put("question", "How would you explain a dashboard to a client?")
                .put("answerOutline", "Tutoring example.");
        questions
                .addObject()
                .put("question", "Which SQL joins do you use most?")
                .put("answerOutline", "Transport project.");
        var keywords = output.putObject("keywords");
        keywords.putArray("matched").add("SQL").add("Python");
        keywords.putArray("missing").add("dashboards");
        return output.toString();
    }
}
