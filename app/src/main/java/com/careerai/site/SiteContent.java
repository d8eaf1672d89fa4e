package com.careerai.site;

import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A university's public-page texts: the hero text, services blurb and FAQ. Read by the public pages
 * (also by {@code web}'s home page); changed by staff, every change audited.
 */
@Singleton
public class SiteContent {
    public static final int HERO_MAX = 600;
    public static final int BLURB_MAX = 2000;
    public static final int QUESTION_MAX = 200;
    public static final int ANSWER_MAX = 2000;
    public static final int FAQ_MAX = 50;

    private final SiteStore store;
    private final AuditLog auditLog;
    private final PageReads reads;

    SiteContent(SiteStore store, AuditLog auditLog, PageReads reads) {
        this.store = store;
        this.auditLog = auditLog;
        this.reads = reads;
    }

    /** The hero text and services blurb: one read, no transaction (the public landing page's). */
    public SiteTexts texts(long universityId) {
        return reads.read(SiteStore.textsRead(universityId));
    }

    public List<FaqEntry> faq(long universityId) {
        return reads.read(SiteStore.faqRead(universityId));
    }

    /** What staff's site page reads, for it to send with the header's reads in one round trip (ADR 0076). */
    List<PageRead<?>> staffPageReads(long universityId) {
        return List.of(SiteStore.textsRead(universityId), SiteStore.faqRead(universityId));
    }

    @Transactional
    public void saveTexts(long universityId, SiteTexts texts, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String hero = clean(texts.heroText());
        String blurb = clean(texts.servicesBlurb());
        if (hero.length() > HERO_MAX) {
            errors.put("heroText", "Keep the hero text to " + HERO_MAX + " characters (it has " + hero.length() + ").");
        }
        if (blurb.length() > BLURB_MAX) {
            errors.put(
                    "servicesBlurb",
                    "Keep the services text to " + BLURB_MAX + " characters (it has " + blurb.length() + ").");
        }
        if (!errors.isEmpty()) {
            throw new SiteException(errors);
        }
        store.saveTexts(universityId, new SiteTexts(hero, blurb));
        auditLog.record(
                universityId, actor, "site.texts", Map.of("heroLength", hero.length(), "blurbLength", blurb.length()));
    }

    @Transactional
    public void addFaq(long universityId, String question, String answer, String actor) {
        String q = clean(question);
        String a = clean(answer);
        Map<String, String> errors = checkFaq(q, a);
        if (store.faq(universityId).size() >= FAQ_MAX) {
            errors.put("question", "The FAQ holds at most " + FAQ_MAX + " entries; remove one first.");
        }
        if (!errors.isEmpty()) {
            throw new SiteException(errors);
        }
        store.add(universityId, q, a);
        auditLog.record(universityId, actor, "site.faq.add", Map.of("question", q));
    }

    @Transactional
    public void updateFaq(long universityId, long id, String question, String answer, String actor) {
        existing(universityId, id);
        String q = clean(question);
        String a = clean(answer);
        Map<String, String> errors = checkFaq(q, a);
        if (!errors.isEmpty()) {
            throw new SiteException(errors);
        }
        store.update(universityId, id, q, a);
        auditLog.record(universityId, actor, "site.faq.edit", Map.of("id", id, "question", q));
    }

    @Transactional
    public void removeFaq(long universityId, long id, String actor) {
        FaqEntry entry = existing(universityId, id);
        store.remove(universityId, id);
        auditLog.record(universityId, actor, "site.faq.remove", Map.of("id", id, "question", entry.question()));
    }

    /** Moves an entry one place up ({@code -1}) or down ({@code +1}); renumbers the list 0…n-1. */
    @Transactional
    public void moveFaq(long universityId, long id, int direction, String actor) {
        existing(universityId, id);
        List<FaqEntry> entries = new ArrayList<>(store.faq(universityId));
        int from = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id() == id) {
                from = i;
            }
        }
        int to = from + Integer.signum(direction);
        if (to >= 0 && to < entries.size()) {
            entries.add(to, entries.remove(from));
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).position() != i) {
                store.position(universityId, entries.get(i).id(), i);
            }
        }
        auditLog.record(universityId, actor, "site.faq.move", Map.of("id", id, "position", Math.max(0, to)));
    }

    /** The entry, or a 404 (also for another university's id). */
    @Transactional(readOnly = true)
    public FaqEntry existing(long universityId, long id) {
        return store.entry(universityId, id)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such FAQ entry."));
    }

    private static Map<String, String> checkFaq(String question, String answer) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (question.isEmpty() || question.length() > QUESTION_MAX) {
            errors.put("question", "Write a question of 1 to " + QUESTION_MAX + " characters.");
        }
        if (answer.isEmpty() || answer.length() > ANSWER_MAX) {
            errors.put("answer", "Write an answer of 1 to " + ANSWER_MAX + " characters.");
        }
        return errors;
    }

    private static String clean(@Nullable String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }
}
