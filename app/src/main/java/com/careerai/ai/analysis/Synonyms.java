package com.careerai.ai.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /** Every name of every skill, longest first; made once (it was rebuilt and sorted per resume). */
    private static final List<String> ALL_NAMES = sortedNames();

    /** Each skill's place in the table. */
    private static final Map<String, Integer> RANKS = ranks();

    private Synonyms() {}

    private static List<String> sortedNames() {
        List<String> names = new ArrayList<>();
        SKILLS.values().forEach(names::addAll);
        names.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(names);
    }

    private static Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>();
        for (String skill : SKILLS.keySet()) {
            ranks.put(skill, ranks.size());
        }
        return Map.copyOf(ranks);
    }

    private static void skill(String shown, String... names) {
        SKILLS.put(shown, List.of(names));
    }

    /** The skills named in the text, in the order of the table. */
    public static Set<String> skillsIn(String text) {
        String normal = " " + Text.normalise(text) + " ";
        Set<String> found = new TreeSet<>(Comparator.comparingInt(Synonyms::rank));
        SKILLS.forEach((shown, names) -> {
            for (String name : names) {
                if (normal.contains(" " + name + " ")) {
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

    private static int rank(String skill) {
        return RANKS.getOrDefault(skill, -1);
    }
}
