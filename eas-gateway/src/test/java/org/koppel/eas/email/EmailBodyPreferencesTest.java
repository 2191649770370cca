package org.koppel.eas.email;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.koppel.backend.BodyPreference;
import org.koppel.backend.BodyType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.sync.SyncOptions;

class EmailBodyPreferencesTest {

    private static SyncOptions options(List<org.koppel.eas.sync.BodyPreference> prefs, Optional<Integer> mimeSupport,
            Optional<Integer> mimeTruncation) {
        return new SyncOptions(Optional.of(ContentClass.EMAIL), Optional.of(3), prefs, List.of(), Optional.empty(),
                mimeSupport, mimeTruncation, Optional.empty(), Optional.empty());
    }

    private static org.koppel.eas.sync.BodyPreference html(long size, int preview) {
        return new org.koppel.eas.sync.BodyPreference(2, Optional.of(size), Optional.of(true), Optional.of(preview));
    }

    private static final BodyPreference HTML = new BodyPreference(BodyType.HTML, OptionalLong.of(51200), true, 200);

    @Test
    void withoutMimeSupportTheClientsPreferencesAsGiven() {
        EmailBodyPreferences p = EmailBodyPreferences.of(options(List.of(html(51200, 200)), Optional.empty(),
                Optional.empty()));
        assertEquals(List.of(HTML), p.ordinary());
        assertEquals(p.ordinary(), p.forMessageClass("IPM.Note.SMIME"));
    }

    @Test
    void mimeSupport2PutsMimeFirstSizedByMimeTruncationFor12xClients() {
        EmailBodyPreferences p = EmailBodyPreferences.of(options(List.of(), Optional.of(2), Optional.of(1)));
        assertEquals(List.of(BodyPreference.truncated(BodyType.MIME, 4096)), p.ordinary());
        EmailBodyPreferences all = EmailBodyPreferences.of(options(List.of(html(51200, 200)), Optional.of(2),
                Optional.of(8)));
        assertEquals(List.of(BodyPreference.of(BodyType.MIME), HTML), all.ordinary());
    }

    @Test
    void aType4BodyPreferenceSizesMimeRatherThanMimeTruncation() {
        var mime = new org.koppel.eas.sync.BodyPreference(4, Optional.of(100_000L), Optional.empty(), Optional.empty());
        EmailBodyPreferences p = EmailBodyPreferences.of(options(List.of(mime, html(51200, 200)), Optional.of(2),
                Optional.of(0)));
        assertEquals(List.of(BodyPreference.truncated(BodyType.MIME, 100_000), HTML), p.ordinary());
    }

    /** [MS-ASCMD] 2.2.3.111: MIMETruncation sizes MIME also when a type 4 BodyPreference gives no size. */
    @Test
    void mimeTruncationSizesAType4BodyPreferenceWithoutTruncationSize() {
        var mime = new org.koppel.eas.sync.BodyPreference(4, Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(List.of(BodyPreference.truncated(BodyType.MIME, 4096)),
                EmailBodyPreferences.of(options(List.of(mime), Optional.of(2), Optional.of(1))).ordinary());
        assertEquals(List.of(BodyPreference.truncated(BodyType.MIME, 0)),
                EmailBodyPreferences.of(options(List.of(mime), Optional.of(2), Optional.of(0))).ordinary());
        assertEquals(List.of(BodyPreference.of(BodyType.MIME)),
                EmailBodyPreferences.of(options(List.of(mime), Optional.of(2), Optional.of(8))).ordinary());
    }

    @Test
    void mimeSupport1AsksForMimeOnlyForSmimeMessages() {
        EmailBodyPreferences p = EmailBodyPreferences.of(options(List.of(html(51200, 200)), Optional.of(1),
                Optional.empty()));
        assertEquals(List.of(HTML), p.forMessageClass("IPM.Note"));
        assertEquals(List.of(BodyPreference.of(BodyType.MIME), HTML), p.forMessageClass("IPM.Note.SMIME"));
        assertEquals(p.smime(), p.forMessageClass("IPM.Note.SMIME.MultipartSigned"));
        assertEquals(p.ordinary(), p.forMessageClass("IPM.Note.SMIMEX"));
    }

    @Test
    void noPreferenceAtAllIsPlainText() {
        EmailBodyPreferences p = EmailBodyPreferences.of(options(List.of(), Optional.empty(), Optional.empty()));
        assertEquals(List.of(BodyPreference.of(BodyType.PLAIN_TEXT)), p.ordinary());
        EmailBodyPreferences smimeOnly = EmailBodyPreferences.of(options(List.of(), Optional.of(1), Optional.empty()));
        assertEquals(List.of(BodyPreference.of(BodyType.PLAIN_TEXT)), smimeOnly.ordinary());
        assertEquals(List.of(BodyPreference.of(BodyType.MIME), BodyPreference.of(BodyType.PLAIN_TEXT)),
                smimeOnly.smime());
    }
}
