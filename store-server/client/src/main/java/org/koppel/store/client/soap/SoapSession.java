package org.koppel.store.client.soap;

import org.koppel.mapi.MapiException;
import org.koppel.store.client.Attachments;
import org.koppel.store.client.ChangeTracking;
import org.koppel.store.client.Contents;
import org.koppel.store.client.Directory;
import org.koppel.store.client.Folders;
import org.koppel.store.client.Messages;
import org.koppel.store.client.NamedProperties;
import org.koppel.store.client.Notifications;
import org.koppel.store.client.OutgoingQueue;
import org.koppel.store.client.Permissions;
import org.koppel.store.client.Quotas;
import org.koppel.store.client.ReceiveFolders;
import org.koppel.store.client.Session;
import org.koppel.store.client.Stores;
import org.koppel.store.client.UserInfo;

/** A session held by a remote store, used over SOAP. Safe to use from several threads. */
final class SoapSession implements Session {

    private final SoapCall call;
    private final UserInfo user;
    private final Stores stores;
    private final Folders folders;
    private final Messages messages;
    private final Attachments attachments;
    private final Contents contents;
    private final Permissions permissions;
    private final Quotas quotas;
    private final NamedProperties namedProperties;
    private final ReceiveFolders receiveFolders;
    private final Directory directory;
    private final SoapNotifications notifications;
    private final ChangeTracking changes;
    private final OutgoingQueue outgoing;

    private final java.util.function.Consumer<SoapSession> onClose;

    SoapSession(SoapCall call, UserInfo user, java.util.function.Consumer<SoapSession> onClose) {
        this.call = call;
        this.onClose = onClose;
        this.user = user;
        this.stores = new SoapStores(call);
        this.folders = new SoapFolders(call);
        this.messages = new SoapMessages(call);
        this.attachments = new SoapAttachments(call);
        this.contents = new SoapContents(call);
        this.permissions = new SoapPermissions(call);
        this.quotas = new SoapQuotas(call);
        this.namedProperties = new SoapNamedProperties(call);
        this.receiveFolders = new SoapReceiveFolders(call);
        this.directory = new SoapDirectory(call);
        this.notifications = new SoapNotifications(call);
        this.changes = new SoapChanges(call);
        this.outgoing = new SoapOutgoingQueue(call, notifications);
    }

    @Override
    public UserInfo user() {
        return user;
    }

    @Override
    public Stores stores() {
        return stores;
    }

    @Override
    public Folders folders() {
        return folders;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public Attachments attachments() {
        return attachments;
    }

    @Override
    public Contents contents() {
        return contents;
    }

    @Override
    public Permissions permissions() {
        return permissions;
    }

    @Override
    public Quotas quotas() {
        return quotas;
    }

    @Override
    public NamedProperties namedProperties() {
        return namedProperties;
    }

    @Override
    public ReceiveFolders receiveFolders() {
        return receiveFolders;
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public Notifications notifications() {
        return notifications;
    }

    @Override
    public ChangeTracking changes() {
        return changes;
    }

    @Override
    public OutgoingQueue outgoing() {
        return outgoing;
    }

    @Override
    public void close() {
        if (call.isClosed()) {
            return;
        }
        try {
            call.run(MapiSoap::logoff);
        } catch (MapiException e) {
            // Already ended on the server (expired, or the server is gone): closed all the same.
        } finally {
            call.markClosed();
            onClose.accept(this);
        }
    }
}
