package org.koppel.eas.state;

import java.util.List;
import java.util.Objects;

/**
 * The Options of a Sync collection as the client last sent them, kept because a client sends them once and
 * then leaves them out (MS-ASCMD Sync). Stored as versioned JSON, so fields can be added later.
 *
 * @param folderClass         Class of the collection (Email, Calendar, ...), empty when not sent
 * @param filterType          0 (no filter) to 8, the window of items to sync
 * @param bodyPreferences     BodyPreference elements, in the order sent
 * @param bodyPartPreferences BodyPartPreference elements (14.1+)
 * @param mimeSupport         0 never, 1 S/MIME only, 2 always MIME
 * @param mimeTruncation      the MIMETruncation code, {@link #NOT_SENT} when not given
 * @param windowSize          the collection's WindowSize, 0 when not given
 * @param conflict            0 the client's change wins, 1 the server's (the default)
 * @param deletesAsMoves      move deleted items to Deleted Items rather than delete them (the default)
 * @param rightsManagement    RightsManagementSupport (14.1+)
 * @param supported           the Supported list: the properties the client syncs, so that the others are
 *                            left alone when it changes an item (ghosting)
 */
public record SyncOptions(
        String folderClass,
        int filterType,
        List<BodyPreference> bodyPreferences,
        List<BodyPreference> bodyPartPreferences,
        int mimeSupport,
        int mimeTruncation,
        int windowSize,
        int conflict,
        boolean deletesAsMoves,
        boolean rightsManagement,
        List<String> supported) {

    public static final int NOT_SENT = -1;

    /** What applies when the client never sent Options. */
    public static final SyncOptions DEFAULTS = new SyncOptions("", 0, List.of(), List.of(), 0, NOT_SENT, 0, 1,
            true, false, List.of());

    public SyncOptions {
        folderClass = folderClass == null ? "" : folderClass;
        bodyPreferences = List.copyOf(Objects.requireNonNullElse(bodyPreferences, List.of()));
        bodyPartPreferences = List.copyOf(Objects.requireNonNullElse(bodyPartPreferences, List.of()));
        supported = List.copyOf(Objects.requireNonNullElse(supported, List.of()));
    }
}
