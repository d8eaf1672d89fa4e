package com.careerai.auth;

import com.careerai.platform.audit.RequestAddress;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The audit log's client address: {@link ClientAddresses} of the request being served. */
@Singleton
class CurrentRequestAddress implements RequestAddress {
    private final ClientAddresses addresses;

    CurrentRequestAddress(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Optional<String> current() {
        return ServerRequestContext.currentRequest().map(addresses::of);
    }
}
