package com.careerai.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of people, with the number of all who match. Pages count from 1. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty page still lists "people": []
public record PeoplePage(List<Person> people, long total, int page, int pageSize) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
