package com.careerai.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static HttpRequest<Object> from(String peer, String forwardedFor) {
        HttpRequest<Object> request = HttpRequest.GET("/").header("X-Forwarded-For", forwardedFor);
        return new HttpRequestWrapper<Object>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 40_000);
            }
        };
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        ClientAddresses none = new ClientAddresses("");
        assertThat(none.of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");

        ClientAddresses trusted = new ClientAddresses("10.0.0.0/8, 192.168.1.10");
        assertThat(trusted.of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
        assertThat(trusted.of(from("10.20.30.40", "203.0.113.9, 10.1.1.1"))).isEqualTo("203.0.113.9");
        assertThat(trusted.of(from("192.168.1.10", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(trusted.of(from("192.168.1.11", "203.0.113.9"))).isEqualTo("192.168.1.11");
    }

    @Test
    void aForwardedValueThatIsNotAnAddressFallsBackToThePeer() {
        ClientAddresses trusted = new ClientAddresses("127.0.0.1");
        assertThat(trusted.of(from("127.0.0.1", "evil.example.com"))).isEqualTo("127.0.0.1");
        assertThat(trusted.of(from("127.0.0.1", ""))).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6RangesWork() {
        ClientAddresses trusted = new ClientAddresses("2001:db8::/32");
        assertThat(trusted.of(from("2001:db8::1", "2001:db8:ffff::9"))).isEqualTo("2001:db8:ffff::9");
        assertThat(trusted.of(from("2001:db9::1", "203.0.113.9"))).isEqualTo("2001:db9:0:0:0:0:0:1");
    }

    @Test
    void aMisconfiguredRangeStopsStartUp() {
        assertThatThrownBy(() -> new ClientAddresses("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("careerai.trusted-proxies");
    }
}
