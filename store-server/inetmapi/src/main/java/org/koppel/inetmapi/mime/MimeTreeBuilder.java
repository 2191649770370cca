package org.koppel.inetmapi.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.koppel.inetmapi.Spool;

/**
 * Builds the tree of {@link MimePart}s from mime4j's stream of events, spooling each body as it passes,
 * and stops with {@link TooComplexException} past the configured depth or part count.
 */
final class MimeTreeBuilder extends AbstractContentHandler {

    /** The message nests deeper or has more parts than allowed. */
    static final class TooComplexException extends MimeException {
        private static final long serialVersionUID = 1L;

        TooComplexException(String message) {
            super(message);
        }
    }

    private final MimeLimits limits;
    private final Deque<MimePart> stack = new ArrayDeque<>();
    private MimePart root;
    private int parts;
    private long headerBytes;

    MimeTreeBuilder(MimeLimits limits) {
        this.limits = limits;
    }

    MimePart root() {
        return root;
    }

    private MimePart push(MimePart p) throws TooComplexException {
        if (p.depth > limits.maxDepth()) {
            throw new TooComplexException("MIME structure nested deeper than " + limits.maxDepth());
        }
        if (++parts > limits.maxParts()) {
            throw new TooComplexException("more than " + limits.maxParts() + " MIME parts");
        }
        stack.push(p);
        return p;
    }

    @Override
    public void startMessage() throws MimeException {
        if (stack.isEmpty()) {
            root = push(new MimePart(0));
            return;
        }
        MimePart holder = stack.peek();
        MimePart message = push(new MimePart(holder.depth + 1));
        holder.embedded = message;
    }

    @Override
    public void endMessage() {
        stack.pop();
    }

    @Override
    public void startBodyPart() throws MimeException {
        MimePart parent = stack.peek();
        MimePart child = push(new MimePart(parent.depth + 1));
        parent.children.add(child);
    }

    @Override
    public void endBodyPart() {
        stack.pop();
    }

    @Override
    public void startHeader() {
        headerBytes = 0;
    }

    @Override
    public void field(Field field) throws MimeException {
        headerBytes += field.getRaw() == null ? 0 : field.getRaw().length();
        if (headerBytes > limits.maxHeaderBytes()) {
            throw new TooComplexException("a header larger than " + limits.maxHeaderBytes() + " bytes");
        }
        stack.peek().fields.add(field);
    }

    /** The declared type, so a message/rfc822 part (whose body is parsed, not passed) knows what it is. */
    @Override
    public void endHeader() {
        MimePart p = stack.peek();
        p.header("Content-Type").ifPresent(ct -> {
            String t = ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (t.indexOf('/') > 0) {
                p.mimeType = t;
            }
        });
    }

    @Override
    public void startMultipart(BodyDescriptor bd) {
        stack.peek().mimeType = type(bd);
    }

    @Override
    public void body(BodyDescriptor bd, InputStream is) throws MimeException, IOException {
        MimePart p = stack.peek();
        p.mimeType = type(bd);
        p.charset = bd.getCharset();
        p.body = Spool.of(is, limits.memoryThreshold(), limits.tempDir(), limits.maxPartBytes());
    }

    private static String type(BodyDescriptor bd) {
        String t = bd.getMimeType();
        return t == null ? "text/plain" : t.toLowerCase(Locale.ROOT);
    }
}
