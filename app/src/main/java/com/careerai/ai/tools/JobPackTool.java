package com.careerai.ai.tools;

import com.careerai.ai.AiTool;
import com.careerai.ai.RunTitles;
import com.careerai.ai.ToolSchemas;
import com.careerai.ai.analysis.DemoWriting;
import com.careerai.ai.analysis.KeywordMatch;
import com.careerai.ai.analysis.ResumeAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

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
    public String title(JsonNode input) {
        return RunTitles.of(
                name(),
                input.path("jobTitle").asText("").strip() + " at "
                        + input.path("company").asText("").strip());
    }

    @Override
    public ResumeAnalysis analyse(JsonNode input) {
        return ResumeAnalysis.of(
                input.path("resume").asText(""), input.path("jobDescription").asText(""));
    }

    /**
     * Demo output made from the student's own input: their bullets rewritten by {@link
     * DemoWriting}, the advert's keywords matched and missing in their resume, their name under
     * the cover letter.
     */
    @Override
    public JsonNode mockOutput(JsonNode input, ResumeAnalysis analysis) {
        String title = input.path("jobTitle").asText("the role");
        String company = input.path("company").asText("the company");
        String resume = input.path("resume").asText("");
        KeywordMatch keywords =
                analysis.keywords() == null ? new KeywordMatch(List.of(), List.of()) : analysis.keywords();
        String name = DemoWriting.nameOf(resume).orElse(null);
        List<String> bullets = DemoOutput.bulletsOf(resume, 8);
        List<String> strengths = DemoOutput.first(keywords.matched(), 3);
        List<String> gaps = DemoOutput.first(keywords.missing(), 2);

        ObjectNode output = NODES.objectNode();
        output.put(
                "summary",
                DemoOutput.cut(
                        (name == null ? "Student" : name) + " is applying for " + title + " at " + company
                                + (strengths.isEmpty()
                                        ? ", bringing hands-on project experience and clear communication."
                                        : ", bringing " + DemoOutput.list(strengths) + " from study and experience.")
                                + (bullets.isEmpty() ? "" : " Most relevant: " + DemoOutput.sentence(bullets.get(0)))
                                + (gaps.isEmpty() ? "" : " Building up " + DemoOutput.list(gaps) + " next."),
                        1500));
        ArrayNode rewritten = output.putArray("experienceBullets");
        for (String bullet : bullets) {
            rewritten
                    .addObject()
                    .put("original", DemoOutput.cut(bullet, 600))
                    .put("rewritten", DemoWriting.rewrite(bullet));
        }
        if (bullets.isEmpty()) {
            rewritten
                    .addObject()
                    .put("original", "")
                    .put(
                            "rewritten",
                            "Write your experience as bullets, each starting with what you did and ending "
                                    + "with a number.");
        }
        ArrayNode skills = output.putArray("skillsToEmphasise");
        List<String> emphasise = new ArrayList<>(keywords.matched());
        analysis.skills().stream().filter(skill -> !emphasise.contains(skill)).forEach(emphasise::add);
        DemoOutput.first(emphasise, 8).forEach(skill -> skills.add(DemoOutput.cut(skill, 80)));
        if (skills.isEmpty()) {
            skills.add("Communication").add("Problem solving");
        }
        output.put(
                "coverLetter",
                DemoOutput.cut(
                        "Dear Hiring Team at " + company + ",\n\nI am writing to apply for the " + title + " position."
                                + " During my studies I have learned to deliver work that others depend on and to "
                                + "learn quickly."
                                + (bullets.isEmpty()
                                        ? ""
                                        : " "
                                                + DemoOutput.sentence(DemoWriting.rewrite(bullets.get(0)))
                                                        .replace(
                                                                " — [add a number: how many, how much or how often]",
                                                                ""))
                                + (bullets.size() > 1
                                        ? " I also " + DemoOutput.lowerFirst(DemoOutput.sentence(bullets.get(1)))
                                        : "")
                                + (strengths.isEmpty()
                                        ? ""
                                        : "\n\nYour advert asks for " + DemoOutput.list(strengths)
                                                + ", which my experience above shows.")
                                + (gaps.isEmpty()
                                        ? ""
                                        : " I am also developing " + DemoOutput.list(gaps)
                                                + ", and I would welcome the " + "chance to grow it at " + company
                                                + ".")
                                + "\n\nThank you for considering my application.\n\nYours sincerely,\n"
                                + (name == null ? "A CareerAI student" : name),
                        6000));
        ArrayNode questions = output.putArray("interviewQuestions");
        questions
                .addObject()
                .put("question", "Why do you want to work at " + company + "?")
                .put("answerOutline", "Connect one thing you admire about the company to one thing you have done.");
        questions
                .addObject()
                .put(
                        "question",
                        bullets.isEmpty()
                                ? "Tell me about a time you worked in a team."
                                : DemoOutput.cut("Tell me more about this: \"" + bullets.get(0) + "\"", 400))
                .put("answerOutline", "Situation, task, action, result: end with the number that shows the result.");
        if (!gaps.isEmpty()) {
            questions
                    .addObject()
                    .put("question", "How would you get up to speed with " + gaps.get(0) + "?")
                    .put(
                            "answerOutline",
                            "Name a course or project you have started, and how you learned a skill fast before.");
        }
        questions
                .addObject()
                .put("question", "What would you do in your first month as " + title + "?")
                .put("answerOutline", "Learn the product, meet the team, deliver one small thing end to end.");
        ObjectNode found = output.putObject("keywords");
        ArrayNode matched = found.putArray("matched");
        DemoOutput.first(keywords.matched(), 40).forEach(word -> matched.add(DemoOutput.cut(word, 60)));
        ArrayNode missing = found.putArray("missing");
        DemoOutput.first(keywords.missing(), 40).forEach(word -> missing.add(DemoOutput.cut(word, 60)));
        return output;
    }
}
