package org.koppel.store.client.soap;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.AsyncHandler;
import jakarta.xml.ws.RequestWrapper;
import jakarta.xml.ws.ResponseWrapper;
import org.apache.cxf.annotations.UseAsyncMethod;
import java.util.List;
import java.util.concurrent.Future;
import org.koppel.store.client.CollisionPolicy;
import org.koppel.store.client.ConflictPolicy;
import org.koppel.store.client.EventType;
import org.koppel.store.client.MemberKind;

/**
 * MAPI-over-SOAP, the store's remote protocol (document/literal, MTOM for attachment data). Every call
 * but {@code logon} names its session by token. Calls are coarse: a table is opened, given columns,
 * restricted, sorted and read in one call; a message loads with its recipient and attachment tables;
 * property writes are batched. Notifications are fetched by {@code poll}, a long-poll that answers as soon
 * as an event is queued for the session, or empty after the timeout.
 */
@WebService(name = "MapiSoap", targetNamespace = MapiSoap.NAMESPACE)
public interface MapiSoap {

    String NAMESPACE = "urn:koppel:mapi:1";

    /** Binary values smaller than this travel inline (base64), larger ones as MTOM parts. */
    int MTOM_THRESHOLD = 32 * 1024;

    /** The most MTOM parts one message may carry. */
    int MAX_ATTACHMENT_PARTS = 10_000;

    /**
     * The SOAPAction of {@code poll}. A plain (non-MTOM) poll request with it is answered by the store's lean
     * long-poll handler; one without it by CXF, with the same result at a higher memory cost per waiting poll.
     */
    String POLL_ACTION = NAMESPACE + "#poll";

    /** The longest a poll may wait, in seconds. */
    int MAX_POLL_SECONDS = 120;

    // --- sessions

    /** Logs on with a password, or as a system service with its secret (optionally impersonating a user). */
    @WebResult(name = "logon")
    LogonXml logon(@WebParam(name = "login") String login, @WebParam(name = "password") String password,
            @WebParam(name = "service") String service, @WebParam(name = "secret") String secret,
            @WebParam(name = "impersonate") String impersonate) throws MapiFault;

    void logoff(@WebParam(name = "session") String session) throws MapiFault;

    // --- stores

    @WebResult(name = "store")
    StoreXml openOwnStore(@WebParam(name = "session") String session) throws MapiFault;

    @WebResult(name = "store")
    StoreXml openUserStore(@WebParam(name = "session") String session, @WebParam(name = "login") String login)
            throws MapiFault;

    @WebResult(name = "store")
    StoreXml openPublicStore(@WebParam(name = "session") String session) throws MapiFault;

    @WebResult(name = "store")
    StoreXml openStore(@WebParam(name = "session") String session, @WebParam(name = "store") byte[] store)
            throws MapiFault;

    @WebResult(name = "prop")
    List<PropXml> storeProperties(@WebParam(name = "session") String session, @WebParam(name = "store") byte[] store,
            @WebParam(name = "tag") List<Integer> tags) throws MapiFault;

    @WebResult(name = "store")
    List<StoreSummaryXml> listStores(@WebParam(name = "session") String session) throws MapiFault;

    void removeOrphanStore(@WebParam(name = "session") String session, @WebParam(name = "store") byte[] store)
            throws MapiFault;

    // --- folders

    @WebResult(name = "entryId")
    byte[] createFolder(@WebParam(name = "session") String session, @WebParam(name = "parent") byte[] parent,
            @WebParam(name = "name") String name, @WebParam(name = "containerClass") String containerClass,
            @WebParam(name = "collision") CollisionPolicy collision) throws MapiFault;

    @WebResult(name = "folder")
    FolderXml folderInfo(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder)
            throws MapiFault;

    @WebResult(name = "folder")
    List<FolderXml> folderChildren(@WebParam(name = "session") String session,
            @WebParam(name = "folder") byte[] folder, @WebParam(name = "recursive") boolean recursive)
            throws MapiFault;

    /** Opens a folder's hierarchy table, sets its view and reads a window of rows: one call. */
    @WebResult(name = "table")
    TableXml hierarchyTable(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query) throws MapiFault;

