package org.koppel.eas.command;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.Tag;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Writes the smallest response a command can carry a status in, {@code <Root><Status>n</Status></Root>} on the
 * command's code page, for the statuses the HTTP layer decides before any command code runs (provisioning
 * needed, command not built). A command codec may replace it through
 * {@link CommandHandler#statusDocument(CommonStatus, ProtocolVersion)}.
 */
public final class StatusDocument {

    private final CodePages pages;

    public StatusDocument(CodePages pages) {
        this.pages = pages;
    }

    /**
     * The writer for a command's status document in a version, or empty when the command has no WBXML root or
     * Status element in that version (then only the HTTP status can say it).
     */
    public Optional<CommandResponse.BodyWriter> writer(Command command, ProtocolVersion version, CommonStatus status) {
        Optional<String> page = command.responsePage();
        if (page.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tag> root = pages.tag(page.get(), command.responseRoot().orElseThrow());
        Optional<Tag> statusTag = pages.tag(page.get(), "Status");
        if (root.isEmpty() || statusTag.isEmpty() || !root.get().existsIn(version)
                || !statusTag.get().existsIn(version)) {
            return Optional.empty();
        }
        Tag r = root.get();
        Tag s = statusTag.get();
        return Optional.of(out -> write(out, version, r, s, status));
    }

    private void write(OutputStream out, ProtocolVersion version, Tag root, Tag status, CommonStatus value)
            throws IOException {
        new WbxmlWriter(out, pages, version).start(root).element(status, Integer.toString(value.code())).end().finish();
    }
}
