package org.koppel.eas.composemail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.command.Command;

/**
 * A SendMail, SmartReply or SmartForward request ([MS-ASCMD] 2.2.1.17, 2.2.1.18, 2.2.1.19) as the 14.0+ WBXML
 * form carries it, or as the query and body of the older form translate to it.
 *
 * @param command SEND_MAIL, SMART_REPLY or SMART_FORWARD
 * @param clientId the device's id of this message, the same when it repeats the request
 * @param accountId the account to send from (14.1+)
 * @param source the message replied to or forwarded; empty for SendMail
 * @param forwardees SmartForward (16.0+): further recipients named beside the MIME
 * @param mime the message; closing the request releases it
 */
public record ComposeMailRequest(Command command, Optional<String> clientId, Optional<String> accountId,
        boolean saveInSentItems, boolean replaceMime, Optional<Source> source, List<Forwardee> forwardees, Mime mime)
        implements AutoCloseable {

    public ComposeMailRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(source, "source");
        forwardees = List.copyOf(forwardees);
        Objects.requireNonNull(mime, "mime");
    }

    /**
     * Where the source is: a collection and item the device knows (FolderId and ItemId, or the query's
     * CollectionId and ItemId), or a Search result's LongId; InstanceId picks an occurrence of a meeting.
     */
    public record Source(Optional<String> folderId, Optional<String> itemId, Optional<String> longId,
            Optional<String> instanceId) {
        public Source {
            Objects.requireNonNull(folderId, "folderId");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(longId, "longId");
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }

    /** A further recipient of a SmartForward. */
    public record Forwardee(String name, String email) {
        public Forwardee {
            name = name == null ? "" : name;
            Objects.requireNonNull(email, "email");
        }
    }

    @Override
    public void close() {
        mime.close();
    }
}
