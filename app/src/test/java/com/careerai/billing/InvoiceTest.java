package com.careerai.billing;

import static com.careerai.testing.StripeTestEvents.checkoutSession;
import static com.careerai.testing.StripeTestEvents.event;
import static com.careerai.testing.StripeTestEvents.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Http;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Invoices: numbered per university without gaps when payments are confirmed concurrently, the
 * PDF shows what staff set and what was bought, and only the buyer and their university's staff
 * can download it.
 */
@MicronautTest(transactional = false)
class InvoiceTest extends BillingTestBase {
    @Inject
    Fixtures fixtures;

    @Inject
    PaymentStore payments;

    @Inject
    Catalogue catalogue;

    @Test
    void twentyConcurrentConfirmationsAreNumberedOneToTwentyWithoutGapsOrDuplicates() throws Exception {
        University uni = fixtures.university();
        User student = fixtures.verifiedStudent(uni);
        Product pack = catalogue.find("gold-10").orElseThrow();
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID paymentId = UUID.randomUUID();
            String sessionId = "cs_test_concurrent_" + uni.id() + "_" + i;
            fixtures.run(
                    uni,
                    () -> payments.insertIfAbsent(PaymentStore.NewPayment.of(
                            uni.id(), paymentId, student.id(), sessionId, pack, PaymentStatus.PENDING, null)));
            payloads.add(event(
                    "checkout.session.completed",
                    checkoutSession(
                            sessionId,
                            "payment",
                            metadata(uni.id(), student.id(), "gold-10", paymentId.toString()),
                            "paid",
                            900)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (String payload : payloads) {
                sent.add(pool.submit(() -> deliver(payload)));
            }
            for (Future<HttpResponse<String>> response : sent) {
                assertThat(response.get().code()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        List<Long> numbers = new ArrayList<>();
        for (long n = 1; n <= 20; n++) {
            numbers.add(count("SELECT count(*) FROM invoices WHERE university_id = ? AND number = ?", uni.id(), n));
        }
        assertThat(numbers).as("one invoice for each of 1..20").allMatch(found -> found == 1L);
        assertThat(count("SELECT count(*) FROM invoices WHERE university_id = ?", uni.id()))
                .isEqualTo(20);
        assertThat(count("SELECT count(DISTINCT payment_id) FROM invoices WHERE university_id = ?", uni.id()))
                .isEqualTo(20);
        assertThat(count("SELECT max(number) FROM invoices WHERE university_id = ?", uni.id()))
                .isEqualTo(20);
        assertThat(count("SELECT last_number FROM invoice_counters WHERE university_id = ?", uni.id()))
                .isEqualTo(20);
        assertThat(LongStream.rangeClosed(1, 20).mapToObj(n -> label(n))).allSatisfy(label -> assertThat(
                        count("SELECT count(*) FROM invoices WHERE university_id = ? AND label = ?", uni.id(), label))
                .isEqualTo(1));
        // a replayed confirmation issues nothing more
        deliver(payloads.get(0));
        assertThat(count("SELECT count(*) FROM invoices WHERE university_id = ?", uni.id()))
                .isEqualTo(20);
        // another university's numbering starts at 1 of its own
        University other = fixtures.university();
        Paid first = paidPack(other, fixtures.verifiedStudent(other), "gold-10", 900);
        assertThat(text("SELECT label FROM invoices WHERE payment_id = ?::uuid", first.paymentId()))
                .isEqualTo(label(1));
    }

    @Test
    void theInvoicePdfShowsTheSellerStaffSetTheBuyerTheLineTaxAndTotal() {
        University uni = fixtures.university();
        User staff = fixtures.staff(uni);

        HttpResponse<String> invalid = settings(uni, staff, "", "1 Main St", "", "120");
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("id=\"legalName-error\"")
                .contains("id=\"taxRate-error\"")
                .contains("value=\"120\"")
                .doesNotContain("id=\"address-error\"");
        HttpResponse<String> saved = settings(
                uni,
                staff,
                "Example University Trading Ltd",
                "Careers Service\r\n1 College Road\r\nCambridge",
                "GB123456789",
                "20");
        assertThat(saved.code()).as(saved.body()).isEqualTo(303);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE university_id = ? AND action = 'billing.invoice-settings.changed'",
                        uni.id()))
                .isEqualTo(1);
        assertThat(page(uni, staff, "/staff/billing/settings"))
                .contains("Example University Trading Ltd")
                .contains("GB123456789")
                .contains("value=\"20\"");

        User student = fixtures.verifiedStudent(uni);
        Paid paid = paidPack(uni, student, "gold-30", 2400);

        byte[] document = download(uni, student, "/billing/payments/" + paid.paymentId() + "/invoice.pdf");
        screenshot(document, "invoice-pdf");
        String pdf = pdfText(document);
        assertThat(pdf)
                .contains("Invoice")
                .contains(label(1))
                .contains("Example University Trading Ltd")
                .contains("1 College Road")
                .contains("Cambridge")
                .contains("Tax id: GB123456789")
                .contains(student.email())
                .contains("30 gold credits")
                .contains("Subtotal")
                .contains("$20.00")
                .contains("Tax 20 % (included in the price)")
                .contains("$4.00")
                .contains("Total paid")
                .contains("$24.00")
                .contains(String.valueOf(Year.now(ZoneOffset.UTC).getValue()));

        // staff from the payment's page and the API, the student through the API too
        assertThat(page(uni, staff, "/staff/payments/" + paid.paymentId()))
                .contains(label(1))
                .contains("/staff/payments/" + paid.paymentId() + "/invoice.pdf");
        assertThat(pdfText(download(uni, staff, "/staff/payments/" + paid.paymentId() + "/invoice.pdf")))
                .contains(label(1));
        assertThat(pdfText(api(uni, staff, paid.paymentId()))).contains("Example University Trading Ltd");
        assertThat(pdfText(api(uni, student, paid.paymentId()))).contains(label(1));
        // the student's receipt and payment list link it
        assertThat(page(uni, student, "/billing/payments/" + paid.paymentId() + "/receipt"))
                .contains("/billing/payments/" + paid.paymentId() + "/invoice.pdf")
                .contains(label(1));
        assertThat(page(uni, student, "/billing")).contains("/billing/payments/" + paid.paymentId() + "/invoice.pdf");

        // settings changed later do not rewrite an invoice already issued
        settings(uni, staff, "Renamed Ltd", "Elsewhere", "", "");
        assertThat(pdfText(api(uni, student, paid.paymentId())))
                .contains("Example University Trading Ltd")
                .doesNotContain("Renamed Ltd");
        Paid second = paidPack(uni, student, "gold-10", 900);
        assertThat(pdfText(api(uni, student, second.paymentId())))
                .contains(label(2))
                .contains("Renamed Ltd")
                .contains("No tax is charged")
                .doesNotContain("Subtotal");
    }

    @Test
    void onlyTheBuyerAndTheirUniversitysStaffGetTheInvoice() {
        University uni = fixtures.university();
        University other = fixtures.university();
        User student = fixtures.verifiedStudent(uni);
        Paid paid = paidPack(uni, student, "gold-10", 900);
        String path = "/billing/payments/" + paid.paymentId() + "/invoice.pdf";

        User classmate = fixtures.verifiedStudent(uni);
        assertThat(status(uni, classmate, path)).isEqualTo(404);
        assertThat(status(uni, classmate, "/api/v1/payments/" + paid.paymentId() + "/invoice.pdf"))
                .isEqualTo(404);
        assertThat(status(uni, classmate, "/staff/payments/" + paid.paymentId() + "/invoice.pdf"))
                .isEqualTo(403);

        User outsider = fixtures.staff(other);
        assertThat(status(other, outsider, "/staff/payments/" + paid.paymentId() + "/invoice.pdf"))
                .isEqualTo(404);
        assertThat(status(other, outsider, "/api/v1/payments/" + paid.paymentId() + "/invoice.pdf"))
                .isEqualTo(404);

        Started pending = checkout(uni, student, "gold-10");
        assertThat(status(uni, student, "/billing/payments/" + pending.paymentId() + "/invoice.pdf"))
                .isEqualTo(404);
        assertThat(status(uni, student, "/billing/payments/not-a-uuid/invoice.pdf"))
                .isEqualTo(404);
        assertThat(Http.exchange(client, HttpRequest.GET(path).header("Host", hostOf(uni.subdomain())))
                        .code())
                .isIn(302, 303, 401);
        assertThat(status(uni, student, path)).isEqualTo(200);
    }

    @Test
    void aPaymentConfirmedBeforeInvoicesExistedIsNumberedAtItsFirstDownloadOnce() {
        University uni = fixtures.university();
        User student = fixtures.verifiedStudent(uni);
        Paid early = paidPack(uni, student, "gold-10", 900);
        Paid later = paidPack(uni, student, "gold-10", 900);
        // as if confirmed before V77: no invoice, and the counter where the later one left it
        execute("DELETE FROM invoices WHERE payment_id = ?::uuid", early.paymentId());

        String first = pdfText(api(uni, student, early.paymentId()));
        String again = pdfText(api(uni, student, early.paymentId()));

        assertThat(first).contains(label(3));
        assertThat(again).contains(label(3));
        assertThat(text("SELECT label FROM invoices WHERE payment_id = ?::uuid", later.paymentId()))
                .isEqualTo(label(2));
        assertThat(count("SELECT count(*) FROM invoices WHERE university_id = ?", uni.id()))
                .isEqualTo(2);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Paid(User student, String paymentId) {}

    private Paid paidPack(University university, User student, String product, long amount) {
        Started started = checkout(university, student, product);
        deliver(event(
                "checkout.session.completed",
                checkoutSession(
                        started.sessionId(),
                        "payment",
                        metadata(university.id(), student.id(), product, started.paymentId()),
                        "paid",
                        amount)));
        return new Paid(student, started.paymentId());
    }

    private static String label(long number) {
        return String.format("INV-%d-%06d", Year.now(ZoneOffset.UTC).getValue(), number);
    }

    private HttpResponse<String> settings(
            University university, User staff, String legalName, String address, String taxId, String taxRate) {
        SignedIn session = sessions.signIn(staff);
        Map<String, String> form = new HashMap<>();
        form.put("legalName", legalName);
        form.put("address", address);
        form.put("taxId", taxId);
        form.put("taxRate", taxRate);
        form.put("csrf", session.csrf());
        return Http.exchange(
                client,
                HttpRequest.POST("/staff/billing/settings", form)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(university.subdomain())));
    }

    private String page(University university, User user, String path) {
        SignedIn session = sessions.signIn(user);
        HttpResponse<String> response = Http.exchange(
                client,
                HttpRequest.GET(path)
                        .accept(MediaType.TEXT_HTML)
                        .header("Cookie", session.cookie())
                        .header("Host", hostOf(university.subdomain())));
        assertThat(response.code()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private MutableHttpRequest<?> asUser(University university, User user, String path) {
        SignedIn session = sessions.signIn(user);
        return HttpRequest.GET(path)
                .accept(MediaType.of("application/pdf"), MediaType.TEXT_HTML_TYPE)
                .header("Cookie", session.cookie())
                .header("Host", hostOf(university.subdomain()));
    }

    private byte[] download(University university, User user, String path) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(asUser(university, user, path), byte[].class);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getContentType().map(Object::toString)).contains("application/pdf");
        assertThat(response.header("Content-Disposition")).contains("INV-");
        return response.body();
    }

    private byte[] api(University university, User user, String paymentId) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/payments/" + paymentId + "/invoice.pdf")
                                .accept(MediaType.of("application/pdf"))
                                .header("Host", hostOf(university.subdomain()))
                                .header("Authorization", sessions.signIn(user).bearer()),
                        byte[].class);
    }

    private int status(University university, User user, String path) {
        MutableHttpRequest<?> request = path.startsWith("/api/")
                ? HttpRequest.GET(path)
                        .accept(MediaType.APPLICATION_JSON_TYPE)
                        .header("Host", hostOf(university.subdomain()))
                        .header("Authorization", sessions.signIn(user).bearer())
                : asUser(university, user, path);
        try {
            return client.toBlocking().exchange(request, byte[].class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** The first page as target/screenshots/<name>.png, for a reviewer's eye. */
    private static void screenshot(byte[] pdf, String name) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            java.nio.file.Path directory = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(directory);
            javax.imageio.ImageIO.write(
                    new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72),
                    "png",
                    directory.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
