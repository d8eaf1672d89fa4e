package com.careerai.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one HTTP/1.1 request with exactly the Host header given (or none, or an empty one),
 * which ordinary clients refuse to do.
 */
public final class RawHttp {
    /** Status code and body of an answer. */
    public record Answer(int status, String headers, String body) {}

    private RawHttp() {}

    public static Answer get(int port, String path, String hostHeaderLine, String accept) {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + (hostHeaderLine == null ? "" : hostHeaderLine + "\r\n")
                + "Accept: " + accept + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            String text = buffer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
