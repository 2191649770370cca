package org.koppel.inetmapi.tnef;

import java.util.List;
import java.util.Optional;
import org.koppel.inetmapi.Spool;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/**
 * One attachment of a TNEF stream, in stream order: its properties (legacy attributes mapped, then those of
 * attAttachment), its data spooled (attAttachData or PR_ATTACH_DATA_BIN, or an OLE object's storage), or the
 * message embedded in it (PR_ATTACH_DATA_OBJ holding a TNEF-encoded message).
 */
public final class TnefAttachment implements AutoCloseable {

    private final List<PropValue> properties;
    private final List<NamedValue> namedProperties;
    private final Spool data;
    private final TnefMessage embedded;

    TnefAttachment(List<PropValue> properties, List<NamedValue> namedProperties, Spool data, TnefMessage embedded) {
        this.properties = List.copyOf(properties);
        this.namedProperties = List.copyOf(namedProperties);
        this.data = data;
        this.embedded = embedded;
    }

    public List<PropValue> properties() {
        return properties;
    }

    public List<NamedValue> namedProperties() {
        return namedProperties;
    }

    /** The attachment's bytes, re-readable until the message is closed. */
    public Optional<Spool> data() {
        return Optional.ofNullable(data);
    }

    public Optional<TnefMessage> embedded() {
        return Optional.ofNullable(embedded);
    }

    public Optional<PropValue> property(PropTag tag) {
        return properties.stream().filter(v -> v.tag().equals(tag)).findFirst();
    }

    @Override
    public void close() {
        if (data != null) {
            data.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
