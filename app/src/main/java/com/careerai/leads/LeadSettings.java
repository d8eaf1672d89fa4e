package com.careerai.leads;

import io.micronaut.core.annotation.Nullable;

/**
 * A university's lead follow-up settings.
 *
 * @param defaultRegion ISO country ("GB") a phone number without + is read in, or null (then + is required)
 * @param whatsappTemplate the WhatsApp message, plain text with {@code {{name}}}-style placeholders
 * @param callScript what the welcome call says, same placeholders
 */
public record LeadSettings(@Nullable String defaultRegion, String whatsappTemplate, String callScript) {
    static final String DEFAULT_WHATSAPP = "Hi {{name}}, thank you for asking {{university}} about {{topic}}."
            + " We have emailed you the details and an adviser will be in touch soon.";
    static final String DEFAULT_CALL = "Hello {{name}}. Thank you for contacting {{university}} about {{topic}}."
            + " We have sent you the details by email, and an adviser will call you back soon. Goodbye.";

    static LeadSettings defaults() {
        return new LeadSettings(null, DEFAULT_WHATSAPP, DEFAULT_CALL);
    }
}
