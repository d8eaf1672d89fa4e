package com.careerai.resources;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.UserAccounts;
import com.careerai.billing.Plans;
import com.careerai.billing.Product;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.storage.FileStorage;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The resources library: counsellors and staff share files and links (approved by staff when the
 * university requires it), students browse, search and download them, plan-gated ones open only
 * with a plan that includes premium resources, and every download is recorded. Other features
 * ask here for recommendations by interest.
 */
@Singleton
public class Resources {
    static final String STORAGE_AREA = "resources";
    private static final int REVIEW_QUEUE_LIMIT = 200;
    private static final int MINE_LIMIT = 200;

    private final ResourceStore store;
    private final ResourceInput input;
    private final FileStorage storage;
    private final Interests interests;
    private final Plans plans;
    private final Notifications notifications;
    private final Mail mail;
    private final UserAccounts users;
    private final AuditLog auditLog;
    private final ResourcesConfiguration configuration;
    private final TransactionOperations<Connection> transactions;
    private final PageReads reads;

    Resources(
            ResourceStore store,
            ResourceInput input,
            FileStorage storage,
            Interests interests,
            Plans plans,
            Notifications notifications,
            Mail mail,
            UserAccounts users,
            AuditLog auditLog,
            ResourcesConfiguration configuration,
            TransactionOperations<Connection> transactions,
            PageReads reads) {
        this.reads = reads;
        this.store = store;
        this.input = input;
        this.storage = storage;
        this.interests = interests;
        this.plans = plans;
        this.notifications = notifications;
        this.mail = mail;
        this.users = users;
        this.auditLog = auditLog;
        this.configuration = configuration;
        this.transactions = transactions;
    }

    /** Shares a resource. Staff's are approved at once; counsellors' wait for review when required. */
    Resource share(SignedInUser uploader, ResourceInput.Submitted submitted) {
        if (uploader.role() == Role.STUDENT) {
            throw ResourceException.forbidden("Only counsellors and staff can share resources.");
        }
        long universityId = uploader.universityId();
        ResourceInput.Valid valid = input.validate(universityId, submitted);
        String key = valid.file() == null
                ? null
                : storage.put(
                        universityId,
                        STORAGE_AREA,
                        valid.file().content(),
                        valid.file().contentType());
        try {
            return transactions.executeWrite(status -> {
                ResourceStatus initial = uploader.isStaff() || !store.requiresApproval(universityId)
                        ? ResourceStatus.APPROVED
                        : ResourceStatus.PENDING;
                long id = store.insert(
                        universityId,
                        new ResourceStore.NewRow(
                                uploader.userId(),
                                uploader.displayName(),
                                valid.title(),
                                valid.description(),
                                valid.kind(),
                                valid.access(),
                                initial,
                                valid.url(),
                                key,
                                valid.file() == null ? null : valid.file().contentType(),
                                valid.file() == null
                                        ? null
                                        : (long) valid.file().content().length,
                                valid.file() == null ? null : ResourceInput.downloadName(valid.title(), valid.file())));
                store.tag(universityId, id, valid.interestIds());
                auditLog.record(
                        universityId,
                        "user:" + uploader.userId(),
                        "resource.shared",
                        Map.of("resource", id, "title", valid.title(), "status", initial.name()));
                return withInterests(universityId, store.find(universityId, id).orElseThrow());
            });
        } catch (RuntimeException e) {
            if (key != null) {
                storage.delete(key); // the row never existed: no file without a row
            }
            throw e;
        }
    }

    /** A resource the viewer may see: approved ones, or their own, or any for staff; else 404. */
    Resource visible(SignedInUser viewer, long id) {
        long universityId = viewer.universityId();
        reads.prefetch(resourceReads(universityId, id));
        return reads.read(ResourceStore.findTaggedRead(universityId, id))
                .filter(tagged -> canSee(viewer, tagged.resource()))
                .map(tagged -> named(universityId, List.of(tagged)).get(0))
                .orElseThrow(ResourceException::notFound);
    }

    /**
     * What {@link #visible} reads, for a resource's page to send with the header's reads in one round trip
     * (ADR 0076): the resource with its tags' ids and the university's categories naming them (a short list).
     * They were a read transaction of three statements: the resource, its tags, their names.
     */
    List<PageRead<?>> resourceReads(long universityId, long id) {
        return List.of(ResourceStore.findTaggedRead(universityId, id), interests.allRead(universityId));
    }

