package com.careerai.testing;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tiny browser for one host: keeps the cookies the site sets, sends them back, never follows
 * redirects, and reads CSRF tokens out of pages. Requests go to the test server with the Host
 * header of the university.
 */
public final class Browser implements AutoCloseable {
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    /** An answer as the browser saw it. */
    public record Response(int status, HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        public String location() {
            return headers.get(HttpHeaders.LOCATION);
        }

        public List<String> setCookies() {
            return headers.getAll(HttpHeaders.SET_COOKIE);
        }

        /** The CSRF token the page carries for its forms. */
        public String csrf() {
            Matcher meta = CSRF_META.matcher(body);
            if (meta.find()) {
                return meta.group(1);
            }
            Matcher field = CSRF_FIELD.matcher(body);
            if (field.find()) {
                return field.group(1);
            }
            throw new AssertionError("no CSRF token in the page:\n" + body);
        }
    }

    private final HttpClient client;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Browser(URL server, String host) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        this.client = HttpClient.create(server, configuration);
        this.host = host;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.GET(path), headers);
    }

    public Response postForm(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), headers);
    }

    /** A request without a body, e.g. DELETE. */
    public Response send(String method, String path, String... headers) {
        return send(HttpRequest.create(io.micronaut.http.HttpMethod.parse(method), path), headers);
    }

    public Response postJson(String path, String json, String... headers) {
        return send(HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON_TYPE), headers);
    }

    private Response send(MutableHttpRequest<?> request, String... headers) {
        request.header("Host", host);
        if (!cookies.isEmpty()) {
            request.header(
                    HttpHeaders.COOKIE,
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response = client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        }
        String body = response.getBody(String.class).orElse("");
        for (String setCookie : response.getHeaders().getAll(HttpHeaders.SET_COOKIE)) {
            remember(setCookie);
        }
        return new Response(response.code(), response.getHeaders(), body);
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        boolean expired = setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
        if (value.isEmpty() || expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
