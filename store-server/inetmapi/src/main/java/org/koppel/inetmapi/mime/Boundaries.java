package org.koppel.inetmapi.mime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.koppel.inetmapi.MapiMessage;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;

/**
 * The multipart boundaries and the made-up Message-ID of one MIME rendering of a message. They derive from
 * the message's identity (its source key, entry id or search key), so writing the same stored message twice
 * gives the same bytes: IMAP clients fetch a message in pieces (BODY[]&lt;0.65536&gt;, then the next piece,
 * RFC822.SIZE before both) and expect every piece to come from one and the same text. A message with no
 * identity yet (being composed) gets random ones.
 *
 * <p>The same goes for the Date of a message that has no time of its own: an attached message stored without
 * a Date gets the date of the message that carries it, not the time of the rendering.
 */
final class Boundaries {

    private static final String PREFIX = "----=_koppel_";
    private static final PropTag[] IDENTITY = {PropTags.PR_SOURCE_KEY, PropTags.PR_ENTRYID, PropTags.PR_SEARCH_KEY};

    private final byte[] seed;
    private final Instant outerDate;
    private int used;

    private Boundaries(byte[] seed, Instant outerDate) {
        this.seed = seed;
        this.outerDate = outerDate;
    }

    static Boundaries of(MapiMessage message) {
        for (PropTag tag : IDENTITY) {
            Optional<byte[]> id = message.property(tag).map(PropValue::javaValue)
                    .filter(byte[].class::isInstance).map(byte[].class::cast).filter(b -> b.length > 0);
            if (id.isPresent()) {
                return new Boundaries(id.get(), ownDate(message).orElseGet(Instant::now));
            }
        }
        return new Boundaries(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII),
                ownDate(message).orElseGet(Instant::now));
    }

    /**
     * The Date header of the message or of a message attached to it: its submit, delivery or creation time (a
     * stored draft has only the last), else the date of the outermost message.
     */
    Instant date(MapiMessage message) {
        return ownDate(message).orElse(outerDate);
    }

    private static Optional<Instant> ownDate(MapiMessage m) {
        return time(m, PropTags.PR_CLIENT_SUBMIT_TIME).or(() -> time(m, PropTags.PR_MESSAGE_DELIVERY_TIME))
                .or(() -> time(m, PropTags.PR_CREATION_TIME));
    }

    private static Optional<Instant> time(MapiMessage m, PropTag tag) {
        return m.property(tag).map(PropValue::javaValue).filter(Instant.class::isInstance).map(Instant.class::cast);
    }

    /** A boundary not used before in this rendering. */
    String next() {
        return PREFIX + token("boundary");
    }

    /** A Message-ID for a message that has none. */
    String messageId(String domain) {
        return "<" + token("message-id") + "@" + domain + ">";
    }

    private String token(String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed);
            sha.update((purpose + "/" + used++).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
