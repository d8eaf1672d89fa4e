package com.careerai.notifications;

/**
 * The emails CareerAI sends. Each has three Handlebars views under {@code views/mail/}:
 * {@code <name>-subject}, {@code <name>-html} and {@code <name>-text}; every view also gets
 * {@code university} (name, subdomain, brandColor) and {@code siteUrl}.
 */
public enum MailTemplate {
    /** Model: {@code minutes}; secret: {@code code}. */
    SIGN_IN_CODE("sign-in-code"),
    /** Model: {@code role} (e.g. "staff"), {@code roleArticle} ("a counsellor"). */
    INVITATION("invitation"),
    /**
     * A payment receipt (billing). Model: {@code name}, {@code description}, {@code amount},
     * {@code credits}, {@code paidOn}, {@code reference}, {@code receiptPath}, {@code plan} (non-empty
     * for a plan payment).
     */
    RECEIPT("receipt"),
    /**
     * A counselling message (booked, moved, cancelled, reminder, waitlist offer, approval).
     * Model: {@code subject}, {@code name}, {@code heading}, {@code body}, {@code when} (may be
     * empty), {@code link} (a path on the university's site) and {@code linkLabel}.
     */
    COUNSELLING("counselling"),
    /**
     * An important in-app notification or a staff announcement, also by email (inbox). Model:
     * {@code subject}, {@code name}, {@code kindLabel}, {@code title}, {@code body} (plain text),
     * {@code bodyHtml} (the body escaped, links and line breaks made HTML), {@code link} (a path on
     * the university's site, may be empty), {@code preferencesPath}.
     */
    NOTIFICATION("notification"),
    /**
     * A decision about a resource someone shared (approved, or rejected with the reason). Model:
     * {@code subject}, {@code name}, {@code heading}, {@code body}, {@code link} (a path on the
     * university's site) and {@code linkLabel}.
     */
    RESOURCE("resource"),
    /**
     * A lead's automatic follow-up (leads): thanks and what they asked about. Model: {@code name},
     * {@code topic}, and for a course {@code courseTitle}, {@code courseSummary}, {@code coursePrice},
     * {@code courseStart}, {@code coursePath} (empty strings otherwise).
     */
    LEAD("lead"),
    /**
     * A support ticket message to a requester without an account (support): staff's reply. Model:
     * {@code subject}, {@code name}, {@code heading}, {@code body} (plain text, line breaks kept),
     * {@code footnote}, {@code link} (a path on the university's site) and {@code linkLabel}.
     */
    SUPPORT("support");

    private final String viewName;

    MailTemplate(String viewName) {
        this.viewName = viewName;
    }

    public String viewName() {
        return viewName;
    }
}
