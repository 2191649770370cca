package org.koppel.eas.state;

import java.time.Clock;
import java.util.Objects;

/**
 * ActiveSync device state for the gateway: opens the database (migrating its {@code eas_} tables), and hands
 * out the capabilities. Each capability method is one transaction; a request that reads a sync key
 * and later issues the next one is kept consistent by the collection's row version, not by a transaction
 * held open across the backend call, so several gateway nodes can share the database. Thread-safe; close it
 * to release the pool.
 */
public final class DeviceStateStore implements AutoCloseable {

    private final StateDatabase db;
    private final Devices devices;
    private final SyncStates syncStates;
    private final Hierarchy hierarchy;
    private final SentMail sentMail;

    private DeviceStateStore(StateDatabase db, Devices devices, SyncStates syncStates, Hierarchy hierarchy,
            SentMail sentMail) {
        this.db = db;
        this.sentMail = sentMail;
        this.devices = devices;
        this.syncStates = syncStates;
        this.hierarchy = hierarchy;
    }

    /** Opens the pool and brings the device-state tables to the newest version. */
    public static DeviceStateStore open(DeviceStateConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(DeviceStateConfig)} with the clock that times first/last sync, wipes and keys. */
    public static DeviceStateStore open(DeviceStateConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        StateDatabase db = StateDatabase.open(config);
        StateJson json = new StateJson();
        StateCaches caches = new StateCaches(config);
        KeyChain chain = new KeyChain(db, json, clock);
        return new DeviceStateStore(db,
                new SqlDevices(db, json, caches, clock, config.lastSyncStep()),
                new SqlSyncStates(chain),
                new SqlHierarchy(db, chain, json, caches),
                new SqlSentMail(db, clock));
    }

    public Devices devices() {
        return devices;
    }

    public SyncStates syncStates() {
        return syncStates;
    }

    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** The ClientIds of sent mail, so a repeated SendMail, SmartReply or SmartForward is not sent twice. */
    public SentMail sentMail() {
        return sentMail;
    }

    public DatabaseKind kind() {
        return db.kind();
    }

    @Override
    public void close() {
        db.close();
    }
}
