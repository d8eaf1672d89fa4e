package com.careerai.resources;

import com.careerai.auth.SignedInUser;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Page models of the resources views, so the controllers stay about requests. */
@Singleton
class ResourcePages {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Resources resources;
    private final Interests interests;

    ResourcePages(Resources resources, Interests interests) {
        this.resources = resources;
        this.interests = interests;
    }

    Map<String, Object> card(Resource resource, SignedInUser viewer) {
        boolean owner = viewer.isStaff() || resource.uploaderId() == viewer.userId();
        Map<String, Object> card = new HashMap<>();
        card.put("id", resource.id());
        card.put("title", resource.title());
        card.put("description", resource.description());
        card.put("kind", resource.kind().label());
        card.put("kindSlug", resource.kind().slug());
        card.put("isLink", !resource.kind().isFile());
        card.put("premium", resource.premium());
        card.put("locked", resources.locked(viewer, resource));
        card.put("plans", String.join(" or ", resources.unlockingPlans()));
        card.put("interests", resource.interests().stream().map(Interest::name).toList());
        card.put("sharedBy", resource.uploaderName());
        card.put("sharedOn", DATE.format(resource.createdAt().atZone(ZoneOffset.UTC)));
        card.put("owner", owner);
        card.put("downloads", resource.downloads());
        card.put("status", resource.status().name().toLowerCase(Locale.ROOT));
        card.put("pending", resource.status() == ResourceStatus.PENDING);
        card.put("rejected", resource.status() == ResourceStatus.REJECTED);
        card.put("rejectionReason", resource.rejectionReason());
        card.put("size", resource.fileSize() == null ? null : UploadInspector.megabytes(resource.fileSize()));
        card.put(
                "host",
                resource.url() == null
                        ? null
                        : java.net.URI.create(resource.url()).getHost());
        return card;
    }

    List<Map<String, Object>> cards(List<Resource> list, SignedInUser viewer) {
        return list.stream().map(resource -> card(resource, viewer)).toList();
    }

    /** Offered interests as checkboxes, ticked when in {@code chosen}. */
    List<Map<String, Object>> interestChoices(long universityId, List<String> chosen) {
        return interests.offered(universityId).stream()
                .map(interest -> Map.<String, Object>of(
                        "id", interest.id(),
                        "name", interest.name(),
                        "checked", chosen.contains(String.valueOf(interest.id()))))
                .toList();
    }

    List<Map<String, Object>> kinds(String chosen) {
        return java.util.Arrays.stream(ResourceKind.values())
                .map(kind -> Map.<String, Object>of(
                        "slug",
                        kind.slug(),
                        "label",
                        kind.label(),
                        "selected",
                        kind.slug().equals(chosen)))
                .toList();
    }
}
