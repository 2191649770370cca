package org.koppel.mapi;

import java.util.EnumSet;
import java.util.Set;

/** The bits of PR_MESSAGE_FLAGS ([MS-OXCMSG] 2.2.1.6). */
public enum MessageFlags {
    MSGFLAG_READ(0x0001),
    MSGFLAG_UNMODIFIED(0x0002),
    MSGFLAG_SUBMIT(0x0004),
    MSGFLAG_UNSENT(0x0008),
    MSGFLAG_HASATTACH(0x0010),
    MSGFLAG_FROMME(0x0020),
    MSGFLAG_ASSOCIATED(0x0040),
    MSGFLAG_RESEND(0x0080),
    MSGFLAG_NOTIFYREAD(0x0100),
    MSGFLAG_NOTIFYUNREAD(0x0200),
    MSGFLAG_EVERREAD(0x0400),
    MSGFLAG_ORIGIN_X400(0x1000),
    MSGFLAG_ORIGIN_INTERNET(0x2000),
    MSGFLAG_ORIGIN_MISC_EXT(0x8000);

    private final int value;

    MessageFlags(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** Whether this flag is set in a PR_MESSAGE_FLAGS value. */
    public boolean isSet(int flags) {
        return (flags & value) != 0;
    }

    public int set(int flags) {
        return flags | value;
    }

    public int clear(int flags) {
        return flags & ~value;
    }

    public static int toMask(Set<MessageFlags> flags) {
        int mask = 0;
        for (MessageFlags f : flags) {
            mask |= f.value;
        }
        return mask;
    }

    /** The known flags set in a value; bits without a name are dropped. */
    public static EnumSet<MessageFlags> fromMask(int mask) {
        EnumSet<MessageFlags> out = EnumSet.noneOf(MessageFlags.class);
        for (MessageFlags f : values()) {
            if (f.isSet(mask)) {
                out.add(f);
            }
        }
        return out;
    }
}
