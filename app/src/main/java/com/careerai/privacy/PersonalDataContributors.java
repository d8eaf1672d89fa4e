package com.careerai.privacy;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.privacy.PersonalData;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every {@link PersonalData} bean, in erasure order, and whom a request is about. */
@Singleton
class PersonalDataContributors {
    private final List<PersonalData> all;
    private final UserAccounts users;

    PersonalDataContributors(List<PersonalData> contributors, UserAccounts users) {
        List<PersonalData> sorted = new ArrayList<>(contributors);
        sorted.sort(Comparator.comparingInt(PersonalData::getOrder).thenComparing(PersonalData::key));
        this.all = List.copyOf(sorted);
        this.users = users;
    }

    List<PersonalData> all() {
        return all;
    }

    /** The person, with the phone numbers any contributor knows them by; runs in a transaction. */
    PersonalData.Subject subject(long universityId, long userId) {
        User user = users.find(universityId, userId).orElseThrow(PrivacyException::studentNotFound);
        PersonalData.Subject subject = new PersonalData.Subject(userId, user.email(), user.name(), List.of());
        for (PersonalData contributor : all) {
            subject = subject.withPhones(contributor.phoneNumbers(universityId, subject));
        }
        return subject;
    }
}
