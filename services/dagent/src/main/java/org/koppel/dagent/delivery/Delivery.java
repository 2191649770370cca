package org.koppel.dagent.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.koppel.inetmapi.AddressBook;
import org.koppel.inetmapi.LocalNamedTags;
import org.koppel.inetmapi.mime.ConvertedMessage;
import org.koppel.inetmapi.mime.MimeLimits;
import org.koppel.inetmapi.mime.MimeReader;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.Feature;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.QuotaLevel;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;
import org.koppel.store.client.WellKnownFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery pipeline, shared by LMTP and the pipe command: recipients are checked against the directory
 * before the message comes; a message is converted once (inetmapi, keeping the original) and then, per
 * recipient, routed (spam to Junk E-mail, else the Inbox) and saved unread in its own transaction, each
 * result reported as soon as it is committed. Works through a service session of the system identity,
 * which may write into every store; the store raises the new-mail notification itself.
 */
public final class Delivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final StoreServer store;
    private final Credentials credentials;
    private final SpamRule spam;
    private final MimeLimits limits;
    private final List<String> keptHeaders;
    private final OutOfOfficeReply outOfOffice;
    private Session session;

    /**
     * @param credentials how to log on: a service without impersonation (the system identity)
     * @param tempDir     where the converter spools large parts
     */
    public Delivery(StoreServer store, Credentials credentials, SpamRule spam, Path tempDir) {
        this(store, credentials, spam, tempDir, Duration.ofDays(1));
    }

    /**
     * @param credentials    how to log on: a service without impersonation (the system identity)
     * @param tempDir        where the converter spools large parts
     * @param oofReplyPeriod an out-of-office reply goes to one sender at most once in this period
     */
    public Delivery(StoreServer store, Credentials credentials, SpamRule spam, Path tempDir, Duration oofReplyPeriod) {
        this.store = store;
        this.outOfOffice = new OutOfOfficeReply(oofReplyPeriod);
        this.credentials = credentials;
        this.spam = spam;
        this.limits = MimeLimits.defaults().withTempDir(tempDir);
        List<String> kept = new ArrayList<>(MimeReader.DEFAULT_KEPT_HEADERS);
        if (spam.enabled() && kept.stream().noneMatch(h -> h.equalsIgnoreCase(spam.headerName()))) {
            kept.add(spam.headerName()); // so rules and clients can see the verdict too
        }
        this.keptHeaders = List.copyOf(kept);
    }

    /** Looks a recipient address up: a mailbox that can take mail now, or why not. Never throws. */
    public Resolution resolve(String address) {
        try {
            return withSession(s -> {
                Optional<UserInfo> found = s.directory().resolve(address);
                if (found.isEmpty() || found.get().kind() == UserKind.SYSTEM) {
                    return new Resolution.Refused(address, Outcome.UNKNOWN_USER, "no such user");
                }
                UserInfo user = found.get();
                if (!user.active()) {
                    return new Resolution.Refused(address, Outcome.MAIL_DISABLED, "the account is disabled");
                }
                if (!user.has(Feature.MAIL)) {
                    return new Resolution.Refused(address, Outcome.MAIL_DISABLED, "mail is disabled for this user");
                }
                if (s.quotas().status(user.login()).level() == QuotaLevel.HARD) {
                    return new Resolution.Refused(address, Outcome.MAILBOX_FULL, "the mailbox is full");
                }
                return new Resolution.Mailbox(address, user);
            });
        } catch (RuntimeException e) {
            LOG.warn("Cannot look up recipient {}: {}", address, e.toString());
            return new Resolution.Refused(address, Outcome.TEMPORARY_FAILURE, "the store is not available");
        }
    }

    /**
     * Delivers a received message to the mailboxes, in order, reporting each recipient's result to
     * {@code each} as soon as its copy is committed (or has failed). Never throws for a store failure: the
     * recipients it affects get {@link Outcome#TEMPORARY_FAILURE}.
     */
    public List<RecipientResult> deliver(InputStreamSource message, long size, String sender,
            List<Resolution.Mailbox> to, Consumer<RecipientResult> each) {
        long started = System.nanoTime();
        List<RecipientResult> results = new ArrayList<>(to.size());
        Consumer<RecipientResult> report = r -> {
            results.add(r);
            each.accept(r);
        };
        String messageId = "";
        boolean isSpam = false;
        try {
            try (InputStream in = message.open()) {
                isSpam = spam.matches(in);
            }
            LocalNamedTags local = new LocalNamedTags();
            MimeReader reader = new MimeReader(limits, local, keptHeaders, address -> resolveQuietly(address))
                    .keepingOriginal();
            try (InputStream in = message.open(); ConvertedMessage converted = reader.read(in, Instant.now())) {
                MessageContent content = unread(converted.content());
                messageId = content.properties().stream().filter(p -> p.tag().equals(PropTags.PR_INTERNET_MESSAGE_ID))
                        .map(p -> (String) p.javaValue()).findFirst().orElse("");
                for (Resolution.Mailbox mailbox : to) {
                    report.accept(deliverOne(content, local, mailbox, isSpam, sender));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Delivery of a message from <{}> failed: {}", sender, e.toString());
            for (int i = results.size(); i < to.size(); i++) {
                report.accept(new RecipientResult(to.get(i).address(), Outcome.TEMPORARY_FAILURE,
                        "the message could not be processed"));
            }
        }
        log(messageId, sender, size, isSpam, results, started);
        return results;
    }

    private Optional<UserInfo> resolveQuietly(String address) {
        try {
            return withSession(s -> AddressBook.of(s).resolve(address));
        } catch (RuntimeException e) {
            return Optional.empty(); // names stay as the mail wrote them
        }
    }

    private RecipientResult deliverOne(MessageContent content, LocalNamedTags local, Resolution.Mailbox mailbox,
            boolean isSpam, String sender) {
        String address = mailbox.address();
        try {
            StoreInfo info = withSession(s -> {
                StoreInfo opened = s.stores().openUserStore(mailbox.user().login());
                EntryId folder = isSpam ? opened.findFolder(WellKnownFolder.JUNK).orElse(opened.folder(WellKnownFolder.INBOX))
                        : opened.folder(WellKnownFolder.INBOX);
                s.messages().create(folder, StoreContent.forStore(content, local, s.namedProperties(), opened.entryId()));
                return opened;
            });
            if (!isSpam) {
                answerOutOfOffice(info, mailbox.user(), content, local, sender);
            }
            return new RecipientResult(address, Outcome.DELIVERED, isSpam ? "Junk E-mail" : "Inbox");
        } catch (MapiException.StoreFull e) {
            return new RecipientResult(address, Outcome.MAILBOX_FULL, "the mailbox is full");
        } catch (MapiException.TooBig e) {
            return new RecipientResult(address, Outcome.TOO_LARGE, "the message is too large for the store");
        } catch (MapiException.NotFound e) {
            // The user (or the store) went away between RCPT and now.
            return new RecipientResult(address, Outcome.UNKNOWN_USER, "no such user");
        } catch (RuntimeException e) {
            LOG.warn("Delivery to {} failed: {}", address, e.toString());
            return new RecipientResult(address, Outcome.TEMPORARY_FAILURE, "the store failed; try again later");
        }
    }

    /**
     * The out-of-office reply, after the message is committed: its failure is logged and does not undo the
     * delivery. Spam is never answered (its sender is forged more often than not).
     */
    private void answerOutOfOffice(StoreInfo info, UserInfo user, MessageContent content, LocalNamedTags local,
            String sender) {
        try {
            OutOfOfficeReply.Verdict verdict = withSession(s -> outOfOffice.answer(s, info, user, content, local, sender,
                    Instant.now()));
            if (verdict == OutOfOfficeReply.Verdict.SENT) {
                LOG.info("Out-of-office reply from {} to <{}> queued", user.login(), sender);
            } else if (verdict != OutOfOfficeReply.Verdict.OFF) {
                LOG.debug("No out-of-office reply from {} to <{}>: {}", user.login(), sender, verdict);
            }
        } catch (RuntimeException e) {
            LOG.warn("Out-of-office reply from {} to <{}> failed: {}", user.login(), sender, e.toString());
        }
    }

    /** Delivered mail is unread, whatever flags the converter or a TNEF part carried. */
    private static MessageContent unread(MessageContent c) {
        List<PropValue> props = new ArrayList<>(c.properties().size() + 1);
        for (PropValue p : c.properties()) {
            if (!p.tag().equals(PropTags.PR_MESSAGE_FLAGS)) {
                props.add(p);
            }
        }
        props.add(PropValue.of(PropTags.PR_MESSAGE_FLAGS, 0));
        return new MessageContent(props, c.recipients(), c.attachments(), false);
    }

    private static void log(String messageId, String sender, long size, boolean isSpam, List<RecipientResult> results,
            long started) {
        List<String> delivered = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (RecipientResult r : results) {
            if (r.delivered()) {
                delivered.add(r.address());
            } else {
                failed.add(r.address() + " (" + r.outcome().name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (!delivered.isEmpty()) {
            LOG.info("Delivered {}from <{}> to {}{}{}, {} bytes in {} ms",
                    messageId.isEmpty() ? "" : messageId + " ", sender, String.join(", ", delivered),
                    isSpam ? " (Junk E-mail)" : "", failed.isEmpty() ? "" : "; not to " + String.join(", ", failed),
                    size, ms);
        } else {
            LOG.warn("Not delivered {}from <{}>: {}, {} bytes in {} ms", messageId.isEmpty() ? "" : messageId + " ",
                    sender, String.join(", ", failed), size, ms);
        }
    }

    private interface SessionCall<T> {
        T call(Session s);
    }

    /** Runs a call on the service session, logging on again once if the store ended it (a restart, a timeout). */
    private <T> T withSession(SessionCall<T> call) {
        Session s = session();
        try {
            return call.call(s);
        } catch (MapiException.EndOfSession e) {
            synchronized (this) {
                if (session == s) {
                    session = null;
                }
            }
            return call.call(session());
        }
    }

    private synchronized Session session() {
        if (session == null) {
            session = store.logon(credentials);
        }
        return session;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
