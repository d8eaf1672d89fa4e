package com.careerai.ai.analysis;

import java.util.List;

/**
 * The CV score factors code can measure, each with its reason: impact (quantified bullets),
 * clarity (vague openings, overlong bullets), structure (sections found) and length (words and
 * pages). The same resume always gets the same scores, whichever model reads it.
 */
public final class CvScore {
    private CvScore() {}

    /** One factor: its name in the CV Analysis schema, score 0–100, and why. */
    public record Factor(String name, int score, String why) {}

    public static List<Factor> factors(ResumeAnalysis analysis) {
        return List.of(impact(analysis.bullets()), clarity(analysis.bullets()), structure(analysis), length(analysis));
    }

    static Factor impact(BulletStats bullets) {
        if (bullets.count() == 0) {
            return new Factor(
                    "impact", 30, "No bullet points found: list what you did as bullets, each with a result.");
        }
        int score = 30 + Math.round(70f * bullets.quantified() / bullets.count());
        return new Factor(
                "impact",
                score,
                bullets.quantified() + " of " + bullets.count() + " bullets include a number; say how many, how much "
                        + "or how fast in the others.");
    }

    static Factor clarity(BulletStats bullets) {
        if (bullets.count() == 0) {
            return new Factor(
                    "clarity", 50, "Without bullet points, readers have to search paragraphs for what you did.");
        }
        float weak = (float) bullets.weakVerbs().size() / bullets.count();
        float tooLong = (float) bullets.tooLong().size() / bullets.count();
        int score = Math.max(20, Math.round(100 - 50 * weak - 30 * tooLong));
        String why = bullets.weakVerbs().size() + " of " + bullets.count() + " bullets open with a vague verb "
                + "(helped, worked on, responsible for) and "
                + bullets.tooLong().size() + " run over "
                + Bullets.LONG_WORDS + " words; bullets average " + bullets.averageWords() + " words.";
        return new Factor("clarity", score, why);
    }

    static Factor structure(ResumeAnalysis analysis) {
        List<String> missing = analysis.missingSections();
        int score = 100 - 15 * missing.size();
        String why = missing.isEmpty()
                ? "Contact details, education, experience and skills are all there."
                : "Missing: " + String.join(", ", missing) + ". Readers look for contact details and headed "
                        + "education, experience and skills sections.";
        return new Factor("structure", score, why);
    }

    static Factor length(ResumeAnalysis analysis) {
        int words = analysis.words();
        int score;
        String advice;
        if (words < 250) {
            score = Math.max(30, Math.round(90f * words / 250));
            advice = "short for a student CV: there is room for a project, role or society.";
        } else if (words <= 900) {
            score = 95;
            advice = "right for a student CV.";
        } else {
            score = Math.max(40, 95 - (words - 900) / 20);
            advice = "long for a student CV: keep it to two pages.";
        }
        return new Factor(
                "length",
                score,
                words + " words, about " + analysis.pages() + (analysis.pages() == 1 ? " page" : " pages") + ": "
                        + advice);
    }
}
