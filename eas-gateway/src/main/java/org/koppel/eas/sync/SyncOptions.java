package org.koppel.eas.sync;

import java.util.List;
import java.util.Optional;
import org.koppel.eas.codec.ContentClass;

/**
 * airsync:Options of a Sync collection ([MS-ASCMD] 2.2.3.125.6). From 14.0 a collection may
 * carry two, one per class (e.g. Email and SMS in the Inbox), told apart by {@code contentClass}.
 *
 * @param filterType      0-8: how far back to sync
 * @param mimeSupport     0 never, 1 S/MIME only, 2 always send MIME
 * @param mimeTruncation  0-8: MIME truncation size code
 * @param conflict        0 client wins, 1 server wins
 * @param maxItems        14.0+: for the recipient information cache
 * @param rightsManagementSupport 14.1+
 */
public record SyncOptions(Optional<ContentClass> contentClass, Optional<Integer> filterType,
        List<BodyPreference> bodyPreferences, List<BodyPreference> bodyPartPreferences, Optional<Integer> conflict,
        Optional<Integer> mimeSupport, Optional<Integer> mimeTruncation, Optional<Integer> maxItems,
        Optional<Boolean> rightsManagementSupport) {

    public SyncOptions {
        bodyPreferences = List.copyOf(bodyPreferences);
        bodyPartPreferences = List.copyOf(bodyPartPreferences);
    }
}
