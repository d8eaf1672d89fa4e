package com.careerai.site;

import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Demo public-site texts: the hero text, services blurb and four FAQ entries. Written only while
 * the demo university has none, so running it again (or after staff edited them) changes nothing.
 */
@Singleton
class SiteDemo implements DemoSeedStep {
    private static final String ACTOR = "demo";
    private static final List<String[]> FAQ = List.of(
            new String[] {
                "Who can use the careers service?",
                "Every current student and recent graduate. Sign in with your university email to use the career tools."
            },
            new String[] {
                "How do I book a counsellor?",
                "Sign in, open Counselling and pick a time that suits you. Sessions are online or on campus."
            },
            new String[] {
                "Are the AI tools free?",
                "Each student gets a monthly credit allowance from the university. Most tools cost one or two credits."
            },
            new String[] {
                "Where can I read more about internships?",
                "Our internship guide is at https://example.com/internships — or ask us on the contact page."
            });

    private final SiteContent site;

    SiteDemo(SiteContent site) {
        this.site = site;
    }

    @Override
    public void seed(DemoUniversity demo) {
        if (site.texts(demo.id()).heroText().isEmpty()) {
            site.saveTexts(
                    demo.id(),
                    new SiteTexts(
                            "Your career starts here: AI tools, expert counsellors and short courses for every "
                                    + demo.name() + " student.",
                            "We help you choose a direction, write applications that get read and prepare for interviews."
                                    + "\n\nDrop-in hours are Monday to Friday, 10:00–16:00, in the Student Centre."),
                    ACTOR);
        }
        if (site.faq(demo.id()).isEmpty()) {
            for (String[] entry : FAQ) {
                site.addFaq(demo.id(), entry[0], entry[1], ACTOR);
            }
        }
    }

    @Override
    public int getOrder() {
        return CONTENT;
    }
}
