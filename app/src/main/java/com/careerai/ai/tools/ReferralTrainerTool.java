package com.careerai.ai.tools;

import com.careerai.ai.RunTitles;
import com.careerai.ai.analysis.ResumeAnalysis;
import com.careerai.platform.web.TemplateText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Referral Trainer: networking messages from Handlebars templates (no model), with length checks:
 * LinkedIn connection notes are cut off at 300 characters.
 */
@Singleton
class ReferralTrainerTool extends SchemaTool {
    static final int LINKEDIN_NOTE_LIMIT = 300;
    static final int LINKEDIN_MESSAGE_LIMIT = 1900;
    static final int EMAIL_LIMIT = 1500;
    /** The output schema's own limits: templates fill them with the student's words, so we fit them. */
    static final int SUBJECT_MAX = 200;

    static final int TEXT_MAX = 4000;

    private record Variant(String channel, String label, int limit) {}

    private static final List<Variant> VARIANTS = List.of(
            new Variant("linkedin-note", "LinkedIn connection note", LINKEDIN_NOTE_LIMIT),
            new Variant("linkedin-message", "LinkedIn message", LINKEDIN_MESSAGE_LIMIT),
            new Variant("email", "Email", EMAIL_LIMIT));

    private final TemplateText templates;

    ReferralTrainerTool(TemplateText templates) {
        super(
                "referral-trainer",
                "Referral Trainer",
                "Alumni cold messages, recruiter follow-ups, referral asks and "
                        + "thank-yous: ready-to-send variants for LinkedIn and email, checked against their length limits.");
        this.templates = templates;
    }

    @Override
    public boolean usesModel() {
        return false;
    }

    @Override
    public boolean synchronous() {
        return true;
    }

    @Override
    public String systemPrompt() {
        return "";
    }

    @Override
    public String userPrompt(JsonNode input) {
        return "";
    }

    @Override
    public JsonNode mockOutput(JsonNode input, @Nullable ResumeAnalysis analysed) {
        return generate(input);
    }

    @Override
    public JsonNode generate(JsonNode input) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", text(input, "name", "there").strip());
        model.put("company", text(input, "company", "your company").strip());
        model.put("role", text(input, "role", "the role").strip());
        String commonGround = input.path("commonGround").asText("").strip();
        if (!commonGround.isEmpty()) {
            model.put("commonGround", commonGround);
        }
        String situation = input.path("situation").asText();
        ObjectNode output = object();
        ArrayNode variants = output.putArray("variants");
        for (Variant variant : VARIANTS) {
            String rendered = templates
                    .render("ai/referral/" + situation + "." + variant.channel(), model)
                    .strip();
            String subject = null;
            if (rendered.startsWith("Subject: ")) {
                int end = rendered.indexOf('\n');
                subject = fit(rendered.substring("Subject: ".length(), end).strip(), SUBJECT_MAX);
                rendered = rendered.substring(end + 1).strip();
            }
            String text = fit(rendered.replaceAll("\\n{3,}", "\n\n"), TEXT_MAX);
            ObjectNode node = variants.addObject()
                    .put("channel", variant.channel())
                    .put("label", variant.label())
                    .put("text", text)
                    .put("length", text.length())
                    .put("limit", variant.limit())
                    .put("withinLimit", text.length() <= variant.limit());
            if (subject != null) {
                node.put("subject", subject);
            }
        }
        return output;
    }

    /** {@code text} cut at a word boundary to at most {@code max} characters, ending with "…" when cut. */
    static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        if (space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }

    @Override
    public String title(JsonNode input) {
        return RunTitles.of(
                name(),
                input.path("name").asText("").strip() + " at "
                        + input.path("company").asText("").strip());
    }
}
