package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counsellor's own pages: photo upload (validated, re-encoded, served safely) and the availability form. */
@MicronautTest(transactional = false)
class CounsellorProfilePagesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Fixtures fixtures;

    @Inject
    CounsellingFixtures counselling;

    @Inject
    TestSessions sessions;

    University uni;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.follow-redirects", "false");
    }

    @BeforeAll
    void setUp() {
        uni = fixtures.university();
    }

    private HttpResponse<String> get(University at, String path, SignedIn session) {
        return new CounsellingPages(client).get(at, path, session);
    }

    private HttpResponse<byte[]> photo(University at, long counsellorId, SignedIn session) {
        try {
            return client.toBlocking()
                    .exchange(
                            HttpRequest.GET("/counselling/photos/" + counsellorId)
                                    .header("Cookie", session.cookie())
                                    .header("Host", hostOf(at.subdomain())),
                            byte[].class);
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<byte[]> failed = (HttpResponse<byte[]>) e.getResponse();
            return failed;
        }
    }

    private HttpResponse<String> upload(SignedIn session, String fileName, MediaType type, byte[] bytes) {
        MultipartBody body =
                MultipartBody.builder().addPart("photo", fileName, type, bytes).build();
        return Http.exchange(
                client,
                HttpRequest.POST("/counsellor/profile/photo?csrf=" + session.csrf(), body)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .accept("text/html")
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(uni.subdomain())));
    }

    private HttpResponse<String> postForm(String path, SignedIn session, Map<String, String> form) {
        return new CounsellingPages(client).post(uni, path, session, form);
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xA3, 0x1F, 0x34));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG header claiming a 50000×50000 picture: refused from the header, before any decoding. */
    private static byte[] hugePngHeader() {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(50_000)
                .putInt(50_000)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer file = ByteBuffer.allocate(8 + 4 + 17 + 4);
        file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue());
        return file.array();
    }

    @Test
    void aPngIsAcceptedAndServedReEncodedAsASquareJpegOnTheCounsellorsPages() throws Exception {
        User counsellor = counselling.counsellor(uni);
        SignedIn session = sessions.signIn(counsellor);
        byte[] upload = png(600, 400);

        HttpResponse<String> uploaded = upload(session, "me.png", MediaType.IMAGE_PNG_TYPE, upload);

        assertThat(uploaded.code()).as(uploaded.body()).isEqualTo(303);
        assertThat(uploaded.header("Location")).isEqualTo("/counsellor/profile?saved=photo");
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(uni));
        HttpResponse<byte[]> served = photo(uni, counsellor.id(), student);
        assertThat(served.code()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("image/jpeg");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        byte[] jpeg = served.body();
        assertThat(Arrays.copyOf(jpeg, 3)).containsExactly(0xFF, 0xD8, 0xFF);
        assertThat(jpeg).isNotEqualTo(upload);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(decoded.getWidth()).isEqualTo(CounsellorPhotos.SIDE);
        assertThat(decoded.getHeight()).isEqualTo(CounsellorPhotos.SIDE);

        String photoUrl = "/counselling/photos/" + counsellor.id();
        assertThat(get(uni, "/counselling", student).body()).contains(photoUrl);
        assertThat(get(uni, "/counselling/book/" + counsellor.id(), student).body())
                .contains(photoUrl);
        assertThat(get(uni, "/counsellor/profile?saved=photo", session).body())
                .contains(photoUrl)
                .contains("Your photo is saved");
    }

    @Test
    void anHtmlFileNamedPngAnOversizedFileAndHugeDimensionsAreRefusedWithAClearMessage() {
        User counsellor = counselling.counsellor(uni);
        SignedIn session = sessions.signIn(counsellor);

        HttpResponse<String> html = upload(
                session,
                "me.png",
                MediaType.IMAGE_PNG_TYPE,
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.code()).isEqualTo(422);
        assertThat(html.body()).contains("This file is not a JPEG or PNG picture.");

        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(hugePngHeader(), 0, big, 0, 8);
        HttpResponse<String> oversized = upload(session, "big.png", MediaType.IMAGE_PNG_TYPE, big);
        assertThat(oversized.code()).isEqualTo(422);
        assertThat(oversized.body()).contains("too large");

        HttpResponse<String> huge = upload(session, "huge.png", MediaType.IMAGE_PNG_TYPE, hugePngHeader());
        assertThat(huge.code()).isEqualTo(422);
        assertThat(huge.body()).contains("50000×50000 pixels");

        assertThat(photo(uni, counsellor.id(), session).code()).isEqualTo(404);
    }

    @Test
    void studentsCannotOpenCounsellorPagesAndAnotherUniversitySeesNoPhoto() throws Exception {
        User counsellor = counselling.counsellor(uni);
        SignedIn session = sessions.signIn(counsellor);
        assertThat(upload(session, "me.png", MediaType.IMAGE_PNG_TYPE, png(300, 300))
                        .code())
                .isEqualTo(303);

        assertThat(get(uni, "/counsellor/profile", null).code()).isEqualTo(303);
        assertThat(get(uni, "/counsellor/availability", null).code()).isEqualTo(303);
        SignedIn student = sessions.signIn(fixtures.verifiedStudent(uni));
        assertThat(get(uni, "/counsellor/profile", student).code()).isEqualTo(403);
        assertThat(get(uni, "/counsellor/availability", student).code()).isEqualTo(403);

        University other = fixtures.university();
        SignedIn rival = sessions.signIn(fixtures.verifiedStudent(other));
        assertThat(photo(other, counsellor.id(), rival).code()).isEqualTo(404);
    }

    @Test
    void theAvailabilityFormSavesHoursOverridesAndSettingsAndExplainsMistakesBesideTheFields() {
        User counsellor = counselling.counsellor(uni);
        SignedIn session = sessions.signIn(counsellor);
        assertThat(get(uni, "/counsellor/availability", session).body())
                .contains("Weekly hours")
                .contains("name=\"day1\" value=\"00:00-23:30\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("timeZone", "America/New_York");
        form.put("day1", "09:00-12:00, 13:00-17:00");
        form.put("day3", "9:30-11:00");
        java.time.LocalDate soon = java.time.LocalDate.now().plusMonths(2);
        form.put("overrides", soon + " off\n" + soon.plusDays(3) + " 10:00-14:00");
        form.put("bufferBeforeMinutes", "10");
        form.put("bufferAfterMinutes", "5");
        form.put("minimumNoticeMinutes", "240");
        form.put("bookingWindowDays", "21");
        form.put("slotIntervalMinutes", "15");
        HttpResponse<String> saved = postForm("/counsellor/availability", session, form);
        assertThat(saved.code()).as(saved.body()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/counsellor/availability?saved=1");

        assertThat(get(uni, "/counsellor/availability?saved=1", session).body())
                .contains("value=\"America/New_York\"")
                .contains("name=\"day1\" value=\"09:00-12:00, 13:00-17:00\"")
                .contains("name=\"day3\" value=\"09:30-11:00\"")
                .contains(soon + " off")
                .contains(soon.plusDays(3) + " 10:00-14:00")
                .contains("name=\"slotIntervalMinutes\" inputmode=\"numeric\" value=\"15\"");

        form.put("timeZone", "Mars/Olympus");
        form.put("day2", "nine to five");
        form.put("overrides", "christmas");
        form.put("bookingWindowDays", "0");
        form.put("slotIntervalMinutes", "lots");
        HttpResponse<String> refused = postForm("/counsellor/availability", session, form);
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Give an IANA time zone such as Europe/London.")
                .contains("Write hours as 09:00-12:00")
                .contains("write one date a line")
                .contains("Enter a number from 1 to 365.")
                .contains("Enter a whole number.")
                .contains("value=\"nine to five\"");
        // nothing of the refused form was kept
        assertThat(get(uni, "/counsellor/availability", session).body()).contains("value=\"America/New_York\"");
    }

    @Test
    void aCounsellorEditsNameBioExpertiseAndLanguagesAndBadInputComesBackWith422() {
        User counsellor = counselling.counsellor(uni);
        SignedIn session = sessions.signIn(counsellor);
        CounsellingPages pages = new CounsellingPages(client);
        assertThat(get(uni, "/counsellor/profile", session).body()).contains("id=\"about\"");

        HttpResponse<String> refused = pages.post(
                uni,
                "/counsellor/profile",
                session,
                Map.of("name", "Dr Rivers", "bio", "Too short", "expertise", "", "languages", "English"));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Tell students about yourself in 20 to 4000 characters.")
                .contains("List one to ten areas")
                .contains("value=\"Dr Rivers\"");

        HttpResponse<String> saved = pages.post(
                uni,
                "/counsellor/profile",
                session,
                Map.of(
                        "name", "Dr Rivers",
                        "bio", "Ten years helping engineers into their first roles.",
                        "expertise", "Software, Data Science",
                        "languages", "English, Tamil"));
        assertThat(saved.code()).isEqualTo(303);
        assertThat(get(uni, "/counsellor/profile?saved=profile", session).body())
                .contains("Your profile is saved.")
                .contains("Dr Rivers")
                .contains("Ten years helping engineers")
                .contains("data science")
                .contains("English, Tamil");
    }
}
