package org.koppel.eas.lifecycle;

import java.util.List;
import java.util.Optional;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.estimate.GetItemEstimateRequest;
import org.koppel.eas.sync.BodyPreference;
import org.koppel.eas.sync.SyncOptions;
import org.koppel.eas.sync.SyncRequest;
import org.koppel.eas.sync.SyncResponse;
import org.koppel.eas.wbxml.ProtocolVersion;

/** Requests as a phone sends them, in the shape of each protocol version. */
final class Requests {

    private Requests() {
    }

    static boolean v14(ProtocolVersion v) {
        return v.compareTo(ProtocolVersion.V14_0) >= 0;
    }

    /** One email collection with plain-text bodies; key 0 without Options, changes or commands. */
    static SyncRequest.Collection<MailData> collection(ProtocolVersion v, String key, String collectionId,
            Optional<Integer> windowSize, List<SyncRequest.Command<MailData>> commands) {
        boolean initial = key.equals("0");
        SyncOptions options = new SyncOptions(v14(v) ? Optional.of(ContentClass.EMAIL) : Optional.empty(),
                Optional.of(0), List.of(new BodyPreference(1, Optional.of(32768L), Optional.empty(), Optional.empty())),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return new SyncRequest.Collection<>(v14(v) ? Optional.empty() : Optional.of(ContentClass.EMAIL), key,
                collectionId, List.of(), initial ? Optional.empty() : Optional.of(true),
                initial ? Optional.empty() : Optional.of(true), windowSize, Optional.empty(),
                initial ? List.of() : List.of(options), commands);
    }

    static SyncRequest<MailData> sync(SyncRequest.Collection<MailData> c) {
        return new SyncRequest<>(List.of(c), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    static SyncRequest<MailData> sync(ProtocolVersion v, String key, String collectionId) {
        return sync(collection(v, key, collectionId, Optional.empty(), List.of()));
    }

    static SyncRequest<MailData> sync(ProtocolVersion v, String key, String collectionId,
            List<SyncRequest.Command<MailData>> commands) {
        return sync(collection(v, key, collectionId, Optional.empty(), commands));
    }

    static GetItemEstimateRequest estimate(ProtocolVersion v, String key, String collectionId) {
        return new GetItemEstimateRequest(List.of(v14(v)
                ? new GetItemEstimateRequest.Collection(key, collectionId, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(new GetItemEstimateRequest.Options(Optional.of(ContentClass.EMAIL),
                                Optional.of(0), Optional.empty())))
                : new GetItemEstimateRequest.Collection(key, collectionId, Optional.of(ContentClass.EMAIL),
                        Optional.of(0), Optional.empty(), List.of())));
    }

    /** The only collection of a response. */
    static SyncResponse.Collection<MailData> only(Optional<SyncResponse<MailData>> response) {
        SyncResponse<MailData> r = response.orElseThrow(() -> new AssertionError("empty Sync response"));
        if (r.collections().size() != 1) {
            throw new AssertionError("expected one collection, got " + r);
        }
        return r.collections().get(0);
    }
}
