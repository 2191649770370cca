package org.koppel.mapi;

/** The operators of a bitmask restriction ([MS-OXCDATA] 2.12.7). */
public enum BitmaskOp {
    /** Matches when (value &amp; mask) == 0. */
    BMR_EQZ(0x00),
    /** Matches when (value &amp; mask) != 0. */
    BMR_NEZ(0x01);

    private final int code;

    BitmaskOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean test(int value, int mask) {
        return this == BMR_EQZ ? (value & mask) == 0 : (value & mask) != 0;
    }

    public static BitmaskOp fromCode(int code) {
        for (BitmaskOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new MapiException.TooComplex(String.format("unknown bitmask operator 0x%X", code));
    }
}
