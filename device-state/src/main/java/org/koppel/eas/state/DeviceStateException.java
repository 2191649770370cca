package org.koppel.eas.state;

/**
 * What can go wrong when reading or writing device state, apart from a sync key the client made up (that
 * is a normal answer, {@link KeyLookup.Unknown}). The gateway maps each kind to a protocol status in one
 * place.
 */
public abstract sealed class DeviceStateException extends RuntimeException {

    private DeviceStateException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Another request of the same device changed the same collection between this request's lookup and its
     * issue: only one of two concurrent requests may advance a key. The loser's response must not be sent
     * with a new key; the device retries.
     */
    public static final class ConcurrentUpdate extends DeviceStateException {
        public ConcurrentUpdate(String message) {
            super(message, null);
        }
    }

    /** The device (this user on this device id) is not registered, or was removed meanwhile. */
    public static final class UnknownDevice extends DeviceStateException {
        public UnknownDevice(DeviceAccount account) {
            super("no device " + account, null);
        }
    }

    /** A state change that the current state does not allow, for example acknowledging a wipe never sent. */
    public static final class InvalidTransition extends DeviceStateException {
        public InvalidTransition(String message) {
            super(message, null);
        }
    }

    /** The database failed (after retries of deadlocks and lock timeouts) or holds something unreadable. */
    public static final class StorageFailure extends DeviceStateException {
        public StorageFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
