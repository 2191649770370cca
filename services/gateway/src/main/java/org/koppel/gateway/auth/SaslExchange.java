package org.koppel.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's side of one SASL authentication (RFC 4422) for the password mechanisms the gateway offers:
 * PLAIN (RFC 4616) and LOGIN (draft-murchison-sasl-login: "Username:", then "Password:"). The protocol
 * carries the base64 lines (IMAP AUTHENTICATE, POP3 AUTH); this class sees decoded bytes. Not thread-safe:
 * one per authentication.
 */
public final class SaslExchange {

    /** The mechanisms known here, by their SASL names. */
    public enum Mechanism {
        PLAIN, LOGIN;

        /** The mechanism of a SASL name (any case); empty when it is not offered. */
        public static Optional<Mechanism> named(String name) {
            for (Mechanism m : values()) {
                if (m.name().equals(name.toUpperCase(Locale.ROOT))) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** What the server does next. */
    public sealed interface Step {
    }

    /** Send this challenge (to be base64-encoded; may be empty) and hand the client's answer to {@link #next}. */
    public record Challenge(byte[] data) implements Step {
        public Challenge {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** The client has given its credentials: log in with them. */
    public record Credentials(SaslPlain credentials) implements Step {
    }

    /** The client's message was malformed: the authentication fails. */
    public record Malformed(String reason) implements Step {
    }

    private final Mechanism mechanism;
    private String username;
    private int round;

    public SaslExchange(Mechanism mechanism) {
        this.mechanism = mechanism;
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /**
     * The first step: with the client's initial response when it sent one (SASL-IR; an empty response is an
     * empty array), otherwise the first challenge.
     */
    public Step start(Optional<byte[]> initialResponse) {
        if (initialResponse.isPresent()) {
            return next(initialResponse.get());
        }
        return switch (mechanism) {
            case PLAIN -> new Challenge(new byte[0]);
            case LOGIN -> {
                round = 1;
                yield new Challenge("Username:".getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    /** The next step after the client's (decoded) answer to the last challenge. */
    public Step next(byte[] response) {
        return switch (mechanism) {
            case PLAIN -> SaslPlain.decode(response).<Step>map(Credentials::new)
                    .orElseGet(() -> new Malformed("malformed PLAIN message"));
            case LOGIN -> login(response);
        };
    }

    private Step login(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        if (text.isEmpty() || text.indexOf('\0') >= 0 || response.length > 255) {
            return new Malformed("malformed LOGIN response");
        }
        if (round <= 1 && username == null) {
            username = text;
            round = 2;
            return new Challenge("Password:".getBytes(StandardCharsets.US_ASCII));
        }
        return new Credentials(new SaslPlain("", username, text));
    }
}
