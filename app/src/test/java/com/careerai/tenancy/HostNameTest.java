package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNameTest {
    private static final String BASE = "careerai.example";

    @Test
    void subdomainOfTheBaseIsATenantCandidate() {
        assertThat(HostName.parse("mit.careerai.example", BASE)).isEqualTo(new HostName.Tenant("mit"));
        assertThat(HostName.parse("MIT.CAREERAI.EXAMPLE:443", BASE)).isEqualTo(new HostName.Tenant("mit"));
        assertThat(HostName.parse("mit.careerai.example.", BASE)).isEqualTo(new HostName.Tenant("mit"));
    }

    @Test
    void bareBaseIsTheRoot() {
        assertThat(HostName.parse("careerai.example:8080", BASE)).isEqualTo(new HostName.Root());
    }

    @Test
    void everythingElseIsForeign() {
        for (String host : new String[] {
            null,
            "",
            " ",
            "127.0.0.1",
            "127.0.0.1:8080",
            "[::1]:80",
            "evil.com",
            "mit.evil.com",
            "a.b.careerai.example",
            "-x.careerai.example",
            "www.careerai.example",
            "careerai.example.evil.com",
            "xcareerai.example"
        }) {
            assertThat(HostName.parse(host, BASE)).as(String.valueOf(host)).isEqualTo(new HostName.Foreign());
        }
    }
}
