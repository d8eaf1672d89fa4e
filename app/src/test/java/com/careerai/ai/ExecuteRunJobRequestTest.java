package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;

/** The run's job request writes its own JSON exactly as JobRunr's mapper writes it (session 19). */
class ExecuteRunJobRequestTest {

    @Test
    void itsOwnJsonIsTheMappersForEveryKindOfValue() {
        JacksonJsonMapper mapper = new JacksonJsonMapper();
        for (ExecuteRunJobRequest request : new ExecuteRunJobRequest[] {
            new ExecuteRunJobRequest(1, UUID.randomUUID()),
            new ExecuteRunJobRequest(0, new UUID(0, 0)),
            new ExecuteRunJobRequest(Long.MIN_VALUE, new UUID(-1, -1)),
            new ExecuteRunJobRequest(Long.MAX_VALUE, UUID.fromString("0a0b0c0d-0e0f-4000-8000-00000000000a")),
            new ExecuteRunJobRequest(-5, null)
        }) {
            assertThat(request.json()).isEqualTo(mapper.serialize(request));
        }
    }
}
