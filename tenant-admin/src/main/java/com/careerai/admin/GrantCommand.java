package com.careerai.admin;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Balances;
import com.careerai.credits.Currency;
import com.careerai.credits.LedgerEntry;
import com.careerai.credits.Wallets;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "grant",
        description = "Grant credits to one person of a university, through the wallet's rules (ledger row, "
                + "idempotency key), audited with the operator and reason.")
final class GrantCommand extends AdminCommand {
    @Parameters(paramLabel = "<subdomain>", description = "The university's subdomain.")
    String subdomain;

    @Option(names = "--email", required = true, description = "The person's email at that university.")
    String email;

    @Option(names = "--currency", required = true, description = "silver or gold.")
    String currency;

    @Option(names = "--amount", required = true, description = "Credits to add (a positive whole number).")
    int amount;

    @Option(names = "--reason", required = true, description = "Why, for the ledger and the audit log.")
    String reason;

    @Option(names = "--key", description = "Idempotency key: running again with the same key grants nothing more.")
    String key;

    @Override
    void execute() {
        Currency parsed = Currency.parse(currency)
                .orElseThrow(() -> new ToolException("--currency must be silver or gold, not '" + currency + "'"));
        if (amount <= 0) {
            throw new ToolException("--amount must be a positive whole number");
        }
        if (reason.isBlank()) {
            throw new ToolException("--reason must say why the credits are granted");
        }
        University university = university(subdomain);
        within(university, () -> {
            User user = bean(UserAccounts.class)
                    .findByEmail(university.id(), email)
                    .orElseThrow(() ->
                            new ToolException("No one with the email " + email + " at " + university.subdomain()));
            String idempotencyKey = "operator-grant:" + (key == null || key.isBlank() ? UUID.randomUUID() : key.trim());
            Wallets wallets = bean(Wallets.class);
            LedgerEntry entry =
                    wallets.grant(university.id(), user.id(), parsed, amount, idempotencyKey, actor(), reason.trim());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("userId", user.id());
            details.put("currency", parsed.name());
            details.put("amount", amount);
            details.put("reason", reason.trim());
            details.put("idempotencyKey", idempotencyKey);
            bean(AuditLog.class).record(university.id(), actor(), "credits.operator-grant", details);
            Balances balances = wallets.balances(university.id(), user.id());
            if (output().isJson()) {
                Map<String, Object> json = new LinkedHashMap<>(details);
                json.put("transactionId", entry.id());
                json.put("silver", balances.silver());
                json.put("gold", balances.gold());
                output().json(json);
            } else {
                output().line("Granted " + amount + " " + parsed.key() + " to " + user.email() + " at "
                        + university.subdomain() + ". Balance now " + balances.silver() + " silver, " + balances.gold()
                        + " gold.");
            }
            return null;
        });
    }
}
