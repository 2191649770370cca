package org.koppel.gateway.imap;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.koppel.gateway.imap.message.SectionContent;
import org.koppel.gateway.imap.message.UnknownTransferEncodingException;
import org.koppel.gateway.imap.syntax.FetchItem;

/** The FETCH items and SEARCH keys that read a message's text, over the imap.message package. */
final class MessageSyntax {

    private MessageSyntax() {
    }

    static void envelope(ImapOutput o, FetchedMessage m) throws IOException {
        m.sections().envelope().write(o.writer());
    }

    static void bodyStructure(ImapOutput o, FetchedMessage m, boolean extended) throws IOException {
        m.sections().bodyStructure().write(o.writer(), extended);
    }

    /** BINARY[part]&lt;partial&gt; (RFC 3516): the decoded content as literal8, NIL for a multipart or no part. */
    static void binary(ImapOutput o, FetchedMessage m, FetchItem.Binary b) throws IOException {
        Optional<SectionContent> content = decoded(m, b.part());
        o.text("BINARY[" + path(b.part()) + "]" + b.partial().map(p -> "<" + p.origin() + ">").orElse("") + " ");
        if (content.isEmpty()) {
            o.text("NIL");
            return;
        }
        SectionContent c = b.partial().map(p -> content.get().slice(p.origin(), p.count())).orElse(content.get());
        try (InputStream in = c.open()) {
            o.literal(in, c.size(), true);
        }
    }

    /**
     * BINARY.SIZE[part]: the size BINARY[part] would have. The grammar allows only a number (RFC 3516 9, RFC 9051
     * 9 msg-att-static), so a part that is not there (BINARY gives NIL) has size 0.
     */
    static void binarySize(ImapOutput o, FetchedMessage m, FetchItem.BinarySize b) throws IOException {
        Optional<SectionContent> content = decoded(m, b.part());
        o.text("BINARY.SIZE[" + path(b.part()) + "] " + content.map(SectionContent::size).orElse(0L));
    }

    static Optional<SectionContent> decoded(FetchedMessage m, List<Integer> part) throws IOException {
        try {
            return m.sections().binary(part);
        } catch (UnknownTransferEncodingException e) {
            throw new UnknownCte(e.getMessage());
        }
    }

    private static String path(List<Integer> part) {
        return String.join(".", part.stream().map(String::valueOf).toList());
    }

    /** A part whose transfer encoding cannot be undone: the command is answered NO [UNKNOWN-CTE]. */
    static final class UnknownCte extends RuntimeException {
        UnknownCte(String message) {
            super(message, null, false, false);
        }
    }
}
