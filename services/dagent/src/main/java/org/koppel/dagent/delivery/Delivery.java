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
import org.koppel.dagent.plugin.DeliveryPlugin;
import org.koppel.dagent.plugin.Envelope;
import org.koppel.dagent.plugin.PluginResult;
import org.koppel.dagent.plugin.RecipientDelivery;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.MessageFlags;
import org.koppel.mapi.RuleAction;
import org.koppel.store.api.Rules;
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
 * recipient: the plugins' hooks, routing (spam to Junk E-mail; else the inbox rules decide), saved unread in
 * its own transaction, each result reported as soon as it is committed, then the rules' forwards and replies
 * and the out-of-office reply. Works through a service session of the system identity,
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
    private final RuleMail ruleMail;
    private final List<DeliveryPlugin> plugins;
    private final MailboxSettings settings = new MailboxSettings(MailboxSettings.DEFAULT_MAX_STORES);
    private final QuotaVerdicts quotas = new QuotaVerdicts(java.time.Clock.systemUTC());
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
        this(store, credentials, spam, tempDir, oofReplyPeriod, RuleSettings.defaults(), List.of());
    }

    /**
     * @param credentials    how to log on: a service without impersonation (the system identity)
     * @param tempDir        where the converter spools large parts
     * @param oofReplyPeriod an out-of-office reply goes to one sender at most once in this period
     * @param rules          where inbox rules may forward to, and the loop guard
     * @param plugins        the delivery plugins, in the order their hooks run
     */
    public Delivery(StoreServer store, Credentials credentials, SpamRule spam, Path tempDir, Duration oofReplyPeriod,
            RuleSettings rules, List<DeliveryPlugin> plugins) {
        this.store = store;
        this.ruleMail = new RuleMail(rules);
        this.plugins = List.copyOf(plugins);
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
                for (DeliveryPlugin p : plugins) {
                    if (p.accepts(address)) {
                        return new Resolution.PluginAddress(address, p.name());
                    }
                }
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
                if (quotas.full(user.login(), () -> s.quotas().status(user.login()).level() == QuotaLevel.HARD)) {
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
            List<? extends Resolution.Accepted> to, Consumer<RecipientResult> each) {
        long started = System.nanoTime();
        List<RecipientResult> results = new ArrayList<>(to.size());
        Consumer<RecipientResult> report = r -> {
            results.add(r);
            each.accept(r);
        };
        String messageId = "";
        boolean isSpam = false;
        try {
            PluginResult early = beforeConversion(new Envelope(sender == null ? "" : sender,
                    to.stream().map(Resolution.Accepted::address).toList(), size, message));
            if (early != PluginResult.CONTINUE) {
                for (Resolution.Accepted r : to) {
                    report.accept(pluginResult(r.address(), early, "before conversion"));
                }
                log(messageId, sender, size, false, results, started);
                return results;
            }
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
                for (Resolution.Accepted recipient : to) {
                    report.accept(deliverOne(content, local, recipient, isSpam, sender, size));
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

    private RecipientResult deliverOne(MessageContent content, LocalNamedTags local, Resolution.Accepted recipient,
            boolean isSpam, String sender, long size) {
        String address = recipient.address();
        Optional<UserInfo> user = recipient instanceof Resolution.Mailbox m ? Optional.of(m.user()) : Optional.empty();
        try {
            Hook hook = new Hook(sender == null ? "" : sender, address, user, content, local);
            for (DeliveryPlugin p : plugins) {
                PluginResult r = run(p, "beforeDelivery", () -> p.beforeDelivery(hook));
                if (r != PluginResult.CONTINUE) {
                    return pluginResult(address, r, p.name());
                }
            }
            if (user.isEmpty()) {
                return new RecipientResult(address, Outcome.UNKNOWN_USER, "no such user");
            }
            Saved saved = withSession(s -> saveInKeptStore(s, content, local, user.get(), isSpam, size));
            if (!saved.kept()) {
                return new RecipientResult(address, Outcome.DELIVERED, saved.folder());
            }
            if (!isSpam) {
                afterRules(saved, user.get(), sender);
                answerOutOfOffice(saved.store(), user.get(), content, local, sender);
            }
            for (DeliveryPlugin p : plugins) {
                if (run(p, "afterDelivery", () -> p.afterDelivery(hook)) != PluginResult.CONTINUE) {
                    break;
                }
            }
            return new RecipientResult(address, Outcome.DELIVERED, saved.folder());
        } catch (MapiException.StoreFull e) {
            user.ifPresent(u -> quotas.forget(u.login())); // the next RCPT asks the store again
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

    /** A committed copy: the store, the message in that store's form, what the rules decided, where it went. */
    private record Saved(StoreInfo store, MessageContent message, InboxRules.Decision rules, String folder) {
        boolean kept() {
            return !rules.delete;
        }
    }

    /**
     * Routes (spam, then inbox rules for mail that is not spam) and saves the recipient's copy in one transaction;
     * a rule's copies follow, each in its own.
     */
    /** {@link #save} into the store kept from an earlier delivery; if that is gone, into the store opened anew. */
    private Saved saveInKeptStore(Session s, MessageContent content, LocalNamedTags local, UserInfo user,
            boolean isSpam, long size) {
        try {
            return save(s, content, local, user, isSpam, size, settings.store(s, user.login()));
        } catch (MapiException.NotFound e) {
            // Nothing was saved: the store or a folder was not found before the insert. Once more, unkept.
            settings.forgetStore(user.login());
            return save(s, content, local, user, isSpam, size, settings.store(s, user.login()));
        }
    }

    private Saved save(Session s, MessageContent content, LocalNamedTags local, UserInfo user, boolean isSpam,
            long size, StoreInfo opened) {
        MessageContent own = StoreContent.forStore(content, local, s.namedProperties(), opened.entryId());
        if (isSpam) {
            EntryId junk = opened.findFolder(WellKnownFolder.JUNK).orElse(opened.folder(WellKnownFolder.INBOX));
            s.messages().create(junk, own);
            return new Saved(opened, own, new InboxRules.Decision(), "Junk E-mail");
        }
        InboxRules.Decision d = InboxRules.evaluate(Rules.of(s, opened), settings.rules(s, opened),
                new MessageProperties(own, size, user), user.login());
        if (d.any()) {
            LOG.debug("Rules of {} matched: {}", user.login(), d.matched);
        }
        if (d.delete) {
            return new Saved(opened, own, d, "deleted by a rule");
        }
        MessageContent changed = changed(own, d);
        String where = "Inbox";
        if (d.move.isPresent()) {
            RuleAction.Move m = d.move.get();
            saveInto(s, content, local, changed, opened, m.store(), m.folder());
            where = "moved by a rule";
        } else {
            s.messages().create(opened.folder(WellKnownFolder.INBOX), changed);
        }
        for (RuleAction.Copy c : d.copies) {
            try {
                saveInto(s, content, local, changed, opened, c.store(), c.folder());
            } catch (RuntimeException e) {
                LOG.warn("Rule copy for {} failed: {}", user.login(), e.toString());
            }
        }
        return new Saved(opened, changed, d, where);
    }

    /** Saves into a folder of the recipient's store, or of another store with that store's named-property ids. */
    private static void saveInto(Session s, MessageContent content, LocalNamedTags local, MessageContent own,
            StoreInfo opened, EntryId store, EntryId folder) {
        if (store.equals(opened.entryId())) {
            s.messages().create(folder, own);
        } else {
            s.messages().create(folder, StoreContent.forStore(changedLike(content, own), local, s.namedProperties(),
                    store));
        }
    }

    /** The local-form content with the rule changes of the store-form copy that are not named properties. */
    private static MessageContent changedLike(MessageContent local, MessageContent own) {
        List<PropValue> props = new ArrayList<>(local.properties().size());
        for (PropValue p : local.properties()) {
            if (!p.tag().equals(PropTags.PR_MESSAGE_FLAGS) && !p.tag().equals(PropTags.PR_IMPORTANCE)) {
                props.add(p);
            }
        }
        own.properties().stream().filter(p -> p.tag().equals(PropTags.PR_MESSAGE_FLAGS)
                || p.tag().equals(PropTags.PR_IMPORTANCE)).forEach(props::add);
        return new MessageContent(props, local.recipients(), local.attachments(), false);
    }

    /** The message with the rules' changes: read, and the tagged properties (importance, categories, ...). */
    private static MessageContent changed(MessageContent m, InboxRules.Decision d) {
        if (!d.markRead && d.tags.isEmpty()) {
            return m;
        }
        List<PropValue> props = new ArrayList<>(m.properties().size() + d.tags.size());
        for (PropValue p : m.properties()) {
            boolean replaced = (d.markRead && p.tag().equals(PropTags.PR_MESSAGE_FLAGS))
                    || d.tags.stream().anyMatch(t -> t.tag().id() == p.tag().id());
            if (!replaced) {
                props.add(p);
            }
        }
        if (d.markRead) {
            props.add(PropValue.of(PropTags.PR_MESSAGE_FLAGS, MessageFlags.MSGFLAG_READ.value()));
        }
        props.addAll(d.tags);
        return new MessageContent(props, m.recipients(), m.attachments(), m.associated());
    }

    /** Forwards and replies of the matching rules, after the commit: a failure is logged, the delivery stands. */
    private void afterRules(Saved saved, UserInfo user, String sender) {
        for (RuleAction.Forward f : saved.rules().forwards) {
            try {
                withSession(s -> ruleMail.forward(s, saved.store(), user, saved.message(), f, this::isLocal));
            } catch (RuntimeException e) {
                LOG.warn("Rule forward from {} failed: {}", user.login(), e.toString());
            }
        }
        for (RuleAction.Reply r : saved.rules().replies) {
            try {
                withSession(s -> ruleMail.reply(s, saved.store(), user, saved.message(), r, sender));
            } catch (RuntimeException e) {
                LOG.warn("Rule reply from {} failed: {}", user.login(), e.toString());
            }
        }
    }

    private boolean isLocal(String address) {
        return resolveQuietly(address).isPresent();
    }

    // ---- plugins

    private PluginResult beforeConversion(Envelope envelope) {
        for (DeliveryPlugin p : plugins) {
            PluginResult r = run(p, "beforeConversion", () -> p.beforeConversion(envelope));
            if (r != PluginResult.CONTINUE) {
                return r;
            }
        }
        return PluginResult.CONTINUE;
    }

    /** Runs a hook; a plugin that throws defers the mail (RETRY_LATER) rather than lose or bounce it. */
    private static PluginResult run(DeliveryPlugin p, String hook, java.util.function.Supplier<PluginResult> call) {
        try {
            PluginResult r = call.get();
            return r == null ? PluginResult.CONTINUE : r;
        } catch (RuntimeException e) {
            LOG.error("Delivery plugin {} failed in {}: {}", p.name(), hook, e.toString(), e);
            return PluginResult.RETRY_LATER;
        }
    }

    private static RecipientResult pluginResult(String address, PluginResult r, String by) {
        return switch (r) {
            case CONTINUE, STOP_SUCCESS -> new RecipientResult(address, Outcome.DELIVERED, "by plugin " + by);
            case STOP_FAILURE -> new RecipientResult(address, Outcome.REJECTED, "refused by plugin " + by);
            case RETRY_LATER -> new RecipientResult(address, Outcome.TEMPORARY_FAILURE,
                    "deferred by plugin " + by + "; try again later");
        };
    }

    /** One recipient's delivery as the plugins see it. */
    private final class Hook implements RecipientDelivery {
        private final String sender;
        private final String address;
        private final Optional<UserInfo> user;
        private final MessageContent content;
        private final LocalNamedTags local;

        Hook(String sender, String address, Optional<UserInfo> user, MessageContent content, LocalNamedTags local) {
            this.sender = sender;
            this.address = address;
            this.user = user;
            this.content = content;
            this.local = local;
        }

        @Override
        public String sender() {
            return sender;
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public Optional<UserInfo> user() {
            return user;
        }

        @Override
        public MessageContent message() {
            return content;
        }

        @Override
        public Session session() {
            return Delivery.this.session();
        }

        @Override
        public EntryId save(EntryId store, EntryId folder) {
            return withSession(s -> s.messages().create(folder, StoreContent.forStore(content, local,
                    s.namedProperties(), store)));
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
                    Instant.now(), () -> settings.outOfOffice(s, info)));
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
                    settings.clear(); // its subscriptions ended with it
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
        settings.close();
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
