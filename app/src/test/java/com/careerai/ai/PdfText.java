package com.careerai.ai;

import com.careerai.auth.SignedInUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a run's stored PDF, read back with PDFBox. */
final class PdfText {
    private PdfText() {}

    static String of(RunDocuments documents, AiRun run, SignedInUser owner) {
        byte[] pdf =
                documents.pdfOf(owner.universityId(), owner.userId(), run.id()).orElseThrow();
        return of(pdf);
    }

    static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
