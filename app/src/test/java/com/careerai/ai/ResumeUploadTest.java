package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/tools/resume-text}: the text of a PDF resume for the tool forms, or a 422
 * {@code unreadable_file} saying what is wrong. Nothing is stored.
 */
@MicronautTest(transactional = false)
class ResumeUploadTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    University university;
    SignedIn session;

    @BeforeAll
    void student() {
        university = fixtures.university();
        session = sessions.signIn(fixtures.verifiedStudent(university));
    }

    /** A one-page PDF with these lines of text, made with PDFBox. */
    static byte[] pdf(List<String> lines, boolean encrypted) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.setLeading(14);
                content.newLineAtOffset(60, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            if (encrypted) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> RESUME_LINES = List.of(
            "Jane Student - BSc Mathematics 2026",
            "Built a Python tool that cleaned survey data for a research group",
            "Tutored first-year statistics to 30 students");

    private MutableHttpRequest<MultipartBody> upload(String filename, String type, byte[] content) {
        return HttpRequest.POST(
                        "/api/v1/tools/resume-text",
                        MultipartBody.builder()
                                .addPart("file", filename, MediaType.of(type), content)
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE)
                .header("Host", hostOf(university.subdomain()));
    }

    /** As the page script sends it: session cookie plus the CSRF header from the page's meta tag. */
    private MutableHttpRequest<MultipartBody> fromPage(MutableHttpRequest<MultipartBody> request) {
        return request.header("Cookie", session.cookie()).header("X-CSRF-Token", session.csrf());
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    private String unreadable(String filename, String type, byte[] content) {
        HttpClientResponseException e = refused(fromPage(upload(filename, type, content)));
        assertThat(e.code()).isEqualTo(422);
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertThat(body).contains("\"error\":\"unreadable_file\"").contains("\"fields\":{\"file\":");
        return body;
    }

    @Test
    void aRealPdfGivesItsTextToThePageScript() {
        HttpResponse<Map<String, String>> answer = http.toBlocking()
                .exchange(
                        fromPage(upload("cv.pdf", "application/pdf", pdf(RESUME_LINES, false))),
                        Argument.mapOf(String.class, String.class));
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.body().get("text"))
                .contains("Jane Student - BSc Mathematics 2026")
                .contains("Tutored first-year statistics to 30 students");
    }

    @Test
    void anApiClientWithABearerTokenNeedsNoCsrfHeader() {
        HttpResponse<String> answer = http.toBlocking()
                .exchange(
                        upload("cv.pdf", "application/pdf", pdf(RESUME_LINES, false))
                                .header("Authorization", session.bearer()),
                        String.class);
        assertThat(answer.code()).isEqualTo(200);
    }

    @Test
    void aCookieRequestWithoutTheCsrfHeaderIsRefused() {
        HttpClientResponseException e = refused(
                upload("cv.pdf", "application/pdf", pdf(RESUME_LINES, false)).header("Cookie", session.cookie()));
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("csrf_failed");
    }

    @Test
    void anonymousUploadsAreRefused() {
        assertThat(refused(upload("cv.pdf", "application/pdf", pdf(RESUME_LINES, false)))
                        .code())
                .isEqualTo(401);
    }

    @Test
    void wordAndTextFilesAreRefusedWithAClearMessage() {
        byte[] docx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
        assertThat(unreadable(
                        "cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx))
                .contains("Please upload your resume as a PDF file, or paste its text.");
        assertThat(unreadable(
                        "cv.txt", "text/plain", String.join("\n", RESUME_LINES).getBytes(StandardCharsets.UTF_8)))
                .contains("Please upload your resume as a PDF file");
        // a renamed file is judged by its content, not its name
        assertThat(unreadable("cv.pdf", "application/pdf", docx)).contains("as a PDF file");
    }

    @Test
    void aCorruptedPdfIsRefused() {
        byte[] good = pdf(RESUME_LINES, false);
        byte[] cut = Arrays.copyOf(good, 40);
        assertThat(unreadable("cv.pdf", "application/pdf", cut)).contains("seems damaged");
        byte[] garbage = "%PDF-1.7\nthis is not really a PDF at all".getBytes(StandardCharsets.US_ASCII);
        assertThat(unreadable("cv.pdf", "application/pdf", garbage)).contains("seems damaged");
    }

    @Test
    void anEmptyFileOrNoFileIsRefused() {
        assertThat(unreadable("cv.pdf", "application/pdf", new byte[0])).contains("The file is empty.");
        HttpClientResponseException none = refused(fromPage(HttpRequest.POST(
                        "/api/v1/tools/resume-text",
                        MultipartBody.builder().addPart("other", "x").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE)
                .header("Host", hostOf(university.subdomain()))));
        assertThat(none.code()).isEqualTo(422);
        assertThat(none.getResponse().getBody(String.class).orElse("")).contains("Please choose a PDF file.");
    }

    @Test
    void aFileOverFiveMegabytesIsRefused() {
        byte[] large = new byte[6 * 1024 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
        assertThat(unreadable("cv.pdf", "application/pdf", large)).contains("larger than 5 MB");
    }

    @Test
    void aPdfWithoutTextOrWithAPasswordIsExplained() {
        assertThat(unreadable("scan.pdf", "application/pdf", pdf(List.of(), false)))
                .contains("could not find text");
        assertThat(unreadable("locked.pdf", "application/pdf", pdf(RESUME_LINES, true)))
                .contains("password-protected");
    }

    /**
     * A small PDF whose one content stream inflates to {@code inflatedMegabytes} MB of valid
     * operators: the shape of the probe's 58 KB file that held a request for 42 s of CPU.
     */
    static byte[] inflatingPdf(int inflatedMegabytes) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            byte[] block = "q Q BT ET\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
            java.util.List<java.io.InputStream> parts = new java.util.ArrayList<>();
            for (int i = 0; i < inflatedMegabytes * 1024 * 1024 / block.length; i++) {
                parts.add(new java.io.ByteArrayInputStream(block));
            }
            java.io.InputStream huge = new java.io.SequenceInputStream(java.util.Collections.enumeration(parts));
            page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(
                    document, huge, org.apache.pdfbox.cos.COSName.FLATE_DECODE));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPdfWhoseStreamInflatesHugelyIsRefusedFastWithAClearMessage() {
        byte[] bomb = inflatingPdf(64);
        assertThat(bomb.length).as("a small file").isLessThan(1024 * 1024);

        long started = System.nanoTime();
        String body = unreadable("cv.pdf", "application/pdf", bomb);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(body).contains("too complex to read");
        assertThat(millis).as("refused long before the probe's 42 s").isLessThan(5_000);
    }

    @Test
    void aStudentUploadingTooOftenIsToldToWait() {
        SignedIn busy = sessions.signIn(fixtures.verifiedStudent(university));
        for (int i = 0; i < ResumeReader.PER_STUDENT.max(); i++) {
            assertThat(refused(upload("cv.pdf", "application/pdf", new byte[0]).header("Authorization", busy.bearer()))
                            .code())
                    .isEqualTo(422);
        }
        HttpClientResponseException limited =
                refused(upload("cv.pdf", "application/pdf", new byte[0]).header("Authorization", busy.bearer()));
        assertThat(limited.code()).isEqualTo(429);
        assertThat(limited.getResponse().header("Retry-After")).isNotBlank();
        assertThat(limited.getResponse().getBody(String.class).orElse("")).contains("\"error\":\"rate_limited\"");
    }

    /** A zip whose one entry inflates to {@code megabytes} MB of zeros. */
    static byte[] zipBomb(int megabytes) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("cv.pdf"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Hostile files at the one endpoint that accepts files today: each is refused with a message,
     * or (a PDF that is also HTML) only its text comes back, as JSON that browsers may not sniff.
     * Nothing is stored, so a name cannot travel anywhere.
     */
    @Test
    void hostileFilesAreRefusedOrNeutralised() {
        SignedIn tester = sessions.signIn(fixtures.verifiedStudent(university));
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] hugeImage = new byte[64];
        byte[] png = {
            (byte) 0x89,
            'P',
            'N',
            'G',
            '\r',
            '\n',
            0x1a,
            '\n',
            0,
            0,
            0,
            13,
            'I',
            'H',
            'D',
            'R',
            0x7f,
            -1,
            -1,
            -1,
            0x7f,
            -1,
            -1,
            -1,
            8,
            6,
            0,
            0,
            0
        };
        System.arraycopy(png, 0, hugeImage, 0, png.length);
        Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("bomb.zip", zipBomb(200));
        refused.put("cv.pdf", zipBomb(200)); // a zip bomb named like a PDF
        refused.put("photo.svg", svg);
        refused.put("cv.svg.pdf", svg);
        refused.put("huge.png", hugeImage);
        refused.put("../../../../etc/passwd.pdf", "root:x:0:0:root:/root:/bin/bash".getBytes(StandardCharsets.UTF_8));
        refused.forEach((name, content) -> {
            HttpClientResponseException e =
                    refused(upload(name, "application/octet-stream", content).header("Authorization", tester.bearer()));
            assertThat(e.code()).as(name).isEqualTo(422);
            assertThat(e.getResponse().getBody(String.class).orElse(""))
                    .as(name)
                    .contains("unreadable_file")
                    .doesNotContain("<script>");
        });

        List<String> polyglotLines = List.of(
                "<html><body><script>alert(document.cookie)</script></body></html>",
                "Jane Student - BSc Mathematics 2026 and a resume long enough to be read as text");
        HttpResponse<String> polyglot = http.toBlocking()
                .exchange(
                        upload("../cv.html.pdf", "text/html", pdf(polyglotLines, false))
                                .header("Authorization", tester.bearer()),
                        String.class);
        assertThat(polyglot.code()).isEqualTo(200);
        assertThat(polyglot.getContentType().orElseThrow().getName()).isEqualTo("application/json");
        assertThat(polyglot.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(polyglot.body()).startsWith("{\"text\":");
    }
}
