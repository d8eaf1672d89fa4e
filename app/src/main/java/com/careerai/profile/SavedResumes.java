package com.careerai.profile;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A student's saved resumes: named texts the tool forms offer, at most {@link #MAX_RESUMES}, one of
 * them the default (the first saved becomes it; deleting it makes the newest left the default).
 * Every method takes the university and the owner: another person's resume is "not found".
 */
@Singleton
public class SavedResumes {
    public static final int MAX_RESUMES = 10;
    public static final int MAX_TEXT = 30_000;
    static final int MAX_NAME = 80;

    private final ProfileStore store;
    private final PageReads reads;

    SavedResumes(ProfileStore store, PageReads reads) {
        this.store = store;
        this.reads = reads;
    }

    /** The person's resumes, the default first, then newest first. */
    public List<SavedResume> of(long universityId, long userId) {
        return reads.read(ofRead(universityId, userId));
    }

    /** What {@link #of} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<SavedResume>> ofRead(long universityId, long userId) {
        return ProfileStore.resumesRead(universityId, userId);
    }

    @Transactional(readOnly = true)
    public Optional<SavedResume> find(long universityId, long userId, long id) {
        return store.resume(universityId, userId, id);
    }

    @Transactional(readOnly = true)
    public Optional<SavedResume> defaultOf(long universityId, long userId) {
        return store.defaultResume(universityId, userId);
    }

    /**
     * Saves a new resume; the first becomes the default, as does one added with {@code makeDefault}.
     *
     * @throws ProfileException for a bad name or text, or when {@link #MAX_RESUMES} are saved already
     */
    @Transactional
    public SavedResume add(long universityId, long userId, String name, String text, boolean makeDefault) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = name(universityId, userId, name, 0, errors);
        String cleanText = text(text, errors);
        if (!errors.isEmpty()) {
            throw new ProfileException(errors);
        }
        long saved = store.countResumes(universityId, userId);
        if (saved >= MAX_RESUMES) {
            throw new ProfileException(
                    "name", "You have " + MAX_RESUMES + " saved resumes already. Delete one to save another.");
        }
        SavedResume added = store.insertResume(universityId, userId, cleanName, cleanText, saved == 0);
        if (makeDefault && saved > 0) {
            store.makeDefault(universityId, userId, added.id());
        }
        return store.resume(universityId, userId, added.id()).orElseThrow();
    }

    /**
     * Renames and/or replaces the text and/or makes it the default (null = unchanged).
     *
     * @throws ResumeNotFoundException when it is not one of the person's resumes
     * @throws ProfileException for a bad name or text
     */
    @Transactional
    public SavedResume update(
            long universityId,
            long userId,
            long id,
            @Nullable String name,
            @Nullable String text,
            @Nullable Boolean makeDefault) {
        SavedResume before = store.resume(universityId, userId, id).orElseThrow(ResumeNotFoundException::new);
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = name == null ? before.name() : name(universityId, userId, name, id, errors);
        String cleanText = text == null ? before.text() : text(text, errors);
        if (!errors.isEmpty()) {
            throw new ProfileException(errors);
        }
        store.updateResume(universityId, userId, id, cleanName, cleanText);
        if (Boolean.TRUE.equals(makeDefault)) {
            store.makeDefault(universityId, userId, id);
        }
        return store.resume(universityId, userId, id).orElseThrow();
    }

    /** @throws ResumeNotFoundException when it is not one of the person's resumes */
    @Transactional
    public void makeDefault(long universityId, long userId, long id) {
        store.resume(universityId, userId, id).orElseThrow(ResumeNotFoundException::new);
        store.makeDefault(universityId, userId, id);
    }

    /** Deletes it; when it was the default, the newest left becomes the default. */
    @Transactional
    public void delete(long universityId, long userId, long id) {
        SavedResume gone = store.resume(universityId, userId, id).orElseThrow(ResumeNotFoundException::new);
        store.deleteResume(universityId, userId, id);
        if (gone.isDefault()) {
            store.newestResume(universityId, userId).ifPresent(next -> store.makeDefault(universityId, userId, next));
        }
    }

    private String name(long universityId, long userId, String name, long exceptId, Map<String, String> errors) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            errors.put("name", "Give the resume a name, like \"Data roles\".");
        } else if (clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "Keep the name under " + MAX_NAME + " characters.");
        } else if (store.nameTaken(universityId, userId, clean, exceptId)) {
            errors.put("name", "You already have a resume called " + clean + ".");
        }
        return clean;
    }

    private static String text(String text, Map<String, String> errors) {
        String clean = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (clean.isEmpty()) {
            errors.put("text", "Paste your resume's text, or upload a PDF.");
        } else if (clean.length() > MAX_TEXT) {
            errors.put("text", "Keep the resume under 30,000 characters.");
        }
        return clean;
    }
}