    @WebResult(name = "bookmark")
    byte[] hierarchyBookmark(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query, @WebParam(name = "offset") int offset) throws MapiFault;

    @WebResult(name = "position")
    int hierarchySeek(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query, @WebParam(name = "bookmark") byte[] bookmark)
            throws MapiFault;

    /** The position of the first hierarchy row from {@code start} matching {@code find}, or -1. */
    @WebResult(name = "position")
    int findHierarchyRow(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query, @WebParam(name = "find") RestrictionXml find,
            @WebParam(name = "start") int start, @WebParam(name = "backward") boolean backward) throws MapiFault;

    void renameFolder(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "name") String name) throws MapiFault;

    void moveFolder(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "parent") byte[] parent, @WebParam(name = "collision") CollisionPolicy collision)
            throws MapiFault;

    @WebResult(name = "entryId")
    byte[] copyFolder(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "parent") byte[] parent, @WebParam(name = "name") String name,
            @WebParam(name = "recursive") boolean recursive, @WebParam(name = "collision") CollisionPolicy collision)
            throws MapiFault;

    void deleteFolder(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "deleteMessages") boolean deleteMessages,
            @WebParam(name = "deleteSubfolders") boolean deleteSubfolders) throws MapiFault;

    void emptyFolder(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "includeAssociated") boolean includeAssociated,
            @WebParam(name = "deleteSubfolders") boolean deleteSubfolders) throws MapiFault;

    @WebResult(name = "prop")
    List<PropXml> folderProperties(@WebParam(name = "session") String session,
            @WebParam(name = "folder") byte[] folder, @WebParam(name = "tag") List<Integer> tags) throws MapiFault;

    void setFolderProperties(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "prop") List<PropXml> props) throws MapiFault;

    @WebResult(name = "entryId")
    byte[] createSearchFolder(@WebParam(name = "session") String session, @WebParam(name = "parent") byte[] parent,
            @WebParam(name = "name") String name, @WebParam(name = "collision") CollisionPolicy collision)
            throws MapiFault;

    void setSearchCriteria(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "criteria") SearchCriteriaXml criteria) throws MapiFault;

    @WebResult(name = "criteria")
    SearchCriteriaXml searchState(@WebParam(name = "session") String session,
            @WebParam(name = "folder") byte[] folder) throws MapiFault;

    // --- messages

    @WebResult(name = "entryId")
    byte[] createMessage(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "message") MessageContentXml message) throws MapiFault;

    @WebResult(name = "entryId")
    List<byte[]> createMessages(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "message") List<MessageContentXml> messages) throws MapiFault;

    /** A message with its properties, recipient table and attachment table: one call. */
    @WebResult(name = "message")
    MessageXml loadMessage(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message)
            throws MapiFault;

    @WebResult(name = "prop")
    List<PropXml> messageProperties(@WebParam(name = "session") String session,
            @WebParam(name = "message") byte[] message, @WebParam(name = "tag") List<Integer> tags) throws MapiFault;

    /** Sets and removes properties in one batch (one transaction). */
    void updateMessage(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message,
            @WebParam(name = "set") List<PropXml> set, @WebParam(name = "remove") List<Integer> remove)
            throws MapiFault;

    /** Several messages' property changes in one transaction, all or none. */
    void updateMessages(@WebParam(name = "session") String session,
            @WebParam(name = "update") List<MessageUpdateXml> updates) throws MapiFault;

    void setRecipients(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message,
            @WebParam(name = "recipient") List<RecipientXml> recipients) throws MapiFault;

    void deleteMessages(@WebParam(name = "session") String session, @WebParam(name = "message") List<byte[]> messages,
            @WebParam(name = "hard") boolean hard) throws MapiFault;

    void restoreMessages(@WebParam(name = "session") String session,
            @WebParam(name = "message") List<byte[]> messages) throws MapiFault;

    @WebResult(name = "purged")
    int purgeDeleted(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "deletedBefore") long deletedBeforeTicks) throws MapiFault;

    @WebResult(name = "entryId")
    List<byte[]> copyMessages(@WebParam(name = "session") String session,
            @WebParam(name = "message") List<byte[]> messages, @WebParam(name = "destination") byte[] destination)
            throws MapiFault;

    void moveMessages(@WebParam(name = "session") String session, @WebParam(name = "message") List<byte[]> messages,
            @WebParam(name = "destination") byte[] destination) throws MapiFault;

    @WebResult(name = "changed")
    int setReadFlags(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "message") List<byte[]> messages, @WebParam(name = "read") boolean read)
            throws MapiFault;

    /** Submits a saved message for sending (into the outgoing queue). */
    void submitMessage(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message)
            throws MapiFault;

    /** Takes a queued message back; false if it was not in the queue. */
    @WebResult(name = "aborted")
    boolean abortSubmit(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message)
            throws MapiFault;

    // --- the outgoing queue (the system identity only: the spooler)

    @WebResult(name = "queued")
    List<QueuedMessageXml> outgoingPending(@WebParam(name = "session") String session,
            @WebParam(name = "max") int max) throws MapiFault;

    @WebResult(name = "locked")
    boolean outgoingLock(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message)
            throws MapiFault;

    void outgoingSent(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message)
            throws MapiFault;

    void outgoingFailed(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message,
            @WebParam(name = "reason") String reason, @WebParam(name = "permanent") boolean permanent)
            throws MapiFault;

    void outgoingPartlySent(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message,
            @WebParam(name = "done") List<Integer> done, @WebParam(name = "reason") String reason) throws MapiFault;

    /** Subscribes the session to SUBMITTED events of every store (delivered by {@code poll}); returns its id. */
    @WebResult(name = "subscription")
    String outgoingWatch(@WebParam(name = "session") String session) throws MapiFault;

    /** When the next waiting queued message becomes due, in epoch milliseconds; absent when none waits. */
    @WebResult(name = "due")
    Long outgoingNextDue(@WebParam(name = "session") String session) throws MapiFault;

    // --- attachments

    @WebResult(name = "attachment")
    AttachmentXml addAttachment(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message,
            @WebParam(name = "attachment") MessageContentXml.NewAttachmentXml attachment) throws MapiFault;

    /** An attachment's data, as an MTOM part streamed to the client. */
    @WebResult(name = "data")
    AttachmentDataXml openAttachment(@WebParam(name = "session") String session,
            @WebParam(name = "message") byte[] message, @WebParam(name = "attachNum") int attachNum) throws MapiFault;

    void deleteAttachment(@WebParam(name = "session") String session, @WebParam(name = "message") byte[] message,
            @WebParam(name = "attachNum") int attachNum) throws MapiFault;

    // --- contents tables

    /** Opens a contents table, sets its view and reads a window of rows: one call. */
    @WebResult(name = "table")
    TableXml contentsTable(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query) throws MapiFault;

    /** The position of the first row from {@code start} matching {@code find}, or -1. */
    @WebResult(name = "position")
    int findRow(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query, @WebParam(name = "find") RestrictionXml find,
            @WebParam(name = "start") int start, @WebParam(name = "backward") boolean backward) throws MapiFault;

    @WebResult(name = "bookmark")
    byte[] contentsBookmark(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query, @WebParam(name = "offset") int offset) throws MapiFault;

    /** Where a bookmark's row is now: its position, negated minus one when the row itself is gone. */
    @WebResult(name = "position")
    int contentsSeek(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query, @WebParam(name = "bookmark") byte[] bookmark)
            throws MapiFault;

    /** Searches folders (and subfolders) in the store within a time limit: the matches newest first, one page. */
    @WebResult(name = "result")
    MessageSearchResultXml searchMessages(@WebParam(name = "session") String session,
            @WebParam(name = "search") MessageSearchXml search) throws MapiFault;

    // --- permissions, quotas, named properties, receive folders

    @WebResult(name = "entry")
    List<AclXml> listAcl(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder)
            throws MapiFault;

    void setAcl(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "member") String member, @WebParam(name = "kind") MemberKind kind,
            @WebParam(name = "rights") int rights) throws MapiFault;

    @WebResult(name = "rights")
    int effectiveRights(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder)
            throws MapiFault;

    /** The logins of the delegates of a user's mailbox. */
    @WebResult(name = "delegate")
    List<String> delegates(@WebParam(name = "session") String session, @WebParam(name = "login") String login)
            throws MapiFault;

    void addDelegate(@WebParam(name = "session") String session, @WebParam(name = "login") String login,
            @WebParam(name = "delegate") String delegate) throws MapiFault;

    void removeDelegate(@WebParam(name = "session") String session, @WebParam(name = "login") String login,
            @WebParam(name = "delegate") String delegate) throws MapiFault;

    @WebResult(name = "quota")
    QuotaXml quotaStatus(@WebParam(name = "session") String session, @WebParam(name = "login") String login)
            throws MapiFault;

    void setQuota(@WebParam(name = "session") String session, @WebParam(name = "login") String login,
            @WebParam(name = "quota") QuotaXml quota) throws MapiFault;

    /** The per-store ids of named properties; 0 for a name unknown when {@code create} is false. */
    @WebResult(name = "id")
    List<Integer> namedPropertyIds(@WebParam(name = "session") String session, @WebParam(name = "store") byte[] store,
            @WebParam(name = "name") List<NamedPropXml> names, @WebParam(name = "create") boolean create)
            throws MapiFault;

    /** The names of per-store ids; an empty element for an id without a name. */
    @WebResult(name = "name")
    List<NamedPropXml> namedPropertyNames(@WebParam(name = "session") String session,
            @WebParam(name = "store") byte[] store, @WebParam(name = "id") List<Integer> ids) throws MapiFault;

    @WebResult(name = "folder")
    byte[] receiveFolder(@WebParam(name = "session") String session, @WebParam(name = "store") byte[] store,
            @WebParam(name = "messageClass") String messageClass) throws MapiFault;

    void setReceiveFolder(@WebParam(name = "session") String session, @WebParam(name = "store") byte[] store,
            @WebParam(name = "messageClass") String messageClass, @WebParam(name = "folder") byte[] folder)
            throws MapiFault;

    // --- address book and administration

    @WebResult(name = "user")
    UserXml createUser(@WebParam(name = "session") String session, @WebParam(name = "user") UserXml user)
            throws MapiFault;

    @WebResult(name = "user")
    UserXml updateUser(@WebParam(name = "session") String session, @WebParam(name = "login") String login,
            @WebParam(name = "changes") UserChangesXml changes) throws MapiFault;

    void deleteUser(@WebParam(name = "session") String session, @WebParam(name = "login") String login,
            @WebParam(name = "deleteStore") boolean deleteStore) throws MapiFault;

    void setPassword(@WebParam(name = "session") String session, @WebParam(name = "login") String login,
            @WebParam(name = "password") String password) throws MapiFault;

    void changeOwnPassword(@WebParam(name = "session") String session,
            @WebParam(name = "oldPassword") String oldPassword, @WebParam(name = "newPassword") String newPassword)
            throws MapiFault;

    /** A user by login; no element when there is none. */
    @WebResult(name = "user")
    UserXml user(@WebParam(name = "session") String session, @WebParam(name = "login") String login)
            throws MapiFault;

    /** A user by login or e-mail address (or alias); no element when none matches. */
    @WebResult(name = "user")
    UserXml resolve(@WebParam(name = "session") String session, @WebParam(name = "name") String name)
            throws MapiFault;

    @WebResult(name = "user")
    List<UserXml> users(@WebParam(name = "session") String session) throws MapiFault;

    @WebResult(name = "group")
    GroupXml createGroup(@WebParam(name = "session") String session, @WebParam(name = "name") String name,
            @WebParam(name = "email") String email) throws MapiFault;

    void deleteGroup(@WebParam(name = "session") String session, @WebParam(name = "name") String name)
            throws MapiFault;

    void addMember(@WebParam(name = "session") String session, @WebParam(name = "group") String group,
            @WebParam(name = "login") String login) throws MapiFault;

    void removeMember(@WebParam(name = "session") String session, @WebParam(name = "group") String group,
            @WebParam(name = "login") String login) throws MapiFault;

    @WebResult(name = "group")
    GroupXml group(@WebParam(name = "session") String session, @WebParam(name = "name") String name)
            throws MapiFault;

    @WebResult(name = "group")
    List<GroupXml> groups(@WebParam(name = "session") String session) throws MapiFault;

    /** The logins of the users who may send as the user or group. */
    @WebResult(name = "grantee")
    List<String> sendAs(@WebParam(name = "session") String session, @WebParam(name = "kind") MemberKind kind,
            @WebParam(name = "name") String name) throws MapiFault;

    void grantSendAs(@WebParam(name = "session") String session, @WebParam(name = "kind") MemberKind kind,
            @WebParam(name = "name") String name, @WebParam(name = "grantee") String grantee) throws MapiFault;

    void revokeSendAs(@WebParam(name = "session") String session, @WebParam(name = "kind") MemberKind kind,
            @WebParam(name = "name") String name, @WebParam(name = "grantee") String grantee) throws MapiFault;

    // --- change tracking

    @WebResult(name = "export")
    ContentsExportXml exportContents(@WebParam(name = "session") String session,
            @WebParam(name = "folder") byte[] folder, @WebParam(name = "state") byte[] state,
            @WebParam(name = "options") SyncOptionsXml options) throws MapiFault;

    @WebResult(name = "export")
    HierarchyExportXml exportHierarchy(@WebParam(name = "session") String session,
            @WebParam(name = "root") byte[] root, @WebParam(name = "state") byte[] state) throws MapiFault;

    @WebResult(name = "outcome")
    ImportOutcomeXml importContents(@WebParam(name = "session") String session,
            @WebParam(name = "folder") byte[] folder, @WebParam(name = "state") byte[] state,
            @WebParam(name = "change") List<ImportXml> changes, @WebParam(name = "policy") ConflictPolicy policy)
            throws MapiFault;

    @WebResult(name = "export")
    ServerExportXml exportServer(@WebParam(name = "session") String session, @WebParam(name = "state") byte[] state,
            @WebParam(name = "maxChanges") int maxChanges) throws MapiFault;

    /** UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and EXISTS of a folder, as longs in that order. */
    @WebResult(name = "value")
    List<Long> imapState(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder)
            throws MapiFault;

    // --- notifications

    /** Subscribes the session to events on a store or folder; returns the subscription's id. */
    @WebResult(name = "subscription")
    String subscribe(@WebParam(name = "session") String session, @WebParam(name = "target") byte[] target,
            @WebParam(name = "event") List<EventType> events) throws MapiFault;

    /** Subscribes the session to changes of a contents table's view; returns the subscription's id. */
    @WebResult(name = "subscription")
    String subscribeTable(@WebParam(name = "session") String session, @WebParam(name = "folder") byte[] folder,
            @WebParam(name = "query") TableQueryXml query) throws MapiFault;

    void unsubscribe(@WebParam(name = "session") String session, @WebParam(name = "subscription") String subscription)
            throws MapiFault;

    /**
     * Waits up to {@code timeoutSeconds} (at most {@link #MAX_POLL_SECONDS}) for the session's next events and
     * returns them, or none after the timeout. The server holds no thread while a poll waits: CXF suspends the
     * request and runs {@link #pollAsync} ({@link UseAsyncMethod}), which the event answers.
     */
    @WebMethod(operationName = "poll", action = POLL_ACTION)
    @RequestWrapper(localName = "poll", targetNamespace = NAMESPACE, className = "org.koppel.store.client.soap.PollRequest")
    @ResponseWrapper(localName = "pollResponse", targetNamespace = NAMESPACE,
            className = "org.koppel.store.client.soap.PollResponse")
    @WebResult(name = "event")
    @UseAsyncMethod
    List<EventXml> poll(@WebParam(name = "session") String session,
            @WebParam(name = "timeoutSeconds") int timeoutSeconds) throws MapiFault;

    /** The asynchronous form of {@link #poll}, which the server answers from the event's thread. */
    @WebMethod(operationName = "poll", action = POLL_ACTION)
    @RequestWrapper(localName = "poll", targetNamespace = NAMESPACE, className = "org.koppel.store.client.soap.PollRequest")
    @ResponseWrapper(localName = "pollResponse", targetNamespace = NAMESPACE,
            className = "org.koppel.store.client.soap.PollResponse")
    Future<?> pollAsync(@WebParam(name = "session") String session,
            @WebParam(name = "timeoutSeconds") int timeoutSeconds,
            @WebParam(name = "asyncHandler", targetNamespace = "") AsyncHandler<PollResponse> handler);
}
