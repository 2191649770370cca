package org.koppel.eas.sync;

import java.util.Optional;

/**
 * airsyncbase:BodyPreference or BodyPartPreference ([MS-ASAIRS] 2.2.2.11, 2.2.2.12): which body
 * type the client wants and how much of it.
 *
 * @param type           1 plain text, 2 HTML, 3 RTF, 4 MIME (BodyPartPreference: 2 only)
 * @param truncationSize bytes
 * @param allOrNone      send the body only if it fits untruncated
 * @param preview        characters of plain-text preview, 0-255 (14.0+)
 */
public record BodyPreference(int type, Optional<Long> truncationSize, Optional<Boolean> allOrNone,
        Optional<Integer> preview) {
}
