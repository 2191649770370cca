package org.koppel.spooler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.inetmapi.StoreNamedTags;
import org.koppel.inetmapi.StoredMessage;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.EventType;
import org.koppel.store.client.OutgoingQueue;
import org.koppel.store.client.QueuedMessage;
import org.koppel.store.client.Recipient;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreServer;
import org.koppel.store.client.Subscription;
import org.koppel.store.client.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outgoing spooler: takes submitted messages from the store's outgoing queue and hands them to the SMTP
 * smarthost. It learns of work from the queue's watch (each submit) and from {@link OutgoingQueue#nextDue}
 * (retries), never by polling; at start it takes whatever is already queued. One dispatcher claims messages
 * while fewer than {@code max_parallel_sends} are being sent; each send runs on its own virtual thread.
 */
public final class Spooler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Spooler.class);
    /** The wait after the store itself failed (not a send), before the queue is read again. */
    private static final Duration STORE_TROUBLE_WAIT = Duration.ofSeconds(10);

    private final StoreServer server;
    private final Credentials credentials;
    private final SpoolerConfig config;
    private final SmtpTls tls;

    private final Semaphore wake = new Semaphore(0);
    private final Semaphore senders;
    private final Set<EntryId> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Whether the last attempt to reach the smarthost failed, so that an outage is logged once, not per message. */
    private final AtomicBoolean smarthostDown = new AtomicBoolean();
    private ExecutorService sends;
    private Session session;
    private Subscription watch;
    private Thread dispatcher;

    public Spooler(StoreServer server, Credentials credentials, SpoolerConfig config, SmtpTls tls) {
        this.server = server;
        this.credentials = credentials;
        this.config = config;
        this.tls = tls;
        this.senders = new Semaphore(config.maxParallelSends());
    }

    /** Logs on, subscribes to the queue and starts sending what is queued; returns once it is listening. */
    public synchronized Spooler start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("the spooler is already running");
        }
        session = server.logon(credentials);
        // Subscribed before the first read of the queue: a submit in between is heard, not lost.
        watch = session.outgoing().watch(n -> {
            if (n.type() == EventType.SUBMITTED || n.type() == EventType.RESYNC_NEEDED) {
                wake.release();
            }
        });
        sends = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("koppel-spooler-send-", 0).factory());
        wake.release();
        dispatcher = Thread.ofVirtual().name("koppel-spooler").start(this::dispatch);
        LOG.info("Spooler ready: smarthost {}:{} (STARTTLS {}, AUTH {}), {} parallel sends", config.smtpHost(),
                config.smtpPort(), config.startTls().name().toLowerCase(java.util.Locale.ROOT),
                config.authenticates() ? "as " + config.smtpUsername() : "none", config.maxParallelSends());
        return this;
    }

    private void dispatch() {
        while (running.get()) {
            Duration wait;
            try {
                claimAll();
                wait = session.outgoing().nextDue()
                        .map(due -> Duration.between(Instant.now(), due).plusMillis(20))
                        .orElse(null);
            } catch (MapiException.EndOfSession e) {
                if (!running.get()) {
                    return;
                }
                LOG.warn("Spooler: the store session ended; logging on again");
                reconnect();
                continue;
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                LOG.warn("Spooler: reading the outgoing queue failed, again in {}s: {}",
                        STORE_TROUBLE_WAIT.toSeconds(), e.toString());
                wait = STORE_TROUBLE_WAIT;
            }
            try {
                if (wait == null) {
                    wake.acquire();
                } else if (!wait.isNegative()) {
                    wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void reconnect() {
        try {
            Subscription old = watch;
            session = server.logon(credentials);
            watch = session.outgoing().watch(n -> wake.release());
            old.close();
        } catch (RuntimeException e) {
            LOG.warn("Spooler: cannot log on to the store: {}", e.toString());
            try {
                Thread.sleep(STORE_TROUBLE_WAIT);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    /** Claims due messages until none is left, waiting for a free sender before each claim. */
    private void claimAll() {
        OutgoingQueue queue = session.outgoing();
        while (running.get()) {
            List<QueuedMessage> batch = queue.pending(Math.min(1000, Math.max(16, config.maxParallelSends() * 4)));
            boolean claimed = false;
            for (QueuedMessage q : batch) {
                if (inFlight.contains(q.message())) {
                    continue;
                }
                try {
                    senders.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!running.get()) {
                    senders.release();
                    return;
                }
                boolean locked;
                try {
                    locked = queue.lock(q.message());
                } catch (RuntimeException e) {
                    senders.release();
                    throw e;
                }
                if (!locked) {
                    senders.release();
                    continue;
                }
                claimed = true;
                inFlight.add(q.message());
                sends.execute(() -> {
                    try {
                        send(q);
                    } finally {
                        inFlight.remove(q.message());
                        senders.release();
                        wake.release();
                    }
                });
            }
            if (!claimed) {
                return;
            }
        }
    }

    /** Sends one claimed message and reports the outcome to the queue; never throws. */
    private void send(QueuedMessage q) {
        long started = System.nanoTime();
        Session s = session;
        OutgoingQueue queue = s.outgoing();
        Path mime = null;
        try {
            Optional<UserInfo> owner = q.ownerLogin().isEmpty() ? Optional.empty()
                    : s.directory().user(q.ownerLogin());
            if (owner.isEmpty()) {
                LOG.warn("Spooler: message {} is in a store without an owner; not sent", q.message());
                queue.failed(q.message(), "the store has no owner to send as", true);
                return;
            }
            StoredMessage stored = new StoredMessage(s, q.message());
            OutgoingMail mail = new OutgoingMail(stored, owner.get());
            List<Recipient> recipients = mail.recipients();
            Authorship authorship = new SendRights(s).decide(owner.get(), mail);
            if (authorship instanceof Authorship.Forbidden refused) {
                refuseAll(s, q, mail, recipients, refused.reason());
                LOG.info("Refused message from {} as {}: {}", owner.get().login(), refused.address(),
                        refused.reason());
                return;
            }
            List<NonDeliveryReport.Failure> failures = new ArrayList<>();
            List<Integer> done = new ArrayList<>();
            List<Recipient> sendable = new ArrayList<>();
            for (Recipient r : recipients) {
                if (OutgoingMail.internetAddress(r.email())) {
                    sendable.add(r);
                } else {
                    failures.add(new NonDeliveryReport.Failure(r.displayName(), r.email(),
                            "553 5.1.3 not an Internet mail address"));
                    done.add(r.rowId());
                }
            }
            if (sendable.isEmpty()) {
                finish(s, q, mail, failures, 0, owner.get(), 0, started);
                return;
            }
            NamedTagMap names = new StoreNamedTags(s, q.store());
            mime = mail.render(names, authorship);
            Envelope envelope = new Envelope(mail.returnPath(authorship, mail.autoReply(names)),
                    sendable.stream().map(Recipient::email).toList(), mail.dsn());
            List<SmtpReply> replies;
            try (SmtpClient smtp = SmtpClient.open(config, tls)) {
                if (smarthostDown.compareAndSet(true, false)) {
                    LOG.info("Spooler: the smarthost {}:{} is reachable again", config.smtpHost(), config.smtpPort());
                }
                replies = smtp.send(envelope, mime);
            }
            int delivered = 0;
            List<Recipient> deferred = new ArrayList<>();
            List<String> temporary = new ArrayList<>();
            for (int i = 0; i < replies.size(); i++) {
                SmtpReply reply = replies.get(i);
                Recipient r = sendable.get(i);
                if (reply.positive()) {
                    delivered++;
                    done.add(r.rowId());
                } else if (reply.transientFailure()) {
                    deferred.add(r);
                    temporary.add(r.email() + ": " + reply);
                } else {
                    failures.add(new NonDeliveryReport.Failure(r.displayName(), r.email(), reply.toString()));
                    done.add(r.rowId());
                }
            }
            if (!deferred.isEmpty()) {
                String reason = String.join("; ", temporary);
                if (Instant.now().isAfter(q.submitted().plus(config.retryMaxAge()))) {
                    for (int i = 0; i < replies.size(); i++) {
                        if (replies.get(i).transientFailure()) {
                            failures.add(new NonDeliveryReport.Failure(sendable.get(i).displayName(),
                                    sendable.get(i).email(), replies.get(i) + " (gave up after trying for "
                                    + config.retryMaxAge().toHours() + " hours)"));
                        }
                    }
                    finish(s, q, mail, failures, delivered, owner.get(), Files.size(mime), started);
                    return;
                }
                // Only the deferred recipients are tried again: those that have the message or were refused
                // for good are marked done in the message, which survives a restart.
                if (!failures.isEmpty()) {
                    NonDeliveryReport.deliver(s, q.store(), mail.subject(), failures);
                }
                if (done.isEmpty()) {
                    reportTemporary(queue, q, reason);
                } else {
                    queue.partlySent(q.message(), done, reason);
                    LOG.info("Sent message from {} to {} recipients, {} deferred and retried later", owner.get()
                            .login(), delivered, deferred.size());
                }
                return;
            }
            finish(s, q, mail, failures, delivered, owner.get(), Files.size(mime), started);
        } catch (SmtpException e) {
            if (e.permanentForMessage()) {
                try {
                    Optional<UserInfo> owner = s.directory().user(q.ownerLogin());
                    OutgoingMail mail = new OutgoingMail(new StoredMessage(s, q.message()), owner.orElseThrow());
                    refuseAll(s, q, mail, mail.recipients(), e.reply().toString());
                } catch (RuntimeException failure) {
                    reportTemporary(queue, q, e.getMessage() + "; and the report failed: " + failure);
                }
            } else {
                smarthostTrouble(e);
                retryOrGiveUp(s, q, e.getMessage());
            }
        } catch (IOException e) {
            smarthostTrouble(e);
            retryOrGiveUp(s, q, e.toString());
        } catch (MapiException.NotFound e) {
            LOG.info("Spooler: message {} left the queue while being sent ({})", q.message(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Spooler: sending message {} failed; it is retried later", q.message(), e);
            reportTemporary(queue, q, e.toString());
        } finally {
            if (mime != null) {
                try {
                    Files.deleteIfExists(mime);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }

    private void smarthostTrouble(Exception e) {
        if (smarthostDown.compareAndSet(false, true)) {
            LOG.warn("Spooler: cannot send through the smarthost {}:{} ({}); mail stays queued and is retried",
                    config.smtpHost(), config.smtpPort(), e.getMessage());
        } else {
            LOG.debug("Spooler: smarthost still failing: {}", e.toString());
        }
    }

    private void retryOrGiveUp(Session s, QueuedMessage q, String reason) {
        try {
            Optional<UserInfo> owner = s.directory().user(q.ownerLogin());
            OutgoingMail mail = new OutgoingMail(new StoredMessage(s, q.message()), owner.orElseThrow());
            retryLater(s, q, mail, mail.recipients(), reason);
        } catch (RuntimeException e) {
            reportTemporary(s.outgoing(), q, reason);
        }
    }

    /** A temporary failure: retried by the queue, until the message is older than retry_max_age. */
    private void retryLater(Session s, QueuedMessage q, OutgoingMail mail, List<Recipient> recipients,
            String reason) {
        if (Instant.now().isAfter(q.submitted().plus(config.retryMaxAge()))) {
            refuseAll(s, q, mail, recipients, reason + " (gave up after trying for "
                    + config.retryMaxAge().toHours() + " hours)");
            return;
        }
        reportTemporary(s.outgoing(), q, reason);
    }

    private static void reportTemporary(OutgoingQueue queue, QueuedMessage q, String reason) {
        try {
            queue.failed(q.message(), reason, false);
        } catch (RuntimeException e) {
            // The claim expires on its own (submit_lock_timeout) and the message is due again.
            LOG.warn("Spooler: could not report a temporary failure for {}: {}", q.message(), e.toString());
        }
    }

    /** Nothing was delivered and nothing will be: an NDR for every recipient, and the message back to its user. */
    private static void refuseAll(Session s, QueuedMessage q, OutgoingMail mail, List<Recipient> recipients,
            String reason) {
        List<NonDeliveryReport.Failure> failures = recipients.stream()
                .map(r -> new NonDeliveryReport.Failure(r.displayName(), r.email(), reason)).toList();
        NonDeliveryReport.deliver(s, q.store(), mail.subject(), failures);
        if (mail.partlyDelivered()) {
            // Earlier attempts reached some recipients: the message was sent, to them.
            s.outgoing().sent(q.message());
        } else {
            s.outgoing().failed(q.message(), reason, true);
        }
    }

    private static void finish(Session s, QueuedMessage q, OutgoingMail mail, List<NonDeliveryReport.Failure> failures,
            int delivered, UserInfo owner, long size, long started) {
        if (!failures.isEmpty()) {
            NonDeliveryReport.deliver(s, q.store(), mail.subject(), failures);
        }
        if (delivered == 0 && !mail.partlyDelivered()) {
            s.outgoing().failed(q.message(), failures.isEmpty() ? "no recipients" : failures.get(0).reason(), true);
            LOG.info("Not sent: message from {}: no recipient accepted ({} failed)", owner.login(), failures.size());
            return;
        }
        s.outgoing().sent(q.message());
        LOG.info("Sent message from {} to {} recipients{}, {} bytes, in {} ms", owner.login(), delivered,
                failures.isEmpty() ? "" : " (" + failures.size() + " failed)", size,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops claiming, lets sends in progress finish (up to {@code grace}), and logs off. */
    public void close(Duration grace) {
        synchronized (this) {
            if (!running.compareAndSet(true, false)) {
                return;
            }
        }
        wake.release();
        dispatcher.interrupt();
        try {
            dispatcher.join(grace.toMillis());
            sends.shutdown();
            if (!sends.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Spooler: sends still running at stop; their messages are claimed until the claim expires");
                sends.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            watch.close();
            session.close();
        } catch (RuntimeException e) {
            LOG.debug("Spooler: closing the store session: {}", e.toString());
        }
        LOG.info("Spooler stopped");
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
