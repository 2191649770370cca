package org.koppel.store.core.engine;

import java.time.Duration;
import org.koppel.store.client.Quota;
import org.koppel.store.core.blob.TieredBlobStore;

/**
 * The store engine's settings, read once from server.cfg at start.
 *
 * @param maxPropertyBytes    largest single property value accepted (larger is MAPI_E_TOO_BIG)
 * @param maxAttachmentBytes  largest attachment accepted
 * @param defaultQuota        limits for users without their own
 * @param pbkdf2Iterations    cost of PBKDF2-HMAC-SHA256 for new password hashes
 * @param serviceSecret       the shared secret system services log on with (empty: service logon disabled)
 * @param maxRestrictionDepth deepest restriction a query may use
 * @param maxLoginFailures    failed logons per login within {@code loginFailureWindow} before logons are refused
 * @param loginFailureWindow  how long failed logons are remembered
 * @param blobPurgeGrace      how long unreferenced attachment data is kept before a purge removes it
 * @param tombstoneRetention  how long deletions are kept for incremental sync; a client that has not synced
 *                            for longer must start its sync again
 * @param submitLockTimeout   how long a spooler's claim on a queued message holds; a claim older than this
 *                            (its spooler died) expires and the message is due again
 * @param submitRetryDelay    the wait before a queued message is retried after its first temporary failure;
 *                            it doubles with each further one, up to an hour
 */
public record EngineConfig(
        long maxPropertyBytes,
        long maxAttachmentBytes,
        Quota defaultQuota,
        int pbkdf2Iterations,
        String serviceSecret,
        int maxRestrictionDepth,
        int maxLoginFailures,
        Duration loginFailureWindow,
        Duration blobPurgeGrace,
        Duration tombstoneRetention,
        Duration submitLockTimeout,
        Duration submitRetryDelay,
        long smallAttachmentBytes) {

    /** The default of {@link #smallAttachmentBytes}: a typical mail's kept original and its small parts. */
    public static final long DEFAULT_SMALL_ATTACHMENT_BYTES = 64 * 1024;

    public EngineConfig {
        if (smallAttachmentBytes < 0 || smallAttachmentBytes > TieredBlobStore.SMALL_MAX_LIMIT) {
            throw new IllegalArgumentException("smallAttachmentBytes must be 0 to "
                    + TieredBlobStore.SMALL_MAX_LIMIT);
        }
    }

    public static EngineConfig defaults() {
        return new EngineConfig(8L << 20, 256L << 20, Quota.UNLIMITED, 600_000, "", 32, 5,
                Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(90), Duration.ofMinutes(10),
                Duration.ofMinutes(1), DEFAULT_SMALL_ATTACHMENT_BYTES);
    }

    public EngineConfig withSmallAttachmentBytes(long bytes) {
        return new EngineConfig(maxPropertyBytes, maxAttachmentBytes, defaultQuota, pbkdf2Iterations, serviceSecret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, blobPurgeGrace, tombstoneRetention,
                submitLockTimeout, submitRetryDelay, bytes);
    }

    public EngineConfig withPbkdf2Iterations(int iterations) {
        return new EngineConfig(maxPropertyBytes, maxAttachmentBytes, defaultQuota, iterations, serviceSecret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, blobPurgeGrace, tombstoneRetention, submitLockTimeout,
                submitRetryDelay, smallAttachmentBytes);
    }

    public EngineConfig withServiceSecret(String secret) {
        return new EngineConfig(maxPropertyBytes, maxAttachmentBytes, defaultQuota, pbkdf2Iterations, secret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, blobPurgeGrace, tombstoneRetention, submitLockTimeout,
                submitRetryDelay, smallAttachmentBytes);
    }

    public EngineConfig withDefaultQuota(Quota quota) {
        return new EngineConfig(maxPropertyBytes, maxAttachmentBytes, quota, pbkdf2Iterations, serviceSecret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, blobPurgeGrace, tombstoneRetention, submitLockTimeout,
                submitRetryDelay, smallAttachmentBytes);
    }

    public EngineConfig withLimits(long maxProperty, long maxAttachment) {
        return new EngineConfig(maxProperty, maxAttachment, defaultQuota, pbkdf2Iterations, serviceSecret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, blobPurgeGrace, tombstoneRetention, submitLockTimeout,
                submitRetryDelay, smallAttachmentBytes);
    }

    public EngineConfig withPurging(Duration attachmentGrace, Duration tombstones) {
        return new EngineConfig(maxPropertyBytes, maxAttachmentBytes, defaultQuota, pbkdf2Iterations, serviceSecret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, attachmentGrace, tombstones, submitLockTimeout,
                submitRetryDelay, smallAttachmentBytes);
    }

    public EngineConfig withSubmitLockTimeout(Duration timeout) {
        return new EngineConfig(maxPropertyBytes, maxAttachmentBytes, defaultQuota, pbkdf2Iterations, serviceSecret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, blobPurgeGrace, tombstoneRetention, timeout,
                submitRetryDelay, smallAttachmentBytes);
    }

    public EngineConfig withSubmitRetryDelay(Duration first) {
        return new EngineConfig(maxPropertyBytes, maxAttachmentBytes, defaultQuota, pbkdf2Iterations, serviceSecret,
                maxRestrictionDepth, maxLoginFailures, loginFailureWindow, blobPurgeGrace, tombstoneRetention,
                submitLockTimeout, first, smallAttachmentBytes);
    }
}
