package org.koppel.eas.composemail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.command.Command;
import org.koppel.eas.command.LongId;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes the 14.0+ WBXML form of SendMail, SmartReply and SmartForward (code page ComposeMail), both
 * directions. The Mime element's opaque data (or text, which some clients send) is spooled as it is read, never
 * held whole in memory; its size is bounded by the reader's limits.
 */
public final class ComposeMailCodec {

    private static final int MAX_ID = ElementReader.MAX_TOKEN;

    private final CodePages pages;

    public ComposeMailCodec(CodePages pages) {
        this.pages = pages;
    }

    /** The root element of a command's request and response. */
    static String root(Command command) {
        return "ComposeMail:" + command.responseRoot().orElseThrow();
    }

    /** Decodes a request of {@code command}; the returned request holds the spooled MIME, close it. */
    public ComposeMailRequest decodeRequest(WbxmlReader reader, ProtocolVersion version, Command command)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root(root(command));
        boolean smart = command != Command.SEND_MAIL;
        Optional<String> clientId = Optional.empty();
        Optional<String> accountId = Optional.empty();
        boolean saveInSent = false;
        boolean replaceMime = false;
        Optional<ComposeMailRequest.Source> source = Optional.empty();
        List<ComposeMailRequest.Forwardee> forwardees = new ArrayList<>();
        Mime mime = null;
        Set<String> seen = new HashSet<>();
        try {
            while (in.nextChild()) {
                in.once(seen);
                switch (in.name()) {
                    case "ComposeMail:ClientId" -> clientId = Optional.of(in.requiredText(MAX_ID));
                    case "ComposeMail:AccountId" -> accountId = Optional.of(in.requiredText(MAX_ID));
                    case "ComposeMail:SaveInSentItems" -> saveInSent = in.flag();
                    case "ComposeMail:ReplaceMime" -> {
                        if (!smart) {
                            throw in.unexpected();
                        }
                        replaceMime = in.flag();
                    }
                    case "ComposeMail:Source" -> {
                        if (!smart) {
                            throw in.unexpected();
                        }
                        source = Optional.of(source(in));
                    }
                    case "ComposeMail:Forwardees" -> {
                        if (command != Command.SMART_FORWARD) {
                            throw in.unexpected();
                        }
                        forwardees(in, forwardees);
                    }
                    case "ComposeMail:Mime" -> mime = mime(in);
                    default -> throw in.unexpected();
                }
            }
            in.endDocument();
            if (mime == null) {
                throw in.missing("ComposeMail:Mime", root(command));
            }
            if (smart && source.isEmpty()) {
                throw in.missing("ComposeMail:Source", root(command));
            }
            ComposeMailRequest request = new ComposeMailRequest(command, clientId, accountId, saveInSent, replaceMime,
                    source, forwardees, mime);
            mime = null;
            return request;
        } finally {
            if (mime != null) {
                mime.close();
            }
        }
    }

    private static ComposeMailRequest.Source source(ElementReader in) throws DecodeException, IOException {
        var v = in.leaves(MAX_ID, "ComposeMail:FolderId", "ComposeMail:ItemId", "ComposeMail:LongId",
                "ComposeMail:InstanceId");
        Optional<String> longId = Optional.ofNullable(v.get("ComposeMail:LongId"));
        if (longId.isPresent() && longId.get().length() > LongId.MAX_LENGTH) {
            throw in.invalid("LongId longer than " + LongId.MAX_LENGTH + " characters");
        }
        return new ComposeMailRequest.Source(Optional.ofNullable(v.get("ComposeMail:FolderId")).filter(s -> !s.isEmpty()),
                Optional.ofNullable(v.get("ComposeMail:ItemId")).filter(s -> !s.isEmpty()),
                longId.filter(s -> !s.isEmpty()),
                Optional.ofNullable(v.get("ComposeMail:InstanceId")).filter(s -> !s.isEmpty()));
    }

    private static void forwardees(ElementReader in, List<ComposeMailRequest.Forwardee> out)
            throws DecodeException, IOException {
        while (in.nextChild()) {
            if (!in.name().equals("ComposeMail:Forwardee")) {
                throw in.unexpected();
            }
            var v = in.leaves(1024, "ComposeMail:ForwardeeName", "ComposeMail:ForwardeeEmail");
            String email = in.required(v, "ComposeMail:ForwardeeEmail", "ComposeMail:Forwardee");
            if (email.indexOf('@') <= 0) {
                throw in.invalid("ForwardeeEmail is not an address: " + email);
            }
            out.add(new ComposeMailRequest.Forwardee(v.getOrDefault("ComposeMail:ForwardeeName", ""), email));
        }
    }

    /** The Mime element's content: opaque data or text, spooled. */
    private static Mime mime(ElementReader in) throws DecodeException, IOException {
        WbxmlReader raw = in.raw();
        if (in.isEmptyElement()) {
            raw.next();
            throw in.invalid("Mime is empty");
        }
        Mime mime = null;
        try {
            while (true) {
                switch (raw.next()) {
                    case OPAQUE, TEXT -> {
                        if (mime != null) {
                            throw in.invalid("Mime holds more than one block of data");
                        }
                        try (InputStream data = raw.event() == WbxmlReader.Event.OPAQUE ? raw.opaqueStream()
                                : new ByteArrayInputStream(raw.text().getBytes(StandardCharsets.UTF_8))) {
                            mime = Mime.spool(data);
                        }
                    }
                    case END_TAG -> {
                        if (mime == null || mime.length() == 0) {
                            throw in.invalid("Mime is empty");
                        }
                        Mime done = mime;
                        mime = null;
                        return done;
                    }
                    default -> throw in.invalid("Mime must hold the message only");
                }
            }
        } finally {
            if (mime != null) {
                mime.close();
            }
        }
    }

    /** Writes a request (the client's side); the MIME is written as opaque data. */
    public void encodeRequest(WbxmlWriter writer, ComposeMailRequest r) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start(root(r.command()));
        out.optional("ComposeMail:ClientId", r.clientId());
        if (r.source().isPresent()) {
            ComposeMailRequest.Source s = r.source().get();
            out.start("ComposeMail:Source").optional("ComposeMail:FolderId", s.folderId())
                    .optional("ComposeMail:ItemId", s.itemId()).optional("ComposeMail:LongId", s.longId())
                    .optional("ComposeMail:InstanceId", s.instanceId()).end();
        }
        out.optional("ComposeMail:AccountId", r.accountId());
        if (r.saveInSentItems()) {
            out.empty("ComposeMail:SaveInSentItems");
        }
        if (r.replaceMime()) {
            out.empty("ComposeMail:ReplaceMime");
        }
        out.start("ComposeMail:Mime");
        try (InputStream data = r.mime().open()) {
            writer.opaque(data, r.mime().length());
        }
        out.end();
        if (!r.forwardees().isEmpty()) {
            out.start("ComposeMail:Forwardees");
            for (ComposeMailRequest.Forwardee f : r.forwardees()) {
                out.start("ComposeMail:Forwardee");
                if (!f.name().isEmpty()) {
                    out.element("ComposeMail:ForwardeeName", f.name());
                }
                out.element("ComposeMail:ForwardeeEmail", f.email()).end();
            }
            out.end();
        }
        out.end().finish();
    }

    /** Writes a failure response: {@code <Root><Status>n</Status></Root>}. */
    public void encodeStatus(WbxmlWriter writer, Command command, ComposeMailStatus status) throws IOException {
        new ElementWriter(writer, pages).start(root(command)).status("ComposeMail:Status", status).end().finish();
    }

    /** Reads a failure response (the client's side); a success has no body and never reaches here. */
    public ComposeMailStatus decodeStatus(WbxmlReader reader, ProtocolVersion version, Command command)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root(root(command));
        ComposeMailStatus status = null;
        while (in.nextChild()) {
            if (!in.name().equals("ComposeMail:Status") || status != null) {
                throw in.unexpected();
            }
            status = in.status(ComposeMailStatus.class);
        }
        in.endDocument();
        if (status == null) {
            throw in.missing("ComposeMail:Status", root(command));
        }
        return status;
    }
}
