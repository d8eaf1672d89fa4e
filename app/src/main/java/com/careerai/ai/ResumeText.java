package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text of an uploaded resume (PDF). The file itself is never stored. */
public final class ResumeText {
    public static final int MAX_BYTES = 5 * 1024 * 1024;

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
    public static String extract(String filename, byte[] content) {
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
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                throw new UnreadableResumeException(
                        "This PDF is password-protected. Please upload an unprotected copy.");
            }
            String text = new PDFTextStripper()
                    .getText(document)
                    .replaceAll("[ \\t]+\\n", "\n")
                    .strip();
            if (text.length() < 50) {
                throw new UnreadableResumeException(
                        "We could not find text in this PDF (is it a scan?). Please paste your resume instead.");
            }
            return text.length() > 30_000 ? text.substring(0, 30_000) : text;
        } catch (InvalidPasswordException e) {
            throw new UnreadableResumeException("This PDF is password-protected. Please upload an unprotected copy.");
        } catch (IOException e) {
            throw new UnreadableResumeException(
                    "This PDF seems damaged and cannot be read. Please paste your resume instead.");
        }
    }
}
