package org.koppel.gateway.net;

import java.util.concurrent.Semaphore;

/**
 * How many connections a protocol serves at once (gateway.cfg max_connections), shared by its listeners:
 * the plain and the implicit-TLS listener of one protocol draw from the same limit.
 */
public final class ConnectionLimit {

    private final int max;
    private final Semaphore slots;

    public ConnectionLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a connection limit must be positive");
        }
        this.max = max;
        this.slots = new Semaphore(max);
    }

    public int max() {
        return max;
    }

    /** Connections being served now. */
    public int inUse() {
        return max - slots.availablePermits();
    }

    boolean tryAcquire() {
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }
}
