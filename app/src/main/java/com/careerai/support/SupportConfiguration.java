package com.careerai.support;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;

/** Support settings ({@code careerai.support.*}). */
@ConfigurationProperties("careerai.support")
public class SupportConfiguration {
    private long maxAttachmentSize = 10L * 1024 * 1024;

    /**
     * The largest file that may be attached to a ticket (default 10 MB,
     * {@code CAREERAI_SUPPORT_MAX_ATTACHMENT_SIZE}); must stay below Micronaut's multipart limit.
     */
    public long getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    public void setMaxAttachmentSize(@ReadableBytes long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }
}
