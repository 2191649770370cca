package org.koppel.eas.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.BodyType;
import org.koppel.eas.sync.SyncOptions;

/**
 * The body preferences to ask the backend for, from a client's Sync options: its BodyPreference
 * list, with MIMESupport and MIMETruncation ([MS-ASCMD] 2.2.3.100.3, 2.2.3.101) deciding when MIME
 * (type 4) comes first. MIMESupport 1 wants MIME for S/MIME messages only, which the folder export
 * cannot know in advance, so there are two lists: {@code ordinary} for the export and
 * {@code smime} for fetching again the S/MIME items it returned ({@link #forMessageClass}).
 */
public record EmailBodyPreferences(List<BodyPreference> ordinary, List<BodyPreference> smime) {

    /** MIMETruncation codes 0-8 in bytes; 8 (and no element) is no truncation. */
    private static final long[] MIME_TRUNCATION = {0, 4096, 5120, 7168, 10240, 20480, 51200, 102400};

    public EmailBodyPreferences {
        ordinary = List.copyOf(ordinary);
        smime = List.copyOf(smime);
    }

    /**
     * From the Email options of a Sync collection. A client that names no body preference (as
     * some 12.x clients do) gets plain text, untruncated.
     */
    public static EmailBodyPreferences of(SyncOptions options) {
        List<BodyPreference> asked = new ArrayList<>();
        BodyPreference mime = null;
        for (org.koppel.eas.sync.BodyPreference p : options.bodyPreferences()) {
            BodyPreference b = new BodyPreference(BodyType.fromCode(p.type()),
                    p.truncationSize().map(OptionalLong::of).orElse(OptionalLong.empty()),
                    p.allOrNone().orElse(false), p.preview().orElse(0));
            if (b.type() == BodyType.MIME) {
                mime = b;
            } else {
                asked.add(b);
            }
        }
        int support = options.mimeSupport().orElse(0);
        OptionalLong mimeTruncation = options.mimeTruncation().filter(code -> code < MIME_TRUNCATION.length)
                .map(code -> OptionalLong.of(MIME_TRUNCATION[code])).orElse(OptionalLong.empty());
        if (mime == null && support > 0) {
            // MIMESupport without a type 4 BodyPreference: 12.x clients size MIME with MIMETruncation.
            mime = new BodyPreference(BodyType.MIME, mimeTruncation, false, 0);
        } else if (mime != null && mime.truncationSize().isEmpty() && mimeTruncation.isPresent()) {
            // A type 4 BodyPreference without its own TruncationSize: MIMETruncation sizes the MIME.
            mime = new BodyPreference(BodyType.MIME, mimeTruncation, mime.allOrNone(), mime.previewLength());
        }
        if (asked.isEmpty() && (mime == null || support != 2)) {
            asked.add(BodyPreference.of(BodyType.PLAIN_TEXT));
        }
        List<BodyPreference> withMime = new ArrayList<>();
        if (mime != null) {
            withMime.add(mime);
        }
        withMime.addAll(asked);
        return switch (support) {
            case 2 -> new EmailBodyPreferences(withMime, withMime);
            case 1 -> new EmailBodyPreferences(asked, withMime);
            // MIMESupport 0 but a type 4 preference: the client asked for MIME in its own words.
            default -> new EmailBodyPreferences(withMime, withMime);
        };
    }

    /** The list to fetch a message of {@code messageClass} with. */
    public List<BodyPreference> forMessageClass(String messageClass) {
        return isSmime(messageClass) ? smime : ordinary;
    }

    /** IPM.Note.SMIME and IPM.Note.SMIME.MultipartSigned (and their subclasses). */
    static boolean isSmime(String messageClass) {
        String c = messageClass.toLowerCase(Locale.ROOT);
        return c.equals("ipm.note.smime") || c.startsWith("ipm.note.smime.");
    }
}
