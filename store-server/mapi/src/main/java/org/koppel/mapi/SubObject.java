package org.koppel.mapi;

/** The kinds of sub-objects a message carries, as a sub-restriction names them ([MS-OXCDATA] 2.12.9). */
public enum SubObject {
    RECIPIENTS(PropTags.PR_MESSAGE_RECIPIENTS),
    ATTACHMENTS(PropTags.PR_MESSAGE_ATTACHMENTS);

    private final PropTag tag;

    SubObject(PropTag tag) {
        this.tag = tag;
    }

    /** The PT_OBJECT tag that stands for this kind of sub-object on the wire (PR_MESSAGE_RECIPIENTS, ...). */
    public PropTag tag() {
        return tag;
    }

    /** The kind a wire sub-restriction names by its packed PT_OBJECT tag; anything else is MAPI_E_TOO_COMPLEX. */
    public static SubObject fromTag(int packedTag) {
        for (SubObject s : values()) {
            if (s.tag.value() == packedTag) {
                return s;
            }
        }
        throw new MapiException.TooComplex(String.format("no sub-object for tag 0x%08X", packedTag));
    }
}
