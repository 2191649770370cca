package org.koppel.mapi;

/** The relational operators of property, compare-properties and size restrictions ([MS-OXCDATA] 2.12.5.1). */
public enum RelOp {
    RELOP_LT(0x00),
    RELOP_LE(0x01),
    RELOP_GT(0x02),
    RELOP_GE(0x03),
    RELOP_EQ(0x04),
    RELOP_NE(0x05),
    /** A regular-expression match of a string property against the restriction's string. */
    RELOP_RE(0x06);

    private final int code;

    RelOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * Whether a three-way comparison result satisfies this operator. RELOP_RE is not an ordering and is
     * refused here with MAPI_E_TOO_COMPLEX; the evaluator handles it separately.
     */
    public boolean test(int comparison) {
        return switch (this) {
            case RELOP_LT -> comparison < 0;
            case RELOP_LE -> comparison <= 0;
            case RELOP_GT -> comparison > 0;
            case RELOP_GE -> comparison >= 0;
            case RELOP_EQ -> comparison == 0;
            case RELOP_NE -> comparison != 0;
            case RELOP_RE -> throw new MapiException.TooComplex("RELOP_RE is not an ordering");
        };
    }

    /** The operator for a wire code; RELOP_MEMBER_OF_DL (0x64) and unknown codes are MAPI_E_TOO_COMPLEX. */
    public static RelOp fromCode(int code) {
        for (RelOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new MapiException.TooComplex(String.format("unsupported relational operator 0x%X", code));
    }
}
