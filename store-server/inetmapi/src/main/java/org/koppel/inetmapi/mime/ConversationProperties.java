package org.koppel.inetmapi.mime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropValue;

/**
 * The conversation properties of a received message (MS-OXOMSG 2.2.1.2 to 2.2.1.5), so that every client,
 * ActiveSync's ConversationId and conversation moves group a thread: PR_CONVERSATION_TOPIC (the Thread-Topic
 * header Outlook writes, else the subject without its reply and forward prefixes), PR_CONVERSATION_INDEX (the
 * Thread-Index header, when it is a well-formed index) and PR_CONVERSATION_ID. Internet mail does not set
 * PidTagConversationIndexTracking, so the id is the one the specification derives from the topic: the MD5 of
 * its first 255 characters, upper-cased without regard to locale, as little-endian UTF-16.
 */
final class ConversationProperties {

    /** MS-OXOMSG: at most this many characters of the topic go into the id. */
    static final int TOPIC_CHARACTERS = 255;

    private ConversationProperties() {
    }

    static List<PropValue> of(String subject, Optional<String> threadTopic, Optional<String> threadIndex) {
        List<PropValue> props = new ArrayList<>(3);
        String topic = threadTopic.map(String::strip).filter(t -> !t.isEmpty()).orElseGet(() -> topic(subject));
        if (!topic.isEmpty()) {
            props.add(PropValue.of(PropTags.PR_CONVERSATION_TOPIC, topic));
            props.add(PropValue.of(PropTags.PR_CONVERSATION_ID, id(topic)));
        }
        threadIndex.flatMap(ConversationProperties::index)
                .ifPresent(i -> props.add(PropValue.of(PropTags.PR_CONVERSATION_INDEX, i)));
        return props;
    }

    /**
     * The subject without the prefixes replies and forwards add ("Re: ", "Fwd: ", "AW: ", "RE:", "Fw:" and the
     * like: one to three letters and a colon), however many there are.
     */
    static String topic(String subject) {
        String s = subject == null ? "" : subject.strip();
        while (true) {
            int colon = s.indexOf(':');
            if (colon < 1 || colon > 3) {
                return s;
            }
            for (int i = 0; i < colon; i++) {
                if (!Character.isLetter(s.charAt(i))) {
                    return s;
                }
            }
            s = s.substring(colon + 1).strip();
        }
    }

    /** PR_CONVERSATION_ID for a topic. */
    static byte[] id(String topic) {
        String upper = topic.toUpperCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(Math.min(upper.length(), TOPIC_CHARACTERS));
        for (int i = 0; i < upper.length() && kept.length() < TOPIC_CHARACTERS; i++) {
            char c = upper.charAt(i);
            if (c != 0) {
                kept.append(c);
            }
        }
        try {
            return MessageDigest.getInstance("MD5").digest(kept.toString().getBytes(StandardCharsets.UTF_16LE));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the runtime has no MD5", e);
        }
    }

    /** A Thread-Index header's conversation index: 22 bytes of header (the first 0x01) and 5-byte child blocks. */
    static Optional<byte[]> index(String header) {
        try {
            byte[] index = Base64.getMimeDecoder().decode(header.strip());
            if (index.length >= 22 && index[0] == 0x01 && (index.length - 22) % 5 == 0) {
                return Optional.of(index);
            }
        } catch (IllegalArgumentException e) {
            // not base64: no index
        }
        return Optional.empty();
    }
}
