package org.koppel.store.core.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Attachments;
import org.koppel.store.client.Contents;
import org.koppel.store.client.Directory;
import org.koppel.store.client.Folders;
import org.koppel.store.client.Messages;
import org.koppel.store.client.Notifications;
import org.koppel.store.client.NamedProperties;
import org.koppel.store.client.Permissions;
import org.koppel.store.client.Quotas;
import org.koppel.store.client.ReceiveFolders;
import org.koppel.store.client.Session;
import org.koppel.store.client.Stores;
import org.koppel.store.client.UserInfo;

/** A session of the in-process engine: one caller, and the capabilities acting as that caller. */
final class EngineSession implements Session {

    private final Caller caller;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final EngineStores stores;
    private final EngineFolders folders;
    private final EngineMessages messages;
    private final EngineAttachments attachments;
    private final EngineContents contents;
    private final EnginePermissions permissions;
    private final EngineQuotas quotas;
    private final EngineNamedProperties namedProperties;
    private final EngineReceiveFolders receiveFolders;
    private final EngineDirectory directory;
    private final EngineNotifications notifications;
    private final EngineChanges changes;
    private final EngineOutgoingQueue outgoing;
    private final UserInfo user;

    EngineSession(EngineContext ctx, Caller caller) {
        this.caller = caller;
        Scope scope = new Scope(ctx, caller, open);
        this.stores = new EngineStores(scope);
        this.folders = new EngineFolders(scope);
        this.messages = new EngineMessages(scope);
        this.attachments = new EngineAttachments(scope);
        this.contents = new EngineContents(scope);
        this.permissions = new EnginePermissions(scope);
        this.quotas = new EngineQuotas(scope);
        this.namedProperties = new EngineNamedProperties(scope);
        this.receiveFolders = new EngineReceiveFolders(scope);
        this.directory = new EngineDirectory(scope);
        this.notifications = new EngineNotifications(scope, ctx.notifications());
        this.changes = new EngineChanges(scope);
        this.outgoing = new EngineOutgoingQueue(scope, messages, notifications);
        this.user = caller.system()
                ? new UserInfo(0, caller.login(), "System", "", java.util.List.of(), true,
                        org.koppel.store.client.UserKind.SYSTEM, true, java.util.Set.of())
                : ctx.directory().byId(caller.userId())
                        .orElseThrow(() -> new MapiException.LogonFailed("user no longer exists"));
    }

    @Override public UserInfo user() { return user; }
    @Override public Stores stores() { return stores; }
    @Override public Folders folders() { return folders; }
    @Override public Messages messages() { return messages; }
    @Override public Attachments attachments() { return attachments; }
    @Override public Contents contents() { return contents; }
    @Override public Permissions permissions() { return permissions; }
    @Override public Quotas quotas() { return quotas; }
    @Override public NamedProperties namedProperties() { return namedProperties; }
    @Override public ReceiveFolders receiveFolders() { return receiveFolders; }
    @Override public Directory directory() { return directory; }
    @Override public Notifications notifications() { return notifications; }
    @Override public org.koppel.store.client.ChangeTracking changes() { return changes; }

    @Override
    public org.koppel.store.client.OutgoingQueue outgoing() {
        if (!caller.system()) {
            throw new MapiException.NoAccess("the outgoing queue is for the spooler (the system identity) only");
        }
        return outgoing;
    }

    @Override
    public void close() {
        open.set(false);
        notifications.closeAll();
    }

    @Override
    public String toString() {
        return "EngineSession[" + caller.login() + "]";
    }
}
