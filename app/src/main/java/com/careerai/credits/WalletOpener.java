package com.careerai.credits;

import com.careerai.auth.UserSignedUp;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Opens a wallet when a user signs up, inside the transaction that creates the user: a student
 * receives the university's default allowance, staff and counsellors an empty wallet.
 */
@Singleton
class WalletOpener {
    private final Wallets wallets;

    WalletOpener(Wallets wallets) {
        this.wallets = wallets;
    }

    @EventListener
    void onUserSignedUp(UserSignedUp event) {
        wallets.openWallet(event.universityId(), event.userId(), event.role());
    }
}
