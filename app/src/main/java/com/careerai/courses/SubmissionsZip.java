package com.careerai.courses;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.storage.FileStorage;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Download all submissions": one folder per student named after them ({@code ada-lovelace-12/}),
 * inside it each attempt's text ({@code attempt-1.txt}) and file ({@code attempt-1.pdf}). Every
 * name is made here from letters, digits and dashes, never taken from an upload, so no entry can
 * climb out of its folder. The rows are read in the request's transaction; the zip is then written
 * into a pipe while the response streams it, one stored file at a time.
 */
@Singleton
class SubmissionsZip {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionsZip.class);

    private final Assignments assignments;
    private final UserAccounts users;
    private final FileStorage storage;
    private final ExecutorService io;

    SubmissionsZip(
            Assignments assignments,
            UserAccounts users,
            FileStorage storage,
            @Named(TaskExecutors.IO) ExecutorService io) {
        this.assignments = assignments;
        this.users = users;
        this.storage = storage;
        this.io = io;
    }

    /** One entry: a name made here and either a text or a stored file. */
    record Entry(String name, String text, String storageKey) {}

    record Prepared(String fileName, List<Entry> entries) {}

    /** The entries of an assignment's zip, for the batch's instructor and staff only. */
    @Transactional(readOnly = true)
    Prepared prepare(SignedInUser user, long assignmentId) {
        Assignment assignment = assignments.teacherOf(user, assignmentId);
        List<Submission> submissions = assignments.all(user.universityId(), assignmentId);
        Map<Long, User> authors =
                users
                        .findAll(
                                user.universityId(),
                                submissions.stream()
                                        .map(Submission::userId)
                                        .distinct()
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(User::id, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (Submission submission : submissions) {
            User author = authors.get(submission.userId());
            String folder = slug(author == null ? "student" : author.displayName()) + "-" + submission.userId() + "/";
            String attempt = "attempt-" + submission.attempt();
            if (submission.body() != null) {
                entries.add(new Entry(folder + attempt + ".txt", submission.body(), null));
            }
            if (submission.fileKey() != null) {
                entries.add(new Entry(folder + attempt + extension(submission.fileName()), null, submission.fileKey()));
            }
        }
        return new Prepared(slug(assignment.title()) + "-submissions.zip", entries);
    }

    /** The zip of {@code prepared} as a stream written while it is read. */
    InputStream stream(Prepared prepared) {
        try {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            io.execute(() -> {
                try (out) {
                    write(prepared.entries(), out);
                } catch (IOException | RuntimeException e) {
                    // the reader sees a truncated zip; nothing else can be done mid-response
                    LOG.warn("Writing a submissions zip failed: {}", e.toString());
                }
            });
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(List<Entry> entries, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        for (Entry entry : entries) {
            zip.putNextEntry(new ZipEntry(entry.name()));
            if (entry.text() != null) {
                zip.write(entry.text().getBytes(StandardCharsets.UTF_8));
            } else {
                try (InputStream stored = storage.open(entry.storageKey())) {
                    stored.transferTo(zip);
                }
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Lower-case ASCII letters and digits joined by dashes ("Zoë O'Brien" → "zoe-o-brien"). */
    static String slug(String words) {
        String ascii = Normalizer.normalize(words, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,5}") ? "." + extension : "";
    }
}
