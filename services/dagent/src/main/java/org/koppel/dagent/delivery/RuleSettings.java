package org.koppel.dagent.delivery;

import java.util.List;
import java.util.Locale;

/**
 * How far inbox rules may send mail on: the domains forwards and redirects may go to ({@code *} any,
 * {@code *.example.com} a domain and its subdomains, {@code example.com} that domain; the system's own users are
 * always allowed), and how many automatic forwarding hops a message may already have made before rules stop
 * sending it on (the loop guard).
 */
public record RuleSettings(List<String> forwardWhitelist, int maxForwardHops) {

    public RuleSettings {
        forwardWhitelist = forwardWhitelist.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty()).toList();
        if (maxForwardHops < 0) {
            throw new IllegalArgumentException("max forward hops must not be negative");
        }
    }

    /** Kopano's default: forwards to any domain, at most 3 automatic hops. */
    public static RuleSettings defaults() {
        return new RuleSettings(List.of("*"), 3);
    }

    /** Whether a forward or redirect may go to this address. */
    public boolean mayForwardTo(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return false;
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        for (String allowed : forwardWhitelist) {
            if (allowed.equals("*") || allowed.equals(domain)
                    || (allowed.startsWith("*.") && (domain.endsWith(allowed.substring(1))
                    || domain.equals(allowed.substring(2))))) {
                return true;
            }
        }
        return false;
    }
}
