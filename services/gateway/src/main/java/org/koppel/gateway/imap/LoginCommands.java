package org.koppel.gateway.imap;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import org.koppel.gateway.auth.LoginResult;
import org.koppel.gateway.auth.SaslExchange;
import org.koppel.gateway.imap.syntax.CommandException;
import org.koppel.gateway.imap.syntax.ImapCommand;
import org.koppel.gateway.mailbox.MailAccount;

/** STARTTLS, LOGIN and AUTHENTICATE (RFC 9051 6.2, SASL-IR RFC 4959, PLAIN RFC 4616, LOGIN). */
final class LoginCommands {

    CommandHandler<ImapCommand.StartTls> startTls() {
        return CommandHandler.of(Commands.NOT_AUTHENTICATED, (c, s) -> {
            if (!s.connection().canStartTls()) {
                s.bad(c.tag(), s.connection().secure() ? "TLS is already on." : "TLS is not available.");
                return;
            }
            s.out().tagged(c.tag(), "OK", Optional.empty(), "Begin TLS negotiation now.");
            s.startTls();
        });
    }

    CommandHandler<ImapCommand.Login> login() {
        return CommandHandler.of(Commands.NOT_AUTHENTICATED, (c, s) -> {
            if (!s.passwordsAllowed()) {
                s.fail(c.tag(), "PRIVACYREQUIRED", "Use STARTTLS (or port 993) before sending a password.");
                return;
            }
            finish(c, s, s.context().authenticator().login(c.user(), c.password(),
                    s.connection().remote().getAddress()));
        });
    }

    CommandHandler<ImapCommand.Authenticate> authenticate() {
        return CommandHandler.of(Commands.NOT_AUTHENTICATED, (c, s) -> {
            Optional<SaslExchange.Mechanism> mechanism = SaslExchange.Mechanism.named(c.mechanism());
            if (mechanism.isEmpty()) {
                s.fail(c.tag(), "CANNOT", "Unsupported authentication mechanism.");
                return;
            }
            if (!s.passwordsAllowed()) {
                s.fail(c.tag(), "PRIVACYREQUIRED", "Use STARTTLS (or port 993) before sending a password.");
                return;
            }
            SaslExchange exchange = new SaslExchange(mechanism.get());
            SaslExchange.Step step;
            if (c.initialResponse().isPresent()) {
                Optional<byte[]> first = decode(c.initialResponse().get().equals("=") ? ""
                        : c.initialResponse().get());
                if (first.isEmpty()) {
                    s.bad(c.tag(), "Invalid base64 in the initial response.");
                    return;
                }
                step = exchange.start(first);
            } else {
                step = exchange.start(Optional.empty());
            }
            while (step instanceof SaslExchange.Challenge challenge) {
                s.out().line("+ " + Base64.getEncoder().encodeToString(challenge.data()));
                s.out().flush();
                Optional<String> answer;
                try {
                    answer = s.reader().readContinuationLine();
                } catch (CommandException e) {
                    s.bad(c.tag(), "Authentication response too long.");
                    return;
                }
                if (answer.isEmpty()) {
                    throw new java.io.EOFException("client left during AUTHENTICATE");
                }
                if (answer.get().equals("*")) {
                    s.bad(c.tag(), "Authentication cancelled.");
                    return;
                }
                Optional<byte[]> decoded = decode(answer.get());
                if (decoded.isEmpty()) {
                    s.bad(c.tag(), "Invalid base64 in the authentication response.");
                    return;
                }
                step = exchange.next(decoded.get());
            }
            switch (step) {
                case SaslExchange.Credentials cr -> finish(c, s, s.context().authenticator().login(cr.credentials(),
                        s.connection().remote().getAddress()));
                case SaslExchange.Malformed m -> s.bad(c.tag(), "Malformed authentication message.");
                default -> throw new IllegalStateException(step.toString());
            }
        });
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void finish(ImapCommand c, ImapSession s, LoginResult result) throws IOException {
        switch (result) {
            case LoginResult.Success ok -> {
                MailAccount account;
                try {
                    account = new MailAccount(ok.session(), s.context().config().onlyMailFolders(),
                            s.context().config().publicFolders(), s.context().snapshots());
                } catch (RuntimeException e) {
                    ok.session().close();
                    throw e;
                }
                s.loggedIn(account);
                s.out().tagged(c.tag(), "OK", Optional.of("CAPABILITY " + Capabilities.list(s)), "Logged in.");
            }
            case LoginResult.Failure f -> {
                switch (f.reason()) {
                    case BAD_CREDENTIALS -> s.fail(c.tag(), "AUTHENTICATIONFAILED", "Authentication failed.");
                    case THROTTLED -> s.fail(c.tag(), "UNAVAILABLE", "Too many failed logins; try again later.");
                    case FEATURE_DISABLED -> s.fail(c.tag(), "CONTACTADMIN",
                            "IMAP is not enabled for this account.");
                    case AUTHZ_REFUSED -> s.fail(c.tag(), "AUTHORIZATIONFAILED",
                            "Acting as another user is not allowed.");
                    case UNAVAILABLE -> s.fail(c.tag(), "UNAVAILABLE", "The mail store is unavailable; try again later.");
                }
            }
        }
    }
}
