package org.koppel.store.endpoint.soap;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.AsyncHandler;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.cxf.jaxws.ServerAsyncResponse;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.SourceKey;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.ConflictPolicy;
import org.koppel.store.client.ContentImport;
import org.koppel.store.client.Credentials;
import org.koppel.store.client.EventType;
import org.koppel.store.client.FolderDeletion;
import org.koppel.store.client.ImapFolderState;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.ServerSyncState;
import org.koppel.store.client.Session;
import org.koppel.store.client.SyncState;
import org.koppel.store.client.TableBookmark;
import org.koppel.store.client.TableSeek;
import org.koppel.store.client.soap.AclXml;
import org.koppel.store.client.soap.MessageSearchResultXml;
import org.koppel.store.client.soap.MessageSearchXml;
import org.koppel.store.client.soap.AttachmentDataXml;
import org.koppel.store.client.soap.AttachmentXml;
import org.koppel.store.client.soap.ContentsExportXml;
import org.koppel.store.client.soap.EventXml;
import org.koppel.store.client.soap.FolderXml;
import org.koppel.store.client.soap.GroupXml;
import org.koppel.store.client.soap.HierarchyExportXml;
import org.koppel.store.client.soap.ImportOutcomeXml;
import org.koppel.store.client.soap.ImportXml;
import org.koppel.store.client.soap.LogonXml;
import org.koppel.store.client.soap.MapiFault;
import org.koppel.store.client.soap.MapiSoap;
import org.koppel.store.client.soap.MessageContentXml;
import org.koppel.store.client.soap.MessageUpdateXml;
import org.koppel.store.client.soap.MessageXml;
import org.koppel.store.client.soap.NamedPropXml;
import org.koppel.store.client.soap.PollResponse;
import org.koppel.store.client.soap.PropXml;
import org.koppel.store.client.soap.QueuedMessageXml;
import org.koppel.store.client.soap.QuotaXml;
import org.koppel.store.client.soap.RecipientXml;
import org.koppel.store.client.soap.RestrictionXml;
import org.koppel.store.client.soap.SearchCriteriaXml;
import org.koppel.store.client.soap.ServerExportXml;
import org.koppel.store.client.soap.StoreSummaryXml;
import org.koppel.store.client.soap.StoreXml;
import org.koppel.store.client.soap.SourceDataSource;
import org.koppel.store.client.soap.SyncOptionsXml;
import org.koppel.store.client.soap.TableQueryXml;
import org.koppel.store.client.soap.TableXml;
import org.koppel.store.client.soap.UserChangesXml;
import org.koppel.store.client.soap.UserXml;
import org.koppel.store.client.soap.WireIds;
import org.koppel.store.endpoint.session.EventInbox;
import org.koppel.store.endpoint.session.InboxEvent;
import org.koppel.store.endpoint.session.LongPoll;
import org.koppel.store.endpoint.session.SessionTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's MAPI-over-SOAP service: each operation finds the session by its token, runs on the session
 * API, and answers in the wire types; a MAPI error becomes a fault with its name and code. One INFO line
 * per call with the operation, user, outcome and time.
 */
@WebService(serviceName = "MapiService", portName = "MapiPort", targetNamespace = MapiSoap.NAMESPACE,
        endpointInterface = "org.koppel.store.client.soap.MapiSoap")
public final class MapiSoapEndpoint implements MapiSoap {

    private static final Logger LOG = LoggerFactory.getLogger(MapiSoapEndpoint.class);

    private final SessionTokens tokens;
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    public MapiSoapEndpoint(SessionTokens tokens, ScheduledExecutorService timer) {
        this.tokens = tokens;
        this.timer = timer;
    }

    @FunctionalInterface
    private interface Op<T> {
        T run(Session s);
    }

    @FunctionalInterface
    private interface VoidOp {
        void run(Session s);
    }