    private static boolean canSee(SignedInUser viewer, Resource resource) {
        return resource.status() == ResourceStatus.APPROVED
                || viewer.isStaff()
                || resource.uploaderId() == viewer.userId();
    }

    /** Whether the viewer must buy a plan to open it (students only; counsellors and staff always may). */
    boolean locked(SignedInUser viewer, Resource resource) {
        return resource.premium()
                && viewer.role() == Role.STUDENT
                && !plans.includes(viewer.universityId(), viewer.userId()).premiumResources();
    }

    /** The plans that open premium resources, by name ("Premium or Ultimate"). */
    List<String> unlockingPlans() {
        return plans.plansWithPremiumResources().stream().map(Product::name).toList();
    }

    /** One page of the library. */
    record Page(List<Resource> items, int page, int pages, long total) {}

    /**
     * {@link #browse}'s reads, for the library page to send ahead with the layout's in one round trip
     * (ADR 0076): how many the filter finds, the asked page of them with their tags' ids, and the
     * university's categories (a short list staff keep), which name the tags and fill the page's filter.
     */
    List<PageRead<?>> browseReads(long universityId, ResourceStore.Filter filter, int page) {
        int size = configuration.getPageSize();
        return List.of(
                store.countApprovedRead(universityId, filter),
                store.approvedRead(universityId, filter, size, (Math.max(1, page) - 1L) * size),
                interests.allRead(universityId));
    }

    /**
     * One page of the library, the last one when {@code page} is past it (whose rows are then read once
     * more). Its reads go in one round trip without a transaction, unless the page already sent them
     * ahead ({@link #browseReads}) with its own: at READ COMMITTED a transaction gave the count and the
     * rows no common snapshot either.
     */
    Page browse(long universityId, ResourceStore.Filter filter, int page) {
        reads.prefetch(browseReads(universityId, filter, page));
        int size = configuration.getPageSize();
        long total = reads.read(store.countApprovedRead(universityId, filter));
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        List<ResourceStore.Tagged> found =
                reads.read(store.approvedRead(universityId, filter, size, (current - 1L) * size));
        return new Page(named(universityId, found), current, pages, total);
    }

    /**
     * Records a download by the viewer and returns the resource to deliver.
     *
     * @throws ResourceException 404 when not visible, 403 {@code plan_required} when plan-gated
     */
    Resource download(SignedInUser viewer, long id) {
        Resource resource = visible(viewer, id);
        if (locked(viewer, resource)) {
            throw ResourceException.planRequired("This resource comes with the " + String.join(" or ", unlockingPlans())
                    + " plan. Upgrade on the billing page to open it.");
        }
        if (resource.status() == ResourceStatus.APPROVED) {
            transactions.executeWrite(status -> {
                store.recordDownload(viewer.universityId(), id, viewer.userId());
                return null;
            });
        }
        return resource;
    }

    /** What the uploader shared, newest first, with download counts. */
    List<Resource> sharedBy(SignedInUser uploader) {
        long universityId = uploader.universityId();
        reads.prefetch(sharedByReads(uploader));
        return named(
                universityId, reads.read(ResourceStore.ofUploaderRead(universityId, uploader.userId(), MINE_LIMIT)));
    }

    /**
     * What {@link #sharedBy} reads — the resources with their tags' ids, the categories naming them — for the
     * page to send with the header's reads in one round trip (ADR 0076); they were a read transaction of three.
     */
    List<PageRead<?>> sharedByReads(SignedInUser uploader) {
        return List.of(
                ResourceStore.ofUploaderRead(uploader.universityId(), uploader.userId(), MINE_LIMIT),
                interests.allRead(uploader.universityId()));
    }

    /** Resources waiting for a staff decision, oldest first. */
    List<Resource> pending(long universityId) {
        reads.prefetch(reviewReads(universityId));
        return named(
                universityId,
                reads.read(ResourceStore.byStatusRead(universityId, ResourceStatus.PENDING, REVIEW_QUEUE_LIMIT)));
    }

    /**
     * What staff's review queue reads, for the page to send with the header's reads in one round trip (ADR
     * 0076): whether sharing needs approval, the pending resources with their tags' ids, and the university's
     * categories to name those tags (a short list). They were a read transaction each, the tags and their
     * names two statements more.
     */
    List<PageRead<?>> reviewReads(long universityId) {
        return List.of(
                ResourceStore.requiresApprovalRead(universityId),
                ResourceStore.byStatusRead(universityId, ResourceStatus.PENDING, REVIEW_QUEUE_LIMIT),
                interests.allRead(universityId));
    }

