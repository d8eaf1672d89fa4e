package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Text of an uploaded resume (PDF). The file itself is never stored. */
public final class ResumeText {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Text kept from a resume; extraction stops once it has this much. */
    public static final int MAX_TEXT = 30_000;
    /** Pages read: a resume longer than this is read only this far. */
    public static final int MAX_PAGES = 20;
    /** Unpacked size of the pages' content read at most: a small file can inflate to gigabytes. */
    public static final long MAX_INFLATED_BYTES = 8L * 1024 * 1024;

    static final String TOO_COMPLEX = "This PDF is too complex to read (it unpacks to far more than a resume). "
            + "Please export it again as a simple PDF, or paste your resume instead.";

    private ResumeText() {}

    /** Thrown for files we cannot read: 422 with the reason on the {@code file} field. */
    public static final class UnreadableResumeException extends ProblemException {
        private static final long serialVersionUID = 1L;

        public UnreadableResumeException(String message) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable_file", message);
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("file", getMessage());
        }
    }

    /** The text of a PDF resume, or 422 {@code unreadable_file} saying what is wrong with the file. */
    public static String extract(String filename, byte[] content, Instant deadline) {
        if (content == null || content.length == 0) {
            throw new UnreadableResumeException("The file is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new UnreadableResumeException("The file is larger than 5 MB.");
        }
        boolean pdfName =
                filename != null && filename.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
        boolean pdfMagic =
                content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F';
        if (!pdfName || !pdfMagic) {
            throw new UnreadableResumeException("Please upload your resume as a PDF file, or paste its text.");
        }
        try (PDDocument document = Loader.loadPDF(
                content, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_BYTES * 2L).streamCache)) {
            if (document.isEncrypted()) {
                throw new UnreadableResumeException(
                        "This PDF is password-protected. Please upload an unprotected copy.");
            }
            requireReasonableSize(document);
            CappedTextStripper stripper = new CappedTextStripper(MAX_TEXT, deadline);
            stripper.setEndPage(MAX_PAGES);
            String text =
                    stripper.textOf(document).replaceAll("[ \\t]+\\n", "\n").strip();
            if (text.length() < 50) {
                throw new UnreadableResumeException(
                        "We could not find text in this PDF (is it a scan?). Please paste your resume instead.");
            }
            return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        } catch (CappedTextStripper.TooComplexException e) {
            throw new UnreadableResumeException(TOO_COMPLEX);
        } catch (InvalidPasswordException e) {
            throw new UnreadableResumeException("This PDF is password-protected. Please upload an unprotected copy.");
        } catch (IOException e) {
            throw new UnreadableResumeException(
                    "This PDF seems damaged and cannot be read. Please paste your resume instead.");
        }
    }

    /** Unpacks the read pages' content streams, counting, and refuses a document that unpacks too far. */
    private static void requireReasonableSize(PDDocument document) throws IOException {
        long total = 0;
        int pages = 0;
        byte[] buffer = new byte[64 * 1024];
        for (PDPage page : document.getPages()) {
            if (++pages > MAX_PAGES) {
                break;
            }
            Iterator<PDStream> streams = page.getContentStreams();
            while (streams.hasNext()) {
                try (InputStream in = streams.next().createInputStream()) {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        total += read;
                        if (total > MAX_INFLATED_BYTES) {
                            throw new UnreadableResumeException(TOO_COMPLEX);
                        }
                    }
                }
            }
        }
    }

    /**
     * Text of the first pages that stops as soon as it has {@code maxText} characters or the
     * deadline passes (checked at every content-stream operator, so a hostile stream cannot hold
     * the thread).
     */
    static final class CappedTextStripper extends PDFTextStripper {
        static final class TooComplexException extends IOException {
            private static final long serialVersionUID = 1L;

            TooComplexException() {
                super("PDF too complex to read in time");
            }
        }

        private static final class Enough extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Enough() {
                super(null, null, false, false);
            }
        }

        private final int maxText;
        private final Instant deadline;
        private final StringWriter collected = new StringWriter();
        private long operators;

        CappedTextStripper(int maxText, Instant deadline) {
            this.maxText = maxText;
            this.deadline = deadline;
        }

        String textOf(PDDocument document) throws IOException {
            try {
                writeText(document, collected);
            } catch (Enough enough) {
                // the cap was reached: what we have is all we keep
            }
            return collected.toString();
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ((++operators & 0xff) == 0
                    && (Thread.currentThread().isInterrupted() || Instant.now().isAfter(deadline))) {
                throw new TooComplexException();
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            super.writeString(text, positions);
            if (collected.getBuffer().length() > maxText) {
                throw new Enough();
            }
        }
    }
}
