package com.careerai.leads;

import static com.careerai.platform.data.SqlRows.parameters;

import com.careerai.notifications.MailMessage;
import com.careerai.notifications.Mailer;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sales leads of the platform's own site: validated, stored through the platform functions of V25
 * (the table belongs to {@code careerai_platform}; this role may only call them), and emailed to
 * the operators ({@code careerai.leads.sales-email}) once stored. Listed by {@code tenant-admin leads}.
 */
@Singleton
public class SalesLeads {
    private static final Logger LOG = LoggerFactory.getLogger(SalesLeads.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_ORGANISATION = 200;

    /** What a visitor typed into the platform's contact form. */
    record Submitted(String name, String email, String phone, String organisation, String message, boolean consent) {}

    private final JdbcOperations jdbc;
    private final Mailer mailer;
    private final LeadsConfiguration configuration;

    SalesLeads(JdbcOperations jdbc, Mailer mailer, LeadsConfiguration configuration) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.configuration = configuration;
    }

    /**
     * Stores the lead and tells the operators.
     *
     * @throws LeadException with a message per invalid field
     */
    long receive(Submitted submitted) {
        SalesLead lead = validated(submitted);
        long id = record(lead);
        notifyOperators(new SalesLead(
                id, lead.name(), lead.email(), lead.phone(), lead.organisation(), lead.message(), Instant.now()));
        return id;
    }

    @Transactional
    long record(SalesLead lead) {
        return SqlRows.single(
                jdbc,
                "SELECT platform_record_sales_lead(?, ?, ?, ?, ?)",
                parameters(lead.name(), lead.email(), lead.phone(), lead.organisation(), lead.message()),
                row -> row.getLong(1));
    }

    /** Sales leads received since {@code since}, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<SalesLead> since(Instant since, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT id, name, email, phone, organisation, message, created_at FROM platform_sales_leads(?, ?)",
                parameters(Timestamp.from(since), limit),
                row -> new SalesLead(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("email"),
                        row.getString("phone"),
                        row.getString("organisation"),
                        row.getString("message"),
                        row.getTimestamp("created_at").toInstant()));
    }

    private static SalesLead validated(Submitted submitted) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = clean(submitted.name());
        if (name.isEmpty() || name.length() > Leads.MAX_NAME || hasControlCharacters(name)) {
            errors.put("name", "Enter your name (up to " + Leads.MAX_NAME + " characters).");
        }
        String email = clean(submitted.email()).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.put("email", "Enter an email address like name@university.edu.");
        }
        String phone = null;
        if (!clean(submitted.phone()).isEmpty()) {
            try {
                phone = PhoneNumbers.e164(submitted.phone(), null);
            } catch (LeadException e) {
                errors.putAll(e.fields());
            }
        }
        String organisation = clean(submitted.organisation());
        if (organisation.isEmpty() || organisation.length() > MAX_ORGANISATION || hasControlCharacters(organisation)) {
            errors.put(
                    "organisation",
                    "Enter your university or organisation (up to " + MAX_ORGANISATION + " characters).");
        }
        String message = clean(submitted.message());
        if (message.length() > Leads.MAX_MESSAGE) {
            errors.put("message", "Keep your message under " + Leads.MAX_MESSAGE + " characters.");
        }
        if (!submitted.consent()) {
            errors.put("consent", "Tick the box to let us contact you, or we cannot reply.");
        }
        if (!errors.isEmpty()) {
            throw new LeadException(errors);
        }
        return new SalesLead(0, name, email, phone, organisation, message.isEmpty() ? null : message, Instant.now());
    }

    /** One email to the operators; a failure is logged, the lead stays listed in {@code tenant-admin leads}. */
    private void notifyOperators(SalesLead lead) {
        String to = configuration.getSalesEmail();
        if (to == null || to.isBlank()) {
            LOG.info("Sales lead {} stored; careerai.leads.sales-email is not set, so nobody was emailed", lead.id());
            return;
        }
        String text = "A new sales lead from the CareerAI contact page:\n\n"
                + "Name: " + lead.name() + "\n"
                + "Email: " + lead.email() + "\n"
                + "Phone: " + (lead.phone() == null ? "-" : lead.phone()) + "\n"
                + "Organisation: " + lead.organisation() + "\n\n"
                + (lead.message() == null ? "(no message)" : lead.message()) + "\n\n"
                + "All leads: tenant-admin leads --since 30d\n";
        String html = "<pre style=\"font-family:inherit;white-space:pre-wrap\">" + escape(text) + "</pre>";
        try {
            mailer.send(new MailMessage(
                    to,
                    "CareerAI",
                    "Sales lead: " + oneLine(lead.organisation()) + " (" + oneLine(lead.name()) + ")",
                    html,
                    text,
                    Map.of("Reply-To", lead.email(), "X-CareerAI-Sales-Lead", String.valueOf(lead.id()))));
        } catch (RuntimeException e) { // MailDeliveryException, or a transport misconfiguration
            LOG.warn("Sales lead {} stored but the email to the operators failed: {}", lead.id(), e.toString());
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String clean(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