    /** Staff approve (the uploader is notified) or reject with a reason (notified and emailed). */
    void decide(SignedInUser staff, long id, boolean approve, @Nullable String reason) {
        long universityId = staff.universityId();
        String why = reason == null ? "" : reason.strip();
        if (!approve && why.isEmpty()) {
            throw ResourceException.invalid("reason", "Give a reason; it is emailed to the person who shared it.");
        }
        if (why.length() > 1000) {
            throw ResourceException.invalid("reason", "Keep the reason under 1000 characters.");
        }
        ResourceInput.refuseControlCharacters("reason", why);
        transactions.executeWrite(status -> {
            Resource resource = store.find(universityId, id).orElseThrow(ResourceException::notFound);
            ResourceStatus decision = approve ? ResourceStatus.APPROVED : ResourceStatus.REJECTED;
            if (!store.decide(universityId, id, decision, approve ? null : why, staff.userId())) {
                throw ResourceException.conflict("This resource was already "
                        + resource.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            auditLog.record(
                    universityId,
                    "user:" + staff.userId(),
                    approve ? "resource.approved" : "resource.rejected",
                    Map.of("resource", id, "title", resource.title(), "reason", why));
            if (approve) {
                notifications.publish(
                        universityId,
                        resource.uploaderId(),
                        new Notice(
                                NoticeKind.RESOURCE,
                                "Your resource was approved",
                                "\u201c" + resource.title() + "\u201d is now in the library.",
                                "/resources/" + id,
                                true));
            } else {
                // the reason goes by email below, so the in-app notice does not email again
                notifications.publish(
                        universityId,
                        resource.uploaderId(),
                        new Notice(
                                NoticeKind.RESOURCE,
                                "Your resource was not approved",
                                "\u201c" + resource.title() + "\u201d: " + why,
                                "/resources/mine",
                                false));
                users.find(universityId, resource.uploaderId())
                        .ifPresent(uploader -> mail.send(
                                universityId,
                                uploader.email(),
                                MailTemplate.RESOURCE,
                                Map.of(
                                        "subject",
                                        "Your resource was not approved",
                                        "name",
                                        uploader.displayName(),
                                        "heading",
                                        "\u201c" + resource.title() + "\u201d was not added to the library.",
                                        "body",
                                        "Reason: " + why,
                                        "link",
                                        "/resources/mine",
                                        "linkLabel",
                                        "Open your resources"),
                                Map.of()));
            }
            return null;
        });
    }

    boolean requiresApproval(long universityId) {
        return reads.read(ResourceStore.requiresApprovalRead(universityId));
    }

    void changeRequiresApproval(SignedInUser staff, boolean required) {
        transactions.executeWrite(status -> {
            store.setRequiresApproval(staff.universityId(), required, staff.userId());
            auditLog.record(
                    staff.universityId(),
                    "user:" + staff.userId(),
                    "resource.approval-setting",
                    Map.of("requireApproval", required));
            return null;
        });
    }

    /** A resource recommended to a student, as their home page shows it. */
    public record Recommendation(
            long id, String title, String kind, boolean locked, long downloads, List<String> interests) {}

    /**
     * Approved resources tagged with the student's interests: recent ones (two weeks) first, then
     * by downloads, then newest. Empty when the student has picked no interests. Reads on the caller's
     * connection (the student home's, ADR 0055) or one of its own, without a transaction: at READ
     * COMMITTED one would give these reads no common snapshot.
     *
     * <p>One statement finds the resources with their tags' ids; the tags' names come from the
     * student's own interests (read once per request, {@link Interests#ofUser}), and only tags the
     * student did not pick are asked of the interests feature (one more statement, when there are
     * any, unless the page sent the university's categories ahead). Whether the plan opens premium
     * resources is asked once, and only when one is shown.
     */
    @Connectable
    public List<Recommendation> recommendedFor(SignedInUser student, int limit) {
        long universityId = student.universityId();
        List<Interest> mine = interests.ofUser(universityId, student.userId());
        if (mine.isEmpty()) {
            return List.of();
        }
        List<ResourceStore.Tagged> found = reads.read(recommended(universityId, mine, limit));
        Map<Long, Interest> named = new HashMap<>();
        mine.forEach(interest -> named.put(interest.id(), interest));
        Set<Long> others = found.stream()
                .flatMap(tagged -> tagged.interestIds().stream())
                .filter(id -> !named.containsKey(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!others.isEmpty()) {
            // the university's categories when the page sent them ahead (the home), else these few
            reads.kept(interests.allRead(universityId))
                    .map(all -> all.stream()
                            .filter(interest -> others.contains(interest.id()))
                            .toList())
                    .orElseGet(() -> interests.byIds(universityId, others))
                    .forEach(interest -> named.put(interest.id(), interest));
        }
        boolean premiumLocked = student.role() == Role.STUDENT
                && found.stream().anyMatch(tagged -> tagged.resource().premium())
                && !plans.includes(universityId, student.userId()).premiumResources();
        return found.stream()
                .map(tagged -> {
                    Resource resource = tagged.resource();
                    return new Recommendation(
                            resource.id(),
                            resource.title(),
                            resource.kind().label(),
                            resource.premium() && premiumLocked,
                            resource.downloads(),
                            byName(tagged.interestIds(), named).stream()
                                    .map(Interest::name)
                                    .toList());
                })
                .toList();
    }

    /**
     * {@link #recommendedFor}'s reads, for a page to read ahead with others (ADR 0076): the resources
     * tagged with the student's interests and the university's categories (a short list), whose names the
     * other tags on those resources need — most recommendations carry one (92 % of the bench's homes), so
     * sent ahead they cost a statement in the page's one round trip instead of a round trip after it. The
     * plan, needed only when a premium resource is found, is still asked after. None without interests.
     */
    public List<PageRead<?>> recommendedReads(SignedInUser student, int limit) {
        long universityId = student.universityId();
        List<Interest> mine = interests.ofUser(universityId, student.userId());
        return mine.isEmpty()
                ? List.of()
                : List.of(recommended(universityId, mine, limit), interests.allRead(universityId));
    }

    private PageRead<List<ResourceStore.Tagged>> recommended(long universityId, List<Interest> mine, int limit) {
        return store.recommended(universityId, mine.stream().map(Interest::id).toList(), limit);
    }

    /** Shares a resource unless one with this title exists (demo data). */
    Optional<Resource> seedOnce(SignedInUser uploader, ResourceInput.Submitted submitted) {
        boolean exists = transactions.executeRead(
                status -> store.countWithTitle(uploader.universityId(), submitted.title()) > 0);
        return exists ? Optional.empty() : Optional.of(share(uploader, submitted));
    }

    long maxFileSize() {
        return configuration.getMaxFileSize();
    }

    long downloadsRecorded(long universityId, long id) {
        return transactions.executeRead(status -> store.downloadsRecorded(universityId, id));
    }

    private Resource withInterests(long universityId, Resource resource) {
        return withInterests(universityId, List.of(resource)).get(0);
    }

    private List<Resource> withInterests(long universityId, List<Resource> resources) {
        Map<Long, List<Long>> tags = store.interestIds(
                universityId, resources.stream().map(Resource::id).toList());
        Collection<Long> all =
                tags.values().stream().flatMap(List::stream).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Interest> byId = new HashMap<>(interests.byIds(universityId, all).stream()
                .collect(Collectors.toMap(Interest::id, Function.identity())));
        Map<Long, Resource> tagged = new LinkedHashMap<>();
        for (Resource resource : resources) {
            tagged.put(
                    resource.id(), resource.withInterests(byName(tags.getOrDefault(resource.id(), List.of()), byId)));
        }
        return List.copyOf(tagged.values());
    }

    /**
     * The resources with their tags named from the university's categories (a short list, read with the page:
     * {@code interests.allRead}).
     */
    private List<Resource> named(long universityId, List<ResourceStore.Tagged> tagged) {
        Map<Long, Interest> named = new HashMap<>();
        reads.read(interests.allRead(universityId)).forEach(interest -> named.put(interest.id(), interest));
        return tagged.stream()
                .map(one -> one.resource().withInterests(byName(one.interestIds(), named)))
                .toList();
    }

    /** The interests of these ids that are known, by name ignoring case (ids of no interest left out). */
    private static List<Interest> byName(List<Long> ids, Map<Long, Interest> known) {
        return ids.stream()
                .map(known::get)
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(
                        interest -> interest.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }
}
