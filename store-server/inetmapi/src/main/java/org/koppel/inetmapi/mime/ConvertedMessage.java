package org.koppel.inetmapi.mime;

import org.koppel.inetmapi.Spool;
import org.koppel.store.client.InputStreamSource;
import org.koppel.store.client.MessageContent;

/**
 * A message converted from MIME: the MAPI content to save, the original MIME as it came (for IMAP's
 * byte-exact BODY[] and for S/MIME), and whether the conversion fell back to delivering the original as
 * an attachment. Its attachment data may live in temporary files until closed: save, then close.
 */
public final class ConvertedMessage implements AutoCloseable {

    private final MessageContent content;
    private final Spool original;
    private final MimePart tree;
    private final boolean fallback;
    private final java.util.List<AutoCloseable> resources;

    ConvertedMessage(MessageContent content, Spool original, MimePart tree, boolean fallback,
            java.util.List<AutoCloseable> resources) {
        this.resources = java.util.List.copyOf(resources);
        this.content = content;
        this.original = original;
        this.tree = tree;
        this.fallback = fallback;
    }

    public MessageContent content() {
        return content;
    }

    /** The message exactly as it was received. */
    public InputStreamSource original() {
        return original;
    }

    /** True when the MIME could not be converted and the message carries the original as an attachment. */
    public boolean fallback() {
        return fallback;
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // temporary files only; whatever is left goes with the temporary directory
            }
        }
        if (tree != null) {
            tree.close();
        }
        original.close();
    }
}
