package com.careerai.platform.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, for bodies no well-behaved client would send (a
 * multipart body cut off before its closing boundary, a boundary the header does not name).
 */
public final class RawExchange {
    /** Status, lower-cased header block and the (de-chunked) body of an answer. */
    public record Answer(int status, String headers, String body) {
        public String location() {
            for (String line : headers.split("\r\n")) {
                if (line.startsWith("location:")) {
                    return line.substring("location:".length()).trim();
                }
            }
            return "";
        }

        public String contentType() {
            for (String line : headers.split("\r\n")) {
                if (line.startsWith("content-type:")) {
                    return line.substring("content-type:".length()).trim();
                }
            }
            return "";
        }
    }

    private RawExchange() {}

    public static Answer send(int port, String method, String path, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] answer = readAll(socket.getInputStream());
            String text = new String(answer, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String headerBlock = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
            String rest = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(text.substring(9, 12));
            if (headerBlock.contains("transfer-encoding: chunked")) {
                rest = dechunk(rest);
            }
            return new Answer(status, headerBlock, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            all.write(buffer, 0, read);
        }
        return all.toByteArray();
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the bodies here are ASCII JSON or HTML, close enough for reading them
            int from = lineEnd + 2;
            int to = Math.min(chunked.length(), from + size);
            body.append(chunked, from, to);
            at = to + 2;
        }
        return body.toString();
    }

    /** One part of a multipart body; {@code fileName} and {@code type} only for files. */
    public record Part(String name, String fileName, String type, byte[] bytes) {
        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A multipart body written by hand: file names go out exactly as given (Netty's client refuses
     * backslashes and NUL in them, which is what a hostile client sends).
     */
    public static byte[] multipart(String boundary, java.util.List<Part> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
            head.append("Content-Disposition: form-data; name=\"")
                    .append(part.name())
                    .append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"")
                        .append(part.fileName().replace("\"", "%22"))
                        .append('"');
            }
            head.append("\r\n");
            if (part.type() != null) {
                head.append("Content-Type: ").append(part.type()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
