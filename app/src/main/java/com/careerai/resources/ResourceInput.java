package com.careerai.resources;

import com.careerai.interests.InterestException;
import com.careerai.interests.Interests;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks what someone submits to share a resource; every problem is a 422 naming its field. */
@Singleton
class ResourceInput {
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_URL = 2000;
    private static final Set<String> VIDEO_HOSTS =
            Set.of("youtube.com", "youtu.be", "vimeo.com", "loom.com", "ted.com", "dailymotion.com", "wistia.com");

    private final UploadInspector inspector;
    private final Interests interests;

    ResourceInput(UploadInspector inspector, Interests interests) {
        this.inspector = inspector;
        this.interests = interests;
    }

    /**
     * What was sent: form fields as they came, and the file's name and bytes when one was chosen.
     *
     * @param interests interest ids, each entry possibly a comma-separated list
     * @param linkType {@code video} to mark a link as a video (also recognised by its host)
     */
    record Submitted(
            @Nullable String title,
            @Nullable String description,
            List<String> interests,
            @Nullable String access,
            @Nullable String fileName,
            @Nullable byte[] fileContent,
            @Nullable String url,
            @Nullable String linkType) {

        boolean hasFile() {
            return fileContent != null && (fileContent.length > 0 || (fileName != null && !fileName.isBlank()));
        }

        boolean hasUrl() {
            return url != null && !url.isBlank();
        }
    }

    /** Checked values, ready to store. */
    record Valid(
            String title,
            String description,
            ResourceKind kind,
            ResourceAccess access,
            @Nullable String url,
            UploadInspector.@Nullable Inspected file,
            Set<Long> interestIds) {}

    Valid validate(long universityId, Submitted submitted) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = clean(submitted.title());
        if (title.isEmpty()) {
            problems.put("title", "Give the resource a title.");
        } else if (title.length() > MAX_TITLE) {
            problems.put("title", "Keep the title under " + MAX_TITLE + " characters.");
        } else if (hasControl(title, false)) {
            problems.put("title", "The title contains control characters.");
        }
        String description = submitted.description() == null
                ? ""
                : submitted.description().strip().replace("\r\n", "\n");
        if (description.length() > MAX_DESCRIPTION) {
            problems.put("description", "Keep the description under " + MAX_DESCRIPTION + " characters.");
        } else if (hasControl(description, true)) {
            problems.put("description", "The description contains control characters.");
        }
        ResourceAccess access = access(submitted.access(), problems);
        Set<Long> interestIds = interestIds(universityId, submitted.interests(), problems);
        String url = null;
        ResourceKind linkKind = null;
        if (submitted.hasFile() && submitted.hasUrl()) {
            problems.put("url", "Give a file or a link, not both.");
        } else if (!submitted.hasFile() && !submitted.hasUrl()) {
            problems.put("file", "Choose a file, or give a link instead.");
        } else if (submitted.hasUrl()) {
            url = submitted.url().strip();
            linkKind = linkKind(url, submitted.linkType(), problems);
        }
        if (!problems.isEmpty()) {
            throw ResourceException.invalid(problems);
        }
        if (linkKind != null) {
            return new Valid(title, description, linkKind, access, url, null, interestIds);
        }
        UploadInspector.Inspected file = inspector.inspect(submitted.fileName(), submitted.fileContent());
        return new Valid(title, description, file.kind(), access, null, file, interestIds);
    }

    private static ResourceAccess access(@Nullable String value, Map<String, String> problems) {
        String access = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (access.isEmpty() || access.equals("EVERYONE")) {
            return ResourceAccess.EVERYONE;
        }
        if (access.equals("PREMIUM")) {
            return ResourceAccess.PREMIUM;
        }
        problems.put("access", "Choose everyone or premium.");
        return ResourceAccess.EVERYONE;
    }

    private Set<Long> interestIds(long universityId, List<String> values, Map<String, String> problems) {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    problems.put("interests", "Choose among the interests offered.");
                    return Set.of();
                }
            }
        }
        if (ids.isEmpty()) {
            if (!interests.offered(universityId).isEmpty()) {
                problems.put("interests", "Choose at least one interest, so the right students find it.");
            }
            return Set.of();
        }
        try {
            return interests.requireOffered(universityId, ids);
        } catch (InterestException e) {
            problems.put("interests", e.getMessage());
            return Set.of();
        }
    }

    private static ResourceKind linkKind(String url, @Nullable String linkType, Map<String, String> problems) {
        if (url.length() > MAX_URL || hasControl(url, false) || url.chars().anyMatch(Character::isWhitespace)) {
            problems.put("url", "Give a web address such as https://example.com/guide.");
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getHost().isBlank()) {
                problems.put("url", "Give a web address starting with https://.");
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            boolean video = "video".equalsIgnoreCase(linkType == null ? "" : linkType.strip())
                    || VIDEO_HOSTS.stream().anyMatch(known -> host.equals(known) || host.endsWith("." + known));
            return video ? ResourceKind.VIDEO : ResourceKind.LINK;
        } catch (URISyntaxException e) {
            problems.put("url", "Give a web address such as https://example.com/guide.");
            return null;
        }
    }

    /** The server-made name a download is saved under: the title's words and the type's extension. */
    static String downloadName(String title, UploadInspector.Inspected file) {
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "resource" : slug) + "." + file.extension();
    }

    static void refuseControlCharacters(String field, String value) {
        if (hasControl(value, true)) {
            throw ResourceException.invalid(field, "This text contains control characters.");
        }
    }

    private static String clean(@Nullable String value) {
        return value == null ? "" : value.strip().replaceAll("[ \\t]+", " ");
    }

    private static boolean hasControl(String value, boolean allowLineBreaks) {
        return value.chars()
                .anyMatch(
                        c -> Character.isISOControl(c) && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')));
    }
}
