package com.careerai.platform.pdf;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import org.xhtmlrenderer.pdf.ITextRenderer;

/** Flying Saucer (OpenPDF) rendering of XHTML + CSS 2.1 paged media. */
@Singleton
class FlyingSaucerPdfRenderer implements PdfRenderer {

    @Override
    public byte[] render(String xhtml) {
        ITextRenderer renderer = new ITextRenderer();
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.createPDF(out);
        renderer.finishPDF();
        return out.toByteArray();
    }
}
