package com.careerai.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request, for rate limits and logs: the socket's peer, or —
 * only when that peer is a trusted proxy ({@code careerai.trusted-proxies}, {@code CAREERAI_TRUSTED_PROXIES}:
 * addresses or CIDR ranges) — the first entry of {@code X-Forwarded-For}. A trusted proxy must
 * therefore overwrite, not append to, any {@code X-Forwarded-For} a client sends.
 */
@Singleton
public class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");

    /** An address range such as {@code 10.0.0.0/8} or a single address. */
    record Range(byte[] network, int prefixLength) {
        static Range parse(String text) {
            String[] parts = text.trim().split("/", 2);
            byte[] address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException(
                            "careerai.trusted-proxies: '" + text + "' is not an IP address or CIDR range"));
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("careerai.trusted-proxies: bad prefix length in '" + text + "'");
            }
            return new Range(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remainingBits) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Range> trustedProxies;

    ClientAddresses(@Value("${careerai.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Range::parse)
                .toList();
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        if (trustedProxies.isEmpty() || remote.getAddress() == null) {
            return peer;
        }
        byte[] peerBytes = remote.getAddress().getAddress();
        if (trustedProxies.stream().noneMatch(range -> range.contains(peerBytes))) {
            return peer;
        }
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String first = forwarded.split(",", 2)[0].trim();
        return literal(first).isPresent() ? first : peer;
    }

    private static Optional<byte[]> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // A literal never triggers a DNS lookup.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
