package org.koppel.eas.move;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.ProtocolVersion;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;

/** Reads and writes MoveItems requests and responses ([MS-ASCMD] 2.2.1.12), both directions. */
public final class MoveItemsCodec {
    static final int MAX_ID = 64;
    /** More Moves than this in one request are refused as a malformed request. */
    public static final int MAX_MOVES = 1000;

    private final CodePages pages;

    public MoveItemsCodec(CodePages pages) {
        this.pages = pages;
    }

    public MoveItemsRequest decodeRequest(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Move:MoveItems");
        List<MoveItemsRequest.Move> moves = new ArrayList<>();
        while (in.nextChild()) {
            if (!in.name().equals("Move:Move")) {
                throw in.unexpected();
            }
            if (moves.size() == MAX_MOVES) {
                throw in.invalid("more than " + MAX_MOVES + " Move elements");
            }
            var v = in.leaves(MAX_ID, "Move:SrcMsgId", "Move:SrcFldId", "Move:DstFldId");
            moves.add(new MoveItemsRequest.Move(in.required(v, "Move:SrcMsgId", "Move"),
                    in.required(v, "Move:SrcFldId", "Move"), in.required(v, "Move:DstFldId", "Move")));
        }
        if (moves.isEmpty()) {
            throw in.missing("Move:Move", "MoveItems");
        }
        in.endDocument();
        return new MoveItemsRequest(moves);
    }

    public void encodeRequest(WbxmlWriter writer, MoveItemsRequest request) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Move:MoveItems");
        for (MoveItemsRequest.Move m : request.moves()) {
            out.start("Move:Move").element("Move:SrcMsgId", m.srcMsgId()).element("Move:SrcFldId", m.srcFldId())
                    .element("Move:DstFldId", m.dstFldId()).end();
        }
        out.end().finish();
    }

    public MoveItemsResponse decodeResponse(WbxmlReader reader, ProtocolVersion version)
            throws DecodeException, IOException {
        ElementReader in = new ElementReader(reader, pages, version);
        in.root("Move:MoveItems");
        List<MoveItemsResponse.Response> responses = new ArrayList<>();
        while (in.nextChild()) {
            if (!in.name().equals("Move:Response")) {
                throw in.unexpected();
            }
            Optional<String> src = Optional.empty();
            Optional<String> dst = Optional.empty();
            MoveItemsStatus status = null;
            Set<String> seen = new HashSet<>();
            while (in.nextChild()) {
                in.once(seen);
                switch (in.name()) {
                    case "Move:SrcMsgId" -> src = Optional.of(in.requiredText(MAX_ID));
                    case "Move:Status" -> status = in.status(MoveItemsStatus.class);
                    case "Move:DstMsgId" -> dst = Optional.of(in.requiredText(MAX_ID));
                    default -> throw in.unexpected();
                }
            }
            if (status == null) {
                throw in.missing("Move:Status", "Response");
            }
            responses.add(new MoveItemsResponse.Response(src, status, dst));
        }
        in.endDocument();
        return new MoveItemsResponse(responses);
    }

    public void encodeResponse(WbxmlWriter writer, MoveItemsResponse response) throws IOException {
        ElementWriter out = new ElementWriter(writer, pages);
        out.start("Move:MoveItems");
        for (MoveItemsResponse.Response r : response.responses()) {
            out.start("Move:Response").optional("Move:SrcMsgId", r.srcMsgId()).status("Move:Status", r.status())
                    .optional("Move:DstMsgId", r.dstMsgId()).end();
        }
        out.end().finish();
    }
}
