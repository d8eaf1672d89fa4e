package com.careerai.platform.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} values for downloads of stored files. */
public final class ContentDisposition {
    private ContentDisposition() {}

    /**
     * An attachment named {@code fileName}: an ASCII fallback (anything else replaced by {@code _})
     * and the exact UTF-8 name as {@code filename*} (RFC 6266).
     */
    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
