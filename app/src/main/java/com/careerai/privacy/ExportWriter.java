package com.careerai.privacy;

import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.storage.FileStorage;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one contributor's part into the export zip: {@code <key>.json} and its files under
 * {@code <key>/}, every entry name made safe (no path, no control characters, unique).
 */
@Singleton
class ExportWriter {
    private final ObjectMapper json;
    private final FileStorage storage;

    ExportWriter(ObjectMapper json, FileStorage storage) {
        this.json = json;
        this.storage = storage;
    }

    void write(ZipOutputStream zip, String key, PersonalData.Part part) throws IOException {
        String folder = safe(key, "part");
        zip.putNextEntry(new ZipEntry(folder + ".json"));
        writeValue(zip, part.records());
        zip.closeEntry();
        Set<String> used = new HashSet<>();
        for (PersonalData.File file : part.files()) {
            zip.putNextEntry(new ZipEntry(folder + "/" + unique(used, safe(file.fileName(), "file"))));
            try (InputStream in = storage.open(file.storageKey())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        for (PersonalData.Document document : part.documents()) {
            zip.putNextEntry(new ZipEntry(folder + "/" + unique(used, safe(document.fileName(), "document"))));
            zip.write(document.content());
            zip.closeEntry();
        }
    }

    /** JSON of records that may hold {@link PersonalData.JsonRows}, also as values of a map. */
    private void writeValue(ZipOutputStream zip, Object value) throws IOException {
        if (value instanceof PersonalData.JsonRows rows) {
            zip.write(("[" + String.join(",\n", rows.rows()) + "]").getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof java.util.Map<?, ?> map) {
            zip.write('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    zip.write(',');
                }
                first = false;
                zip.write(json.writeValueAsBytes(String.valueOf(entry.getKey())));
                zip.write(':');
                writeValue(zip, entry.getValue());
            }
            zip.write('}');
        } else {
            zip.write(json.writeValueAsBytes(value));
        }
    }

    void readme(ZipOutputStream zip) throws IOException {
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(("Your data at your university's careers service, as CareerAI holds it.\n"
                        + "Each <part>.json holds one feature's records; the folder of the same name holds your files.\n")
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A file name without folders, control or reserved characters, at most 100 characters. */
    static String safe(String name, String fallback) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isBlank()) {
            base = fallback;
        }
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }

    private static String unique(Set<String> used, String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = stem + " (" + i + ")" + extension;
        }
        return candidate;
    }
}
