package org.koppel.store.api;

import static org.koppel.mapi.PropTags.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.store.client.AttachmentInfo;
import org.koppel.store.client.Session;

/** One attachment of an item: its name, size and MIME type, and its data as a stream. */
public final class Attachment {

    private final Session session;
    private final EntryId message;
    private final AttachmentInfo info;

    Attachment(Session session, EntryId message, AttachmentInfo info) {
        this.session = session;
        this.message = message;
        this.info = info;
    }

    /** Its position in the message's attachment table (PR_ATTACH_NUM). */
    public int number() {
        return info.attachNum();
    }

    /** The file name: PR_ATTACH_LONG_FILENAME, else PR_ATTACH_FILENAME, else PR_DISPLAY_NAME, else empty. */
    public String name() {
        return string(PR_ATTACH_LONG_FILENAME).or(() -> string(PR_ATTACH_FILENAME))
                .or(() -> string(PR_DISPLAY_NAME)).orElse("");
    }

    /** The MIME type (PR_ATTACH_MIME_TAG), {@code application/octet-stream} when none is recorded. */
    public String mimeType() {
        return string(PR_ATTACH_MIME_TAG).orElse("application/octet-stream");
    }

    /** The attachment's size in bytes as the store counts it (data plus properties). */
    public long size() {
        return info.sizeBytes();
    }

    /** Whether it holds an embedded message rather than data. */
    public boolean embedded() {
        return info.method() == AttachMethod.ATTACH_EMBEDDED_MSG;
    }

    /** The embedded message, for an attachment that holds one. */
    public Optional<Item> embeddedItem() {
        return info.embeddedMessage().map(id -> new Item(session, id));
    }

    /** The data as a stream the caller closes; an embedded message has none (MAPI_E_NO_SUPPORT). */
    public InputStream open() {
        return session.attachments().open(message, info.attachNum());
    }

    /** The whole data in memory; for small attachments; use {@link #open()} for anything large. */
    public byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> string(PropTag tag) {
        for (PropValue v : info.properties()) {
            if (v.tag().id() == tag.id() && v.javaValue() instanceof String s && !s.isEmpty()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Attachment[" + name() + ", " + size() + " bytes]";
    }
}
