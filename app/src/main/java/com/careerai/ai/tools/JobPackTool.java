package com.careerai.ai.tools;

import com.careerai.ai.AiTool;
import com.careerai.ai.ToolSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

/** Job Pack: tailored summary, bullets, cover letter and interview prep for one job, as a PDF. */
@Singleton
class JobPackTool implements AiTool {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode inputSchema = ToolSchemas.load("job-pack.input");
    private final JsonNode outputSchema = ToolSchemas.load("job-pack.output");

    @Override
    public String slug() {
        return "job-pack";
    }

    @Override
    public String name() {
        return "Job Pack";
    }

    @Override
    public String description() {
        return "Paste a job advert and your resume: get a tailored summary, rewritten bullets, a cover letter "
                + "and likely interview questions, as a PDF.";
    }

    @Override
    public JsonNode inputSchema() {
        return inputSchema;
    }

    @Override
    public JsonNode outputSchema() {
        return outputSchema;
    }

    @Override
    public boolean makesPdf() {
        return true;
    }

    @Override
    public String systemPrompt() {
        return "You are an experienced university career adviser. You tailor a student's application to one job. "
                + "Use only facts present in the resume: never invent employers, degrees, dates or numbers. "
                + "Where the resume lacks a quantity, suggest the student add one in [brackets]. "
                + "British or American spelling: follow the job advert. Answer with JSON matching the schema.";
    }

    @Override
    public String userPrompt(JsonNode input) {
        return "Target job: " + input.path("jobTitle").asText() + " at "
                + input.path("company").asText()
                + "\nTone of the cover letter: " + input.path("tone").asText()
                + "\n\nJob description:\n" + input.path("jobDescription").asText()
                + "\n\nStudent's resume:\n" + input.path("resume").asText()
                + "\n\nProduce: a tailored summary (3-4 sentences); up to 8 of the resume's experience bullets, each "
                + "rewritten to match the job (keep the original text in 'original'); skills to emphasise; a cover "
                + "letter of 250-400 words; 5-8 likely interview questions, each with an answer outline drawing on the "
                + "resume; keywords of the job description found in the resume (matched) and absent (missing).";
    }

    @Override
    public JsonNode mockOutput(JsonNode input) {
        String title = input.path("jobTitle").asText("the role");
        String company = input.path("company").asText("the company");
        ObjectNode output = NODES.objectNode();
        output.put(
                "summary",
                "Motivated final-year student applying for " + title + " at " + company
                        + ", bringing hands-on project experience, clear communication and a habit of delivering on time.");
        ArrayNode bullets = output.putArray("experienceBullets");
        bullets.addObject()
                .put("original", "Worked on a group project building a web app.")
                .put(
                        "rewritten",
                        "Co-built a web application in a team of four, owning the data layer and shipping "
                                + "weekly releases to [number] users.");
        bullets.addObject()
                .put("original", "Tutored first-year students.")
                .put(
                        "rewritten",
                        "Tutored [number] first-year students each term, explaining complex topics simply — "
                                + "the communication " + company + " asks for.");
        ArrayNode skills = output.putArray("skillsToEmphasise");
        skills.add("Problem solving").add("Teamwork").add("Communication").add("Attention to detail");
        output.put(
                "coverLetter",
                "Dear Hiring Team at " + company + ",\n\nI am writing to apply for the " + title
                        + " position. During my studies I have built software in teams, explained technical ideas to people "
                        + "new to them, and learned to deliver work that others depend on. Your advert asks for someone who "
                        + "learns quickly and communicates clearly; my group project and tutoring show both.\n\nI would "
                        + "welcome the chance to bring this energy to " + company + " and to learn from your team.\n\n"
                        + "Yours sincerely,\nA CareerAI student");
        ArrayNode questions = output.putArray("interviewQuestions");
        questions
                .addObject()
                .put("question", "Why do you want to work at " + company + "?")
                .put("answerOutline", "Connect one thing you admire about the company to one thing you have done.");
        questions
                .addObject()
                .put("question", "Tell me about a time you worked in a team.")
                .put(
                        "answerOutline",
                        "Situation: the group project. Task: the data layer. Action: weekly releases. "
                                + "Result: what users got.");
        questions
                .addObject()
                .put("question", "What would you do in your first month as " + title + "?")
                .put("answerOutline", "Learn the product, meet the team, deliver one small thing end to end.");
        ObjectNode keywords = output.putObject("keywords");
        keywords.putArray("matched").add("teamwork").add("communication");
        keywords.putArray("missing").add("stakeholder management");
        return output;
    }
}
