package com.careerai.platform.pdf;

/** Turns an XHTML document (with CSS, including {@code @page} rules) into PDF bytes. */
public interface PdfRenderer {
    byte[] render(String xhtml);
}