    private <T> T call(String op, String token, Op<T> work) throws MapiFault {
        long started = System.nanoTime();
        String user = "-";
        String outcome = "ok";
        try {
            Session s = tokens.session(token);
            user = s.user().login();
            return work.run(s);
        } catch (MapiException e) {
            outcome = e.error().mapiName();
            throw MapiFault.of(e);
        } catch (RuntimeException e) {
            outcome = "MAPI_E_CALL_FAILED";
            LOG.error("SOAP operation {} failed", op, e);
            throw MapiFault.of(new MapiException.CallFailed("unexpected failure; details are in the server log"));
        } finally {
            LOG.info("soap {} user={} {} {}ms", op, user, outcome, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void run(String op, String token, VoidOp work) throws MapiFault {
        call(op, token, s -> {
            work.run(s);
            return null;
        });
    }

    private static EntryId id(byte[] bytes) {
        return WireIds.entryId(bytes);
    }

    private static List<EntryId> ids(List<byte[]> bytes) {
        return WireIds.entryIds(bytes);
    }

    private static List<byte[]> bytes(List<EntryId> ids) {
        return WireIds.all(ids);
    }

    private static List<PropTag> tags(List<Integer> packed) {
        return TableQueryXml.propTags(packed);
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new MapiException.InvalidParameter("missing " + what);
        }
        return value;
    }

    private static SyncState state(byte[] b) {
        return new SyncState(b == null ? new byte[0] : b);
    }

    /** Polls suspended now, waiting for an event or their timeout (each without a thread). */
    public int waitingPolls() {
        return waiting.get();
    }

    // --- sessions

    @Override
    public LogonXml logon(String login, String password, String service, String secret, String impersonate)
            throws MapiFault {
        long started = System.nanoTime();
        String who = service != null ? "service:" + service : String.valueOf(login);
        String outcome = "ok";
        try {
            String token;
            if (service != null && secret == null) {
                token = tokens.logonByCertificate(service, impersonate, clientCertificates());
                who += " (certificate)";
            } else {
                Credentials credentials = service != null ? new Credentials.Service(service, secret, impersonate)
                        : new Credentials.Password(required(login, "login"), required(password, "password"),
                                impersonate);
                token = tokens.logon(credentials);
            }
            Session s = tokens.session(token);
            LogonXml x = new LogonXml();
            x.session = token;
            x.user = UserXml.of(s.user());
            x.idleTimeoutSeconds = (int) tokens.idleTimeout().toSeconds();
            return x;
        } catch (MapiException e) {
            outcome = e.error().mapiName();
            throw MapiFault.of(e);
        } finally {
            LOG.info("soap logon user={} {} {}ms", who, outcome, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The verified client certificate chain of this call's TLS connection, if it presented one. */
    private static java.security.cert.X509Certificate[] clientCertificates() {
        var message = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
        Object request = message == null ? null
                : message.get(org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
        if (request instanceof jakarta.servlet.http.HttpServletRequest http) {
            return (java.security.cert.X509Certificate[]) http.getAttribute("jakarta.servlet.request.X509Certificate");
        }
        return null;
    }

    @Override
    public void logoff(String session) throws MapiFault {
        run("logoff", session, s -> tokens.end(session));
    }

    // --- stores

    @Override
    public StoreXml openOwnStore(String session) throws MapiFault {
        return call("openOwnStore", session, s -> StoreXml.of(s.stores().openOwn()));
    }

    @Override
    public StoreXml openUserStore(String session, String login) throws MapiFault {
        return call("openUserStore", session, s -> StoreXml.of(s.stores().openUserStore(required(login, "login"))));
    }

    @Override
    public StoreXml openPublicStore(String session) throws MapiFault {
        return call("openPublicStore", session, s -> StoreXml.of(s.stores().openPublic()));
    }

    @Override
    public StoreXml openStore(String session, byte[] store) throws MapiFault {
        return call("openStore", session, s -> StoreXml.of(s.stores().open(id(store))));
    }

    @Override
    public List<PropXml> storeProperties(String session, byte[] store, List<Integer> tags) throws MapiFault {
        return call("storeProperties", session, s -> PropXml.of(s.stores().properties(id(store), tags(tags))));
    }

    @Override
    public List<StoreSummaryXml> listStores(String session) throws MapiFault {
        return call("listStores", session, s -> s.stores().list().stream().map(StoreSummaryXml::of).toList());
    }

    @Override
    public void removeOrphanStore(String session, byte[] store) throws MapiFault {
        run("removeOrphanStore", session, s -> s.stores().removeOrphan(id(store)));
    }

    // --- folders

    @Override
    public byte[] createFolder(String session, byte[] parent, String name, String containerClass,
            CollisionPolicy collision) throws MapiFault {
        return call("createFolder", session, s -> s.folders().create(id(parent), required(name, "name"),
                containerClass, collision == null ? CollisionPolicy.FAIL : collision).bytes());
    }

    @Override
    public FolderXml folderInfo(String session, byte[] folder) throws MapiFault {
        return call("folderInfo", session, s -> FolderXml.of(s.folders().info(id(folder))));
    }

    @Override
    public List<FolderXml> folderChildren(String session, byte[] folder, boolean recursive) throws MapiFault {
        return call("folderChildren", session,
                s -> s.folders().children(id(folder), recursive).stream().map(FolderXml::of).toList());
    }

    @Override
    public TableXml hierarchyTable(String session, byte[] folder, TableQueryXml query) throws MapiFault {
        return call("hierarchyTable", session,
                s -> TableXml.of(s.folders().hierarchy(id(folder), required(query, "query").hierarchyQuery())));
    }

    @Override
    public byte[] hierarchyBookmark(String session, byte[] folder, TableQueryXml query, int offset) throws MapiFault {
        return call("hierarchyBookmark", session, s -> s.folders()
                .hierarchyBookmark(id(folder), required(query, "query").hierarchyQuery(), offset).bytes());
    }

    @Override
    public int hierarchySeek(String session, byte[] folder, TableQueryXml query, byte[] bookmark) throws MapiFault {
        return call("hierarchySeek", session, s -> position(s.folders().hierarchySeek(id(folder),
                required(query, "query").hierarchyQuery(), new TableBookmark(required(bookmark, "bookmark")))));
    }

    @Override
    public int findHierarchyRow(String session, byte[] folder, TableQueryXml query, RestrictionXml find, int start,
            boolean backward) throws MapiFault {
        return call("findHierarchyRow", session, s -> s.folders().findHierarchyRow(id(folder),
                required(query, "query").hierarchyQuery(), required(find, "restriction").restriction(), start,
                backward).orElse(-1));
    }

    @Override
    public void renameFolder(String session, byte[] folder, String name) throws MapiFault {
        run("renameFolder", session, s -> s.folders().rename(id(folder), required(name, "name")));
    }

    @Override
    public void moveFolder(String session, byte[] folder, byte[] parent, CollisionPolicy collision) throws MapiFault {
        run("moveFolder", session, s -> s.folders().move(id(folder), id(parent),
                collision == null ? CollisionPolicy.FAIL : collision));
    }

    @Override
    public byte[] copyFolder(String session, byte[] folder, byte[] parent, String name, boolean recursive,
            CollisionPolicy collision) throws MapiFault {
        return call("copyFolder", session, s -> s.folders().copy(id(folder), id(parent), name, recursive,
                collision == null ? CollisionPolicy.FAIL : collision).bytes());
    }

    @Override
    public void deleteFolder(String session, byte[] folder, boolean deleteMessages, boolean deleteSubfolders)
            throws MapiFault {
        run("deleteFolder", session,
                s -> s.folders().delete(id(folder), new FolderDeletion(deleteMessages, deleteSubfolders)));
    }

    @Override
    public void emptyFolder(String session, byte[] folder, boolean includeAssociated, boolean deleteSubfolders)
            throws MapiFault {
        run("emptyFolder", session, s -> s.folders().empty(id(folder), includeAssociated, deleteSubfolders));
    }

    @Override
    public List<PropXml> folderProperties(String session, byte[] folder, List<Integer> tags) throws MapiFault {
        return call("folderProperties", session, s -> PropXml.of(s.folders().properties(id(folder), tags(tags))));
    }

    @Override
    public void setFolderProperties(String session, byte[] folder, List<PropXml> props) throws MapiFault {
        run("setFolderProperties", session, s -> s.folders().setProperties(id(folder), PropXml.values(props)));
    }

    @Override
    public byte[] createSearchFolder(String session, byte[] parent, String name, CollisionPolicy collision)
            throws MapiFault {
        return call("createSearchFolder", session, s -> s.folders().createSearchFolder(id(parent),
                required(name, "name"), collision == null ? CollisionPolicy.FAIL : collision).bytes());
    }

    @Override
    public void setSearchCriteria(String session, byte[] folder, SearchCriteriaXml criteria) throws MapiFault {
        run("setSearchCriteria", session,
                s -> s.folders().setSearchCriteria(id(folder), required(criteria, "criteria").criteria()));
    }

    @Override
    public SearchCriteriaXml searchState(String session, byte[] folder) throws MapiFault {
        return call("searchState", session, s -> SearchCriteriaXml.of(s.folders().searchState(id(folder))));
    }

    // --- messages

    @Override
    public byte[] createMessage(String session, byte[] folder, MessageContentXml message) throws MapiFault {
        return call("createMessage", session,
                s -> s.messages().create(id(folder), required(message, "message").content()).bytes());
    }

    @Override
    public List<byte[]> createMessages(String session, byte[] folder, List<MessageContentXml> messages)
            throws MapiFault {
        return call("createMessages", session, s -> {
            List<MessageContent> contents = new ArrayList<>();
            if (messages != null) {
                for (MessageContentXml m : messages) {
                    contents.add(m.content());
                }
            }
            return bytes(s.messages().createAll(id(folder), contents));
        });
    }

    @Override
    public MessageXml loadMessage(String session, byte[] message) throws MapiFault {
        return call("loadMessage", session, s -> MessageXml.of(s.messages().load(id(message))));
    }

    @Override
    public List<PropXml> messageProperties(String session, byte[] message, List<Integer> tags) throws MapiFault {
        return call("messageProperties", session, s -> PropXml.of(s.messages().properties(id(message), tags(tags))));
    }

    @Override
    public void updateMessage(String session, byte[] message, List<PropXml> set, List<Integer> remove)
            throws MapiFault {
        run("updateMessage", session, s -> s.messages().update(id(message), PropXml.values(set), tags(remove)));
    }

    @Override
    public void updateMessages(String session, List<MessageUpdateXml> updates) throws MapiFault {
        run("updateMessages", session, s -> s.messages().updateAll(
                (updates == null ? List.<MessageUpdateXml>of() : updates).stream().map(MessageUpdateXml::toUpdate)
                        .toList()));
    }

    @Override
    public void setRecipients(String session, byte[] message, List<RecipientXml> recipients) throws MapiFault {
        run("setRecipients", session, s -> {
            List<org.koppel.store.client.Recipient> rs = new ArrayList<>();
            if (recipients != null) {
                for (RecipientXml r : recipients) {
                    rs.add(r.recipient());
                }
            }
            s.messages().setRecipients(id(message), rs);
        });
    }

    @Override
    public void deleteMessages(String session, List<byte[]> messages, boolean hard) throws MapiFault {
        run("deleteMessages", session, s -> s.messages().delete(ids(messages), hard));
    }

    @Override
    public void restoreMessages(String session, List<byte[]> messages) throws MapiFault {
        run("restoreMessages", session, s -> s.messages().restore(ids(messages)));
    }

    @Override
    public int purgeDeleted(String session, byte[] folder, long deletedBeforeTicks) throws MapiFault {
        return call("purgeDeleted", session,
                s -> s.messages().purgeDeleted(id(folder), FileTime.fromTicks(deletedBeforeTicks)));
    }

    @Override
    public List<byte[]> copyMessages(String session, List<byte[]> messages, byte[] destination) throws MapiFault {
        return call("copyMessages", session, s -> bytes(s.messages().copy(ids(messages), id(destination))));
    }

    @Override
    public void moveMessages(String session, List<byte[]> messages, byte[] destination) throws MapiFault {
        run("moveMessages", session, s -> s.messages().move(ids(messages), id(destination)));
    }

    @Override
    public int setReadFlags(String session, byte[] folder, List<byte[]> messages, boolean read) throws MapiFault {
        return call("setReadFlags", session, s -> s.messages().setReadFlags(id(folder), ids(messages), read));
    }

    @Override
    public void submitMessage(String session, byte[] message) throws MapiFault {
        run("submitMessage", session, s -> s.messages().submit(id(message)));
    }

    @Override
    public boolean abortSubmit(String session, byte[] message) throws MapiFault {
        return call("abortSubmit", session, s -> s.messages().abortSubmit(id(message)));
    }

    // --- the outgoing queue

    @Override
    public List<QueuedMessageXml> outgoingPending(String session, int max) throws MapiFault {
        return call("outgoingPending", session,
                s -> s.outgoing().pending(max).stream().map(QueuedMessageXml::of).toList());
    }

    @Override
    public boolean outgoingLock(String session, byte[] message) throws MapiFault {
        return call("outgoingLock", session, s -> s.outgoing().lock(id(message)));
    }

    @Override
    public void outgoingSent(String session, byte[] message) throws MapiFault {
        run("outgoingSent", session, s -> s.outgoing().sent(id(message)));
    }

    @Override
    public void outgoingFailed(String session, byte[] message, String reason, boolean permanent) throws MapiFault {
        run("outgoingFailed", session,
                s -> s.outgoing().failed(id(message), reason == null ? "" : reason, permanent));
    }

    @Override
    public void outgoingPartlySent(String session, byte[] message, List<Integer> done, String reason)
            throws MapiFault {
        run("outgoingPartlySent", session, s -> s.outgoing().partlySent(id(message),
                done == null ? List.of() : done, reason == null ? "" : reason));
    }

    @Override
    public String outgoingWatch(String session) throws MapiFault {
        return call("outgoingWatch", session, s -> tokens.watchOutgoing(session));
    }

    @Override
    public Long outgoingNextDue(String session) throws MapiFault {
        return call("outgoingNextDue", session, s -> s.outgoing().nextDue().map(Instant::toEpochMilli).orElse(null));
    }

    // --- attachments

    @Override
    public AttachmentXml addAttachment(String session, byte[] message, MessageContentXml.NewAttachmentXml attachment)
            throws MapiFault {
        return call("addAttachment", session,
                s -> AttachmentXml.of(s.attachments().add(id(message), required(attachment, "attachment").content())));
    }

    @Override
    public AttachmentDataXml openAttachment(String session, byte[] message, int attachNum) throws MapiFault {
        return call("openAttachment", session, s -> {
            EntryId m = id(message);
            // Opened once now, so that a missing attachment is a fault rather than a broken MTOM part.
            InputStream first = s.attachments().open(m, attachNum);
            AttachmentDataXml x = new AttachmentDataXml();
            x.data = new DataHandler(new SourceDataSource(() -> first));
            return x;
        });
    }

    @Override
    public void deleteAttachment(String session, byte[] message, int attachNum) throws MapiFault {
        run("deleteAttachment", session, s -> s.attachments().delete(id(message), attachNum));
    }

    // --- contents tables

    @Override
    public TableXml contentsTable(String session, byte[] folder, TableQueryXml query) throws MapiFault {
        return call("contentsTable", session,
                s -> TableXml.of(s.contents().query(id(folder), required(query, "query").tableQuery())));
    }

    @Override
    public int findRow(String session, byte[] folder, TableQueryXml query, RestrictionXml find, int start,
            boolean backward) throws MapiFault {
        return call("findRow", session, s -> s.contents().findRow(id(folder), required(query, "query").tableQuery(),
                required(find, "restriction").restriction(), start, backward).orElse(-1));
    }

    @Override
    public byte[] contentsBookmark(String session, byte[] folder, TableQueryXml query, int offset) throws MapiFault {
        return call("contentsBookmark", session, s -> s.contents()
                .bookmark(id(folder), required(query, "query").tableQuery(), offset).bytes());
    }

    @Override
    public int contentsSeek(String session, byte[] folder, TableQueryXml query, byte[] bookmark) throws MapiFault {
        return call("contentsSeek", session, s -> position(s.contents().seek(id(folder),
                required(query, "query").tableQuery(), new TableBookmark(required(bookmark, "bookmark")))));
    }

    @Override
    public MessageSearchResultXml searchMessages(String session, MessageSearchXml search) throws MapiFault {
        return call("searchMessages", session,
                s -> MessageSearchResultXml.of(s.contents().search(required(search, "search").search())));
    }

    private static int position(TableSeek seek) {
        return seek.found() ? seek.offset() : -seek.offset() - 1;
    }

    // --- permissions, quotas, named properties, receive folders

    @Override
    public List<AclXml> listAcl(String session, byte[] folder) throws MapiFault {
        return call("listAcl", session, s -> s.permissions().list(id(folder)).stream().map(AclXml::of).toList());
    }

    @Override
    public void setAcl(String session, byte[] folder, String member, MemberKind kind, int rights) throws MapiFault {
        run("setAcl", session, s -> s.permissions().set(id(folder), required(member, "member"),
                kind == null ? MemberKind.USER : kind, rights));
    }

    @Override
    public int effectiveRights(String session, byte[] folder) throws MapiFault {
        return call("effectiveRights", session, s -> s.permissions().effectiveRights(id(folder)));
    }

    @Override
    public List<String> delegates(String session, String login) throws MapiFault {
        return call("delegates", session, s -> s.permissions().delegates(required(login, "login")));
    }

    @Override
    public void addDelegate(String session, String login, String delegate) throws MapiFault {
        run("addDelegate", session, s -> s.permissions().addDelegate(required(login, "login"),
                required(delegate, "delegate")));
    }

    @Override
    public void removeDelegate(String session, String login, String delegate) throws MapiFault {
        run("removeDelegate", session, s -> s.permissions().removeDelegate(required(login, "login"),
                required(delegate, "delegate")));
    }

    @Override
    public QuotaXml quotaStatus(String session, String login) throws MapiFault {
        return call("quotaStatus", session, s -> QuotaXml.of(s.quotas().status(required(login, "login"))));
    }

    @Override
    public void setQuota(String session, String login, QuotaXml quota) throws MapiFault {
        run("setQuota", session, s -> s.quotas().set(required(login, "login"), quota == null ? null : quota.quota()));
    }

    @Override
    public List<Integer> namedPropertyIds(String session, byte[] store, List<NamedPropXml> names, boolean create)
            throws MapiFault {
        return call("namedPropertyIds", session, s -> {
            List<NamedProperty> ns = new ArrayList<>();
            if (names != null) {
                for (NamedPropXml n : names) {
                    ns.add(n.property());
                }
            }
            return s.namedProperties().ids(id(store), ns, create);
        });
    }

    @Override
    public List<NamedPropXml> namedPropertyNames(String session, byte[] store, List<Integer> ids) throws MapiFault {
        return call("namedPropertyNames", session, s -> {
            List<NamedPropXml> out = new ArrayList<>();
            for (Optional<NamedProperty> n : s.namedProperties().names(id(store), ids == null ? List.of() : ids)) {
                out.add(n.map(NamedPropXml::of).orElseGet(NamedPropXml::new));
            }
            return out;
        });
    }

    @Override
    public byte[] receiveFolder(String session, byte[] store, String messageClass) throws MapiFault {
        return call("receiveFolder", session,
                s -> s.receiveFolders().get(id(store), messageClass == null ? "" : messageClass).bytes());
    }

    @Override
    public void setReceiveFolder(String session, byte[] store, String messageClass, byte[] folder) throws MapiFault {
        run("setReceiveFolder", session, s -> s.receiveFolders().set(id(store),
                messageClass == null ? "" : messageClass, id(folder)));
    }

    // --- address book and administration

    @Override
    public UserXml createUser(String session, UserXml user) throws MapiFault {
        return call("createUser", session, s -> UserXml.of(s.directory().createUser(required(user, "user").newUser())));
    }

    @Override
    public UserXml updateUser(String session, String login, UserChangesXml changes) throws MapiFault {
        return call("updateUser", session, s -> UserXml.of(s.directory().updateUser(required(login, "login"),
                required(changes, "changes").changes())));
    }

    @Override
    public void deleteUser(String session, String login, boolean deleteStore) throws MapiFault {
        run("deleteUser", session, s -> s.directory().deleteUser(required(login, "login"), deleteStore));
    }

    @Override
    public void setPassword(String session, String login, String password) throws MapiFault {
        run("setPassword", session,
                s -> s.directory().setPassword(required(login, "login"), required(password, "password")));
    }

    @Override
    public void changeOwnPassword(String session, String oldPassword, String newPassword) throws MapiFault {
        run("changeOwnPassword", session, s -> s.directory().changeOwnPassword(required(oldPassword, "oldPassword"),
                required(newPassword, "newPassword")));
    }

    @Override
    public UserXml user(String session, String login) throws MapiFault {
        return call("user", session, s -> s.directory().user(required(login, "login")).map(UserXml::of).orElse(null));
    }

    @Override
    public UserXml resolve(String session, String name) throws MapiFault {
        return call("resolve", session,
                s -> s.directory().resolve(required(name, "name")).map(UserXml::of).orElse(null));
    }

    @Override
    public List<UserXml> users(String session) throws MapiFault {
        return call("users", session, s -> s.directory().users().stream().map(UserXml::of).toList());
    }

    @Override
    public GroupXml createGroup(String session, String name, String email) throws MapiFault {
        return call("createGroup", session,
                s -> GroupXml.of(s.directory().createGroup(required(name, "name"), email == null ? "" : email)));
    }

    @Override
    public void deleteGroup(String session, String name) throws MapiFault {
        run("deleteGroup", session, s -> s.directory().deleteGroup(required(name, "name")));
    }

    @Override
    public void addMember(String session, String group, String login) throws MapiFault {
        run("addMember", session, s -> s.directory().addMember(required(group, "group"), required(login, "login")));
    }

    @Override
    public void removeMember(String session, String group, String login) throws MapiFault {
        run("removeMember", session,
                s -> s.directory().removeMember(required(group, "group"), required(login, "login")));
    }

    @Override
    public GroupXml group(String session, String name) throws MapiFault {
        return call("group", session, s -> s.directory().group(required(name, "name")).map(GroupXml::of).orElse(null));
    }

    @Override
    public List<GroupXml> groups(String session) throws MapiFault {
        return call("groups", session, s -> s.directory().groups().stream().map(GroupXml::of).toList());
    }

    @Override
    public List<String> sendAs(String session, MemberKind kind, String name) throws MapiFault {
        return call("sendAs", session, s -> s.directory().sendAs(kind == null ? MemberKind.USER : kind,
                required(name, "name")));
    }

    @Override
    public void grantSendAs(String session, MemberKind kind, String name, String grantee) throws MapiFault {
        run("grantSendAs", session, s -> s.directory().grantSendAs(kind == null ? MemberKind.USER : kind,
                required(name, "name"), required(grantee, "grantee")));
    }

    @Override
    public void revokeSendAs(String session, MemberKind kind, String name, String grantee) throws MapiFault {
        run("revokeSendAs", session, s -> s.directory().revokeSendAs(kind == null ? MemberKind.USER : kind,
                required(name, "name"), required(grantee, "grantee")));
    }

    // --- change tracking

    @Override
    public ContentsExportXml exportContents(String session, byte[] folder, byte[] state, SyncOptionsXml options)
            throws MapiFault {
        return call("exportContents", session, s -> ContentsExportXml.of(s.changes().exportContents(id(folder),
                state(state), required(options, "options").options())));
    }

    @Override
    public HierarchyExportXml exportHierarchy(String session, byte[] root, byte[] state) throws MapiFault {
        return call("exportHierarchy", session,
                s -> HierarchyExportXml.of(s.changes().exportHierarchy(id(root), state(state))));
    }

    @Override
    public ImportOutcomeXml importContents(String session, byte[] folder, byte[] state, List<ImportXml> changes,
            ConflictPolicy policy) throws MapiFault {
        return call("importContents", session, s -> {
            List<ContentImport> cs = new ArrayList<>();
            if (changes != null) {
                for (ImportXml c : changes) {
                    cs.add(c.change());
                }
            }
            return ImportOutcomeXml.of(s.changes().importContents(id(folder), state(state), cs,
                    required(policy, "policy")));
        });
    }

    @Override
    public ServerExportXml exportServer(String session, byte[] state, int maxChanges) throws MapiFault {
        return call("exportServer", session, s -> ServerExportXml.of(s.changes().exportServer(
                new ServerSyncState(state == null ? new byte[0] : state), maxChanges)));
    }

    @Override
    public List<Long> imapState(String session, byte[] folder) throws MapiFault {
        return call("imapState", session, s -> {
            ImapFolderState st = s.changes().imapState(id(folder));
            return List.of(st.uidValidity(), st.uidNext(), st.highestModSeq(), (long) st.exists());
        });
    }

    // --- notifications

    @Override
    public String subscribe(String session, byte[] target, List<EventType> events) throws MapiFault {
        return call("subscribe", session, s -> {
            Set<EventType> types = EnumSet.noneOf(EventType.class);
            if (events != null) {
                types.addAll(events);
            }
            return tokens.subscribe(session, id(target), types);
        });
    }

    @Override
    public String subscribeTable(String session, byte[] folder, TableQueryXml query) throws MapiFault {
        return call("subscribeTable", session,
                s -> tokens.subscribeTable(session, id(folder), required(query, "query").tableQuery()));
    }

    @Override
    public void unsubscribe(String session, String subscription) throws MapiFault {
        run("unsubscribe", session, s -> tokens.unsubscribe(session, required(subscription, "subscription")));
    }

    /** Without continuations (never under Koppel's servlet): waits on the calling thread. */
    @Override
    public List<EventXml> poll(String session, int timeoutSeconds) throws MapiFault {
        CompletableFuture<List<EventXml>> result = new CompletableFuture<>();
        EventInbox inbox = call("poll", session, s -> tokens.inbox(session));
        LongPoll.start(inbox, clamp(timeoutSeconds), timer, events -> result.complete(render(events)));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MapiFault.of(MapiException.of(MapiError.TIMEOUT, "interrupted while waiting"));
        } catch (ExecutionException e) {
            throw MapiFault.of(new MapiException.CallFailed(e.getCause().toString()));
        }
    }

    /** The long-poll as CXF runs it: the request is suspended, and the event (or the timer) answers it. */
    @Override
    public Future<?> pollAsync(String session, int timeoutSeconds, AsyncHandler<PollResponse> handler) {
        long started = System.nanoTime();
        ServerAsyncResponse<PollResponse> response = new ServerAsyncResponse<>();
        EventInbox inbox;
        String user;
        try {
            user = tokens.session(session).user().login();
            inbox = tokens.inbox(session);
        } catch (MapiException e) {
            LOG.info("soap poll user=- {} 0ms", e.error().mapiName());
            response.exception(MapiFault.of(e));
            handler.handleResponse(response);
            return response;
        }
        // 0: running, 1: suspended (counted as waiting), 2: answered
        java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();
        LongPoll.start(inbox, clamp(timeoutSeconds), timer, events -> {
            if (state.getAndSet(2) == 1) {
                waiting.decrementAndGet();
            }
            PollResponse r = new PollResponse();
            r.events = render(events);
            response.set(r);
            LOG.info("soap poll user={} ok events={} {}ms", user, events.size(),
                    (System.nanoTime() - started) / 1_000_000);
            handler.handleResponse(response);
        });
        if (state.compareAndSet(0, 1)) {
            waiting.incrementAndGet();
        }
        return response;
    }

    static int clamp(int seconds) {
        return Math.max(0, Math.min(seconds, MAX_POLL_SECONDS));
    }

    static List<EventXml> render(List<InboxEvent> events) {
        List<EventXml> out = new ArrayList<>(events.size());
        for (InboxEvent e : events) {
            if (e.isOverflow()) {
                EventXml x = new EventXml();
                x.type = EventType.RESYNC_NEEDED;
                out.add(x);
            } else if (e.notification().isPresent()) {
                out.add(EventXml.of(e.subscription().get(), e.notification().get()));
            } else {
                out.add(EventXml.of(e.subscription().get(), e.tableEvent().get()));
            }
        }
        return out;
    }
}
