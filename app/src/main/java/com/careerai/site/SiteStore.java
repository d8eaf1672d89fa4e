package com.careerai.site;

import static com.careerai.platform.data.SqlRows.parameters;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** SQL of site_texts and site_faq; every statement names the university. */
@Singleton
class SiteStore {
    private final JdbcOperations jdbc;

    SiteStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The hero text and services blurb, as a page's read (ADR 0076). */
    static PageRead<SiteTexts> textsRead(long universityId) {
        return PageRead.optional(
                        "site.texts:" + universityId,
                        "SELECT hero_text, services_blurb FROM site_texts WHERE university_id = ?",
                        parameters(universityId),
                        row -> new SiteTexts(row.getString("hero_text"), row.getString("services_blurb")))
                .map(found -> found.orElse(SiteTexts.empty()));
    }

    void saveTexts(long universityId, SiteTexts texts) {
        SqlRows.update(
                jdbc,
                "INSERT INTO site_texts (university_id, hero_text, services_blurb) VALUES (?, ?, ?)"
                        + " ON CONFLICT (university_id) DO UPDATE SET hero_text = EXCLUDED.hero_text,"
                        + " services_blurb = EXCLUDED.services_blurb, updated_at = now()",
                parameters(universityId, texts.heroText(), texts.servicesBlurb()));
    }

    List<FaqEntry> faq(long universityId) {
        return faqRead(universityId).runOn(jdbc);
    }

    /** The FAQ in order, as a page's read (ADR 0076). */
    static PageRead<List<FaqEntry>> faqRead(long universityId) {
        return PageRead.list(
                "site.faq:" + universityId,
                "SELECT id, position, question, answer FROM site_faq WHERE university_id = ? ORDER BY position, id",
                parameters(universityId),
                row -> new FaqEntry(
                        row.getLong("id"), row.getInt("position"), row.getString("question"), row.getString("answer")));
    }

    Optional<FaqEntry> entry(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT id, position, question, answer FROM site_faq WHERE university_id = ? AND id = ?",
                parameters(universityId, id),
                row -> new FaqEntry(
                        row.getLong("id"), row.getInt("position"), row.getString("question"), row.getString("answer")));
    }

    void add(long universityId, String question, String answer) {
        SqlRows.update(
                jdbc,
                "INSERT INTO site_faq (university_id, position, question, answer) VALUES (?,"
                        + " (SELECT coalesce(max(position) + 1, 0) FROM site_faq WHERE university_id = ?), ?, ?)",
                parameters(universityId, universityId, question, answer));
    }

    int update(long universityId, long id, String question, String answer) {
        return SqlRows.update(
                jdbc,
                "UPDATE site_faq SET question = ?, answer = ? WHERE university_id = ? AND id = ?",
                parameters(question, answer, universityId, id));
    }

    int remove(long universityId, long id) {
        return SqlRows.update(
                jdbc, "DELETE FROM site_faq WHERE university_id = ? AND id = ?", parameters(universityId, id));
    }

    void position(long universityId, long id, int position) {
        SqlRows.update(
                jdbc,
                "UPDATE site_faq SET position = ? WHERE university_id = ? AND id = ?",
                parameters(position, universityId, id));
    }
}
