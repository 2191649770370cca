package org.koppel.eas.lifecycle;

import static org.koppel.mapi.PropTags.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.find.FindCodec;
import org.koppel.eas.find.FindRequest;
import org.koppel.eas.find.FindResponse;
import org.koppel.eas.resolve.ResolveRecipientsCodec;
import org.koppel.eas.resolve.ResolveRecipientsRequest;
import org.koppel.eas.resolve.ResolveRecipientsResponse;
import org.koppel.eas.search.SearchCodec;
import org.koppel.eas.search.SearchRequest;
import org.koppel.eas.search.SearchResponse;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.wbxml.WbxmlReader;
import org.koppel.eas.wbxml.WbxmlWriter;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RecipientType;
import org.koppel.store.client.MessageContent;
import org.koppel.store.client.Recipient;

/** Search, Find and ResolveRecipients through a test {@link Client}, with the commands' own codecs. */
final class SearchCalls {

    /** The Find summary fields the tests look at. */
    record Summary(Optional<String> subject, Optional<String> preview, Optional<Boolean> hasAttachments) {
    }

    static final ApplicationDataDecoder<Summary> SUMMARY = (collectionId, in) -> {
        Optional<String> subject = Optional.empty();
        Optional<String> preview = Optional.empty();
        Optional<Boolean> attachments = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Email:Subject" -> subject = Optional.of(in.text(4096));
                case "Find:Preview" -> preview = Optional.of(in.text(4096));
                case "Find:HasAttachments" -> attachments = Optional.of(in.bool());
                default -> in.raw().skipElement();
            }
        }
        return new Summary(subject, preview, attachments);
    };

    private final Client client;

    SearchCalls(Client client) {
        this.client = client;
    }

    SearchResponse<MailData> search(SearchRequest r) {
        HttpResponse<byte[]> http = client.raw("Search", body(w -> new SearchCodec(Gateway.PAGES).encodeRequest(w, r)));
        expect200(http);
        return decode(http, in -> new SearchCodec(Gateway.PAGES).decodeResponse(in, client.version, MailData.DECODER));
    }

    /**
     * The raw HTTP answer to a Find (501 where the version has no Find). The body is written in 16.1, the only
     * version whose code pages have Find's tags.
     */
    HttpResponse<byte[]> findRaw(FindRequest r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new FindCodec(Gateway.PAGES).encodeRequest(new WbxmlWriter(out, Gateway.PAGES,
                    org.koppel.eas.wbxml.ProtocolVersion.V16_1), r);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return client.raw("Find", out.toByteArray());
    }

    FindResponse<Summary> find(FindRequest r) {
        HttpResponse<byte[]> http = findRaw(r);
        expect200(http);
        return decode(http, in -> new FindCodec(Gateway.PAGES).decodeResponse(in, client.version, SUMMARY));
    }

    ResolveRecipientsResponse resolve(ResolveRecipientsRequest r) {
        HttpResponse<byte[]> http = client.raw("ResolveRecipients",
                body(w -> new ResolveRecipientsCodec(Gateway.PAGES).encodeRequest(w, r)));
        expect200(http);
        return decode(http, in -> new ResolveRecipientsCodec(Gateway.PAGES).decodeResponse(in, client.version));
    }

    /** A message as delivery stores it: subject, plain body, sender, one To recipient, a delivery time. */
    static MessageContent mail(String subject, String body, String senderName, String senderAddress, String to,
            Instant received) {
        return new MessageContent(List.of(
                PropValue.of(PR_MESSAGE_CLASS, "IPM.Note"),
                PropValue.of(PR_SUBJECT, subject),
                PropValue.of(PR_BODY, body),
                PropValue.of(PR_MESSAGE_DELIVERY_TIME, received),
                PropValue.of(PR_CLIENT_SUBMIT_TIME, received),
                PropValue.of(PR_SENT_REPRESENTING_NAME, senderName),
                PropValue.of(PR_SENT_REPRESENTING_EMAIL_ADDRESS, senderAddress),
                PropValue.of(PR_SENT_REPRESENTING_SMTP_ADDRESS, senderAddress)),
                List.of(Recipient.of(RecipientType.MAPI_TO, "Recipient", to)), List.of(), false);
    }

    static EntryId put(Gateway g, EntryId folder, MessageContent m) {
        return g.admin.messages().create(folder, m);
    }

    private interface Encoder {
        void encode(WbxmlWriter w) throws IOException;
    }

    private interface Decoder<T> {
        T decode(WbxmlReader in) throws DecodeException, IOException;
    }

    private byte[] body(Encoder e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            e.encode(new WbxmlWriter(out, Gateway.PAGES, client.version));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return out.toByteArray();
    }

    private static <T> T decode(HttpResponse<byte[]> r, Decoder<T> d) {
        try {
            return d.decode(new WbxmlReader(new ByteArrayInputStream(r.body()), Gateway.PAGES));
        } catch (DecodeException | IOException e) {
            throw new AssertionError("undecodable response: " + e.getMessage(), e);
        }
    }

    private static void expect200(HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode());
        }
    }
}
