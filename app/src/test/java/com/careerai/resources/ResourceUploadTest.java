package com.careerai.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.resources.ResourcesApi.Upload;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What may be uploaded as a resource, decided from the content; each refusal a 422 with its reason. */
@MicronautTest(transactional = false)
class ResourceUploadTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    UserAccounts users;

    @Inject
    Interests interests;

    ResourcesApi api;
    University uni;
    SignedIn staff;
    SignedIn counsellor;
    Interest software;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.resources.max-file-size", "64KB");
    }

    @BeforeAll
    void setUp() {
        api = new ResourcesApi(client, json);
        uni = fixtures.university();
        staff = sessions.signIn(fixtures.staff(uni));
        User coach = fixtures.in(
                uni, () -> users.ensure(uni.id(), "coach@" + uni.subdomain() + ".edu", "Coach", Role.COUNSELLOR));
        counsellor = sessions.signIn(coach);
        software = fixtures.in(uni, () -> interests.add(uni.id(), "Software", "test"));
    }

    private Map<String, String> fields(String title) {
        Map<String, String> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("description", "About " + title);
        fields.put("interests", String.valueOf(software.id()));
        fields.put("access", "everyone");
        return fields;
    }

    private HttpResponse<String> upload(String name, String declared, byte[] content) {
        return api.share(uni.subdomain(), staff, fields("File " + name), new Upload(name, declared, content));
    }

    private void refused(HttpResponse<String> response, String reason) {
        assertThat(response.code()).as(response.body()).isEqualTo(422);
        Map<String, Object> error = api.map(response);
        assertThat(error).containsEntry("error", "file_refused");
        assertThat((String) error.get("message")).contains(reason);
        assertThat(error.get("fields"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("file");
    }

    @Test
    void anExecutableRenamedToPdfIsRefusedAsAProgram() {
        refused(upload("guide.pdf", "application/pdf", ResourceSamples.executable()), "is a program");
    }

    @Test
    void htmlDeclaredAsAnImageIsRefusedAsAWebPage() {
        refused(upload("cat.png", "image/png", ResourceSamples.html()), "web page");
    }

    @Test
    void aFileOverTheConfiguredSizeIsRefused() {
        refused(upload("big.pdf", "application/pdf", ResourceSamples.pdfOfSize(65 * 1024)), "larger than 64 KB");
        assertThat(upload("fits.pdf", "application/pdf", ResourceSamples.pdfOfSize(63 * 1024))
                        .code())
                .isEqualTo(201);
    }

    @Test
    void anEmptyFileIsRefused() {
        refused(upload("empty.pdf", "application/pdf", new byte[0]), "empty");
    }

    @Test
    void aPathInTheFileNameIsRefused() {
        refused(upload("../../etc/cron.pdf", "application/pdf", ResourceSamples.pdf()), "path");
        refused(upload("home/me/cv.pdf", "application/pdf", ResourceSamples.pdf()), "path");
    }

    @Test
    void officeDocumentsAreToldApartByTheirContentAndMacrosRefused() {
        HttpResponse<String> docx = upload("notes.bin", "application/octet-stream", ResourceSamples.docx());
        assertThat(docx.code()).as(docx.body()).isEqualTo(201);
        assertThat(api.map(docx)).containsEntry("type", "docx").containsEntry("fileName", "file-notes-bin.docx");
        HttpResponse<String> pptx = upload("slides.pdf", "application/pdf", ResourceSamples.pptx());
        assertThat(api.map(pptx)).containsEntry("type", "pptx");
        refused(upload("sheet.xlsx", "application/vnd.ms-excel", ResourceSamples.xlsxWithMacros()), "macros");
        refused(upload("archive.docx", "application/zip", zipWithout()), "not an Office document");
    }

    private static byte[] zipWithout() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void imagesAreReencodedAndServedAsAttachmentsUnderAServerMadeName() throws IOException {
        HttpResponse<String> created = upload("Me & <my> photo.png", "image/png", ResourceSamples.pngWithTrailer());
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        Map<String, Object> image = api.map(created);
        assertThat(image).containsEntry("type", "image").containsEntry("fileName", "file-me-my-photo-png.png");

        HttpResponse<byte[]> download = api.download(uni.subdomain(), staff, api.id(created));
        assertThat(download.code()).isEqualTo(200);
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment; filename=\"file-me-my-photo-png.png\"");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Type")).startsWith("image/png");
        byte[] served = download.body();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(decoded.getWidth()).isEqualTo(8);
        assertThat(decoded.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void linksAndVideosNeedAWebAddressAndVideosAreRecognised() {
        Map<String, String> link = fields("Job board");
        link.put("url", "https://jobs.example.com/graduates");
        HttpResponse<String> created = api.share(uni.subdomain(), staff, link, null);
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(api.map(created)).containsEntry("type", "link").containsEntry("status", "approved");

        Map<String, String> video = fields("Interview tips");
        video.put("url", "https://youtu.be/abc123");
        assertThat(api.map(api.share(uni.subdomain(), staff, video, null))).containsEntry("type", "video");

        Map<String, String> script = fields("Bad link");
        script.put("url", "javascript:alert(1)");
        HttpResponse<String> refused = api.share(uni.subdomain(), staff, script, null);
        assertThat(refused.code()).isEqualTo(422);
        assertThat(api.map(refused).get("fields").toString()).contains("url");

        HttpResponse<String> nothing = api.share(uni.subdomain(), staff, fields("Nothing"), null);
        assertThat(nothing.code()).isEqualTo(422);
        assertThat(api.map(nothing).get("fields").toString()).contains("file");
    }

    @Test
    void formFieldsAreCheckedWithMessagesPerField() {
        Map<String, String> bad = fields("");
        bad.put("interests", "999999");
        bad.put("access", "gold");
        HttpResponse<String> refused =
                api.share(uni.subdomain(), staff, bad, new Upload("a.pdf", "application/pdf", ResourceSamples.pdf()));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(api.map(refused)).containsEntry("error", "invalid_input");
        assertThat(api.map(refused).get("fields").toString()).contains("title", "interests", "access");
        Map<String, String> control = fields("Tab\u0007bell");
        assertThat(api.share(
                                uni.subdomain(),
                                staff,
                                control,
                                new Upload("a.pdf", "application/pdf", ResourceSamples.pdf()))
                        .code())
                .isEqualTo(422);
    }

    @Test
    void studentsCannotShareAndAnonymousCallersAreRefused() {
        SignedIn student = sessions.signIn(fixtures.student(uni));
        HttpResponse<String> refused = api.share(
                uni.subdomain(),
                student,
                fields("Mine"),
                new Upload("a.pdf", "application/pdf", ResourceSamples.pdf()));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(api.get(uni.subdomain(), null, "/api/v1/resources").code()).isEqualTo(401);
        HttpResponse<String> byCounsellor = api.share(
                uni.subdomain(),
                counsellor,
                fields("Counsellor guide"),
                new Upload("a.pdf", "application/pdf", ResourceSamples.pdf()));
        assertThat(byCounsellor.code()).as(byCounsellor.body()).isEqualTo(201);
        assertThat(api.map(byCounsellor)).containsEntry("status", "pending");
    }
}
