package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A university: the tenant. Everything a student or staff member sees belongs to one. */
@Serdeable
@MappedEntity("universities")
public record University(
        @Id @GeneratedValue Long id,
        String name,
        String subdomain,
        @TypeDef(type = DataType.JSON) List<String> allowedDomains,
        int defaultSilver,
        int defaultGold,
        UniversityStatus status,
        String brandColor,
        @Nullable String logoUrl,
        @Nullable @DateCreated Instant createdAt) {

    public boolean isSuspended() {
        return status == UniversityStatus.SUSPENDED;
    }
}
