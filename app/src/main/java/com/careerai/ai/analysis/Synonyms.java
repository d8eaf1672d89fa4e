package com.careerai.ai.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common skills and the other names they go by ("js" is JavaScript, "k8s" is Kubernetes), so a
 * resume that says "ML" meets an advert that asks for "machine learning". Each skill is found in
 * text by any of its names, as whole words.
 */
public final class Synonyms {
    /** Skill → its names (the first is how it is shown). */
    private static final Map<String, List<String>> SKILLS = new LinkedHashMap<>();

    static {
        skill("JavaScript", "javascript", "js", "ecmascript");
        skill("TypeScript", "typescript", "ts");
        skill("Node.js", "node.js", "nodejs", "node");
        skill("React", "react", "reactjs", "react.js");
        skill("Python", "python");
        skill("Java", "java");
        skill("C++", "c++", "cpp");
        skill("C#", "c#", "csharp");
        skill("Go", "golang");
        skill("R", "r programming", "rstudio");
        skill("SQL", "sql");
        skill("PostgreSQL", "postgresql", "postgres");
        skill("Excel", "excel", "microsoft excel", "spreadsheets");
        skill("Power BI", "power bi", "powerbi");
        skill("Tableau", "tableau");
        skill("machine learning", "machine learning", "ml");
        skill("artificial intelligence", "artificial intelligence", "ai");
        skill("natural language processing", "natural language processing", "nlp");
        skill("deep learning", "deep learning");
        skill("data visualisation", "data visualisation", "data visualization", "dataviz", "visualising data");
        skill("statistics", "statistics", "statistical analysis", "stats");
        skill("Kubernetes", "kubernetes", "k8s");
        skill("Docker", "docker", "containers");
        skill("AWS", "aws", "amazon web services");
        skill("Google Cloud", "google cloud", "gcp");
        skill("Azure", "azure", "microsoft azure");
        skill("CI/CD", "ci/cd", "continuous integration", "continuous delivery");
        skill("Git", "git", "github", "gitlab");
        skill("Linux", "linux", "unix");
        skill("REST APIs", "rest api", "rest apis", "restful");
        skill("HTML/CSS", "html", "css");
        skill("user experience", "ux", "user experience");
        skill("user interface", "ui design", "user interface");
        skill("project management", "project management");
        skill("stakeholder management", "stakeholder management", "stakeholders");
        skill("communication", "communication", "communicating", "communicate", "communicator");
        skill("teamwork", "teamwork", "team work", "team player", "collaboration", "collaborative");
        skill("leadership", "leadership", "led", "leading");
        skill("problem solving", "problem solving", "problem-solving");
        skill("agile", "agile", "scrum", "kanban");
        skill("search engine optimisation", "seo", "search engine optimisation", "search engine optimization");
        skill("CAD", "cad", "autocad", "solidworks");
        skill("MATLAB", "matlab");
    }

    /** Every name padded with a space each side, as {@link #skillsIn} looks for it (built once). */
    private static final Map<String, List<String>> PADDED = new LinkedHashMap<>();

    /** {@link #allNames()}, sorted once, and the same padded with a space each side. */
    private static final List<String> ALL_NAMES;

    private static final List<String> ALL_NAMES_PADDED;

    static {
        SKILLS.forEach((shown, names) ->
                PADDED.put(shown, names.stream().map(name -> " " + name + " ").toList()));
        List<String> names = new ArrayList<>();
        SKILLS.values().forEach(names::addAll);
        names.sort(Comparator.comparingInt(String::length).reversed());
        ALL_NAMES = List.copyOf(names);
        ALL_NAMES_PADDED = names.stream().map(name -> " " + name + " ").toList();
    }

    private Synonyms() {}

    private static void skill(String shown, String... names) {
        SKILLS.put(shown, List.of(names));
    }

    /** The skills named in the text, in the order of the table. */
    public static Set<String> skillsIn(String text) {
        return skillsInNormalised(" " + Text.normalise(text) + " ");
    }

    /** {@link #skillsIn} of text already normalised and padded with a space each side. */
    static Set<String> skillsInNormalised(String padded) {
        Set<String> found = new LinkedHashSet<>();
        PADDED.forEach((shown, names) -> {
            for (String name : names) {
                if (padded.contains(name)) {
                    found.add(shown);
                    break;
                }
            }
        });
        return found;
    }

    /** Every name of every skill, normalised words, longest first (to remove them before counting words). */
    static List<String> allNames() {
        return ALL_NAMES;
    }

    /** {@link #allNames()}, each padded with a space each side. */
    static List<String> allNamesPadded() {
        return ALL_NAMES_PADDED;
    }
}
