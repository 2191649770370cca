package org.koppel.inetmapi.ical;

import java.util.Locale;
import net.fortuna.ical4j.model.Component;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTags;

/** CLASS <-> PR_SENSITIVITY (and PidLidPrivate): PUBLIC normal, PRIVATE private, CONFIDENTIAL confidential. */
final class Classification {

    static final int NORMAL = 0;
    static final int PERSONAL = 1;
    static final int PRIVATE = 2;
    static final int CONFIDENTIAL = 3;

    private Classification() {
    }

    static void read(Component c, PropBuilder props) {
        int sensitivity = ICal.text(c, "CLASS").map(v -> switch (v.toUpperCase(Locale.ROOT)) {
            case "PRIVATE" -> PRIVATE;
            case "CONFIDENTIAL" -> CONFIDENTIAL;
            default -> NORMAL;
        }).orElse(NORMAL);
        props.put(PropTags.PR_SENSITIVITY, sensitivity).put(NamedTags.PRIVATE, sensitivity == PRIVATE);
    }

    static void write(PropReader message, ContentLines out) {
        int s = message.integer(PropTags.PR_SENSITIVITY).orElse(NORMAL);
        out.raw("CLASS", switch (s) {
            case PERSONAL, PRIVATE -> "PRIVATE";
            case CONFIDENTIAL -> "CONFIDENTIAL";
            default -> "PUBLIC";
        });
    }
}
