package org.koppel.gateway.imap.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.koppel.gateway.imap.syntax.Section;

/**
 * Answers FETCH sections of one message byte-exactly (RFC 9051 6.4.5): the structure is found in one pass and
 * cached, and each section streams its range of the stored octets from a fresh stream.
 */
public final class SectionReader {

    private final MessageSource source;
    private MimePart structure;

    public SectionReader(MessageSource source) {
        this.source = source;
    }

    /** A reader whose structure was parsed before (it is immutable: a cache may keep it per message version). */
    public SectionReader(MessageSource source, MimePart structure) {
        this.source = source;
        this.structure = structure;
    }

    /** The message's MIME structure (parsed on first use). */
    public MimePart structure() throws IOException {
        if (structure == null) {
            try (InputStream in = source.open()) {
                structure = MessageStructure.parse(in);
            }
        }
        return structure;
    }

    /** RFC822.SIZE: the octets of the message as stored. */
    public long size() throws IOException {
        return structure().bodyEnd();
    }

    public Envelope envelope() throws IOException {
        return Envelope.of(structure().headers());
    }

    public BodyStructure bodyStructure() throws IOException {
        return BodyStructure.of(structure());
    }

    /**
     * The octets of a section, or empty when the message has no such part (or HEADER/TEXT is asked of a part that
     * is not a message); sessions commonly answer that with an empty string.
     */
    public Optional<SectionContent> read(Section section) throws IOException {
        MimePart root = structure();
        Optional<MimePart> found = root.part(section.part());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MimePart part = found.get();
        if (section.text() == Section.Text.NONE) {
            return Optional.of(section.part().isEmpty() ? SectionContent.range(source, 0, root.bodyEnd())
                    : SectionContent.range(source, part.bodyStart(), part.bodySize()));
        }
        if (section.text() == Section.Text.MIME) {
            return Optional.of(SectionContent.range(source, part.headerStart(), part.headerSize()));
        }
        MimePart message;
        if (section.part().isEmpty()) {
            message = root;
        } else if (part.embedded().isPresent()) {
            message = part.embedded().get();
        } else {
            return Optional.empty();
        }
        return Optional.of(switch (section.text()) {
            case HEADER -> SectionContent.range(source, message.headerStart(), message.headerSize());
            case TEXT -> SectionContent.range(source, message.bodyStart(), message.bodySize());
            case HEADER_FIELDS -> SectionContent.bytes(fields(message.headers(), section.fields(), true));
            case HEADER_FIELDS_NOT -> SectionContent.bytes(fields(message.headers(), section.fields(), false));
            case NONE, MIME -> throw new AssertionError(section);
        });
    }

    /** The named fields (or all others), in message order, followed by the blank line. */
    private static byte[] fields(Headers headers, List<String> names, boolean wanted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HeaderField f : headers.fields()) {
            boolean named = names.stream().anyMatch(n -> n.equalsIgnoreCase(f.name()));
            if (named == wanted) {
                out.writeBytes(f.raw());
                byte last = f.raw()[f.raw().length - 1];
                if (last != '\n') {
                    out.writeBytes(new byte[] {'\r', '\n'});
                }
            }
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        return out.toByteArray();
    }

    /**
     * BINARY[part] (RFC 3516): the part's content with its transfer encoding undone; empty if there is no such
     * part or it is a multipart. The whole message for an empty path.
     *
     * @throws UnknownTransferEncodingException for an encoding other than 7bit, 8bit, binary, quoted-printable, base64
     */
    public Optional<SectionContent> binary(List<Integer> path) throws IOException, UnknownTransferEncodingException {
        MimePart root = structure();
        if (path.isEmpty()) {
            return Optional.of(SectionContent.range(source, 0, root.bodyEnd()));
        }
        Optional<MimePart> found = root.part(path);
        if (found.isEmpty() || found.get().contentType().multipart()) {
            return Optional.empty();
        }
        MimePart part = found.get();
        String encoding = part.transferEncoding();
        TransferDecoding decoding = TransferDecoding.of(encoding)
                .orElseThrow(() -> new UnknownTransferEncodingException(encoding));
        if (decoding == TransferDecoding.IDENTITY) {
            return Optional.of(SectionContent.range(source, part.bodyStart(), part.bodySize()));
        }
        return Optional.of(SectionContent.decoded(source, part.bodyStart(), part.bodySize(), decoding));
    }
}
