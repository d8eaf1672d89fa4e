package com.careerai.leads;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.privacy.PersonalData;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leads feature's share of a person's data: the leads made from inquiries with their email
 * address (before or after they signed up), with the notes staff wrote about them and every message
 * or call sent to them. Erasure deletes them all.
 */
@Singleton
class LeadsPersonalData implements PersonalData {
    private final LeadStore store;
    private final UserAccounts users;

    LeadsPersonalData(LeadStore store, UserAccounts users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public String key() {
        return "leads";
    }

    @Override
    @Transactional(readOnly = true)
    public Part export(long universityId, long userId) {
        List<Lead> leads = leadsOf(universityId, userId);
        if (leads.isEmpty()) {
            return Part.empty();
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (Lead lead : leads) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", lead.id());
            record.put("name", lead.name());
            record.put("email", lead.email());
            record.put("phone", lead.phone());
            record.put("interest", lead.interest());
            record.put("course", lead.courseTitle());
            record.put("message", lead.message());
            record.put("status", lead.status().name());
            record.put("inquiries", lead.inquiries());
            record.put("createdAt", lead.createdAt().toString());
            record.put(
                    "notes",
                    store.notes(universityId, lead.id()).stream()
                            .map(n -> Map.<String, Object>of(
                                    "author", n.author(), "body", n.body(), "at", n.at().toString()))
                            .toList());
            record.put(
                    "communications",
                    store.logs(universityId, lead.id()).stream()
                            .map(c -> Map.<String, Object>of(
                                    "channel", c.channel().name(),
                                    "template", c.template(),
                                    "status", c.status(),
                                    "at", c.at().toString()))
                            .toList());
            records.add(record);
        }
        return Part.of(records);
    }

    @Override
    @Transactional
    public void erase(long universityId, long userId) {
        for (Lead lead : leadsOf(universityId, userId)) {
            store.delete(universityId, lead.id());
        }
    }

    /** The numbers the person left on inquiries, so other features' rows naming them are scrubbed too. */
    @Override
    @Transactional(readOnly = true)
    public List<String> phoneNumbers(long universityId, Subject subject) {
        return store.withEmail(universityId, subject.email()).stream()
                .map(Lead::phone)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    private List<Lead> leadsOf(long universityId, long userId) {
        Optional<User> user = users.find(universityId, userId);
        if (user.isEmpty() || user.get().email() == null) {
            return List.of();
        }
        return store.withEmail(universityId, user.get().email());
    }
}
