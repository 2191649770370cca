package org.koppel.inetmapi.tnef;

import java.util.List;
import java.util.Optional;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;

/**
 * A decoded TNEF stream: the message's properties (legacy attributes mapped to MAPI properties, overridden by
 * those of attMAPIProps), its named properties by name, its recipients (attRecipTable) and its attachments
 * in order. PT_STRING8 values are already decoded with the stream's code page. Attachment data may live in
 * temporary files until the message is closed.
 */
public final class TnefMessage implements AutoCloseable {

    private final List<PropValue> properties;
    private final List<NamedValue> namedProperties;
    private final List<TnefRecipient> recipients;
    private final List<TnefAttachment> attachments;
    private final int codepage;

    TnefMessage(List<PropValue> properties, List<NamedValue> namedProperties, List<TnefRecipient> recipients,
            List<TnefAttachment> attachments, int codepage) {
        this.properties = List.copyOf(properties);
        this.namedProperties = List.copyOf(namedProperties);
        this.recipients = List.copyOf(recipients);
        this.attachments = List.copyOf(attachments);
        this.codepage = codepage;
    }

    public List<PropValue> properties() {
        return properties;
    }

    public List<NamedValue> namedProperties() {
        return namedProperties;
    }

    public List<TnefRecipient> recipients() {
        return recipients;
    }

    public List<TnefAttachment> attachments() {
        return attachments;
    }

    /** The code page of the stream's 8-bit strings (attOemCodepage, 1252 when absent). */
    public int codepage() {
        return codepage;
    }

    public Optional<PropValue> property(PropTag tag) {
        return properties.stream().filter(v -> v.tag().equals(tag)).findFirst();
    }

    /**
     * The message as the pieces of a MAPI message: bodies (plain text, and HTML from PR_HTML or
     * de-encapsulated from the compressed RTF), the remaining properties with named ones resolved in
     * {@code names}, recipients, and attachments (embedded messages converted in turn). The attachments read
     * their data from this message's spools: close this message after the content is saved.
     */
    public TnefContent toContent(NamedTagMap names) {
        return new ContentMapping(names).content(this);
    }

    @Override
    public void close() {
        attachments.forEach(TnefAttachment::close);
    }
}
