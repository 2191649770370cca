package org.koppel.mapi;

import java.util.Objects;

/** One key of a table sort: a property and a direction ([MS-OXCDATA] 2.13.1). */
public record SortOrder(PropTag tag, Direction direction) {

    /** The sort direction with its wire code (TABLE_SORT_ASCEND, TABLE_SORT_DESCEND). */
    public enum Direction {
        ASCENDING(0x00),
        DESCENDING(0x01);

        private final int code;

        Direction(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The direction for a wire code; the category codes (TABLE_SORT_MAXIMUM/MINIMUM) are not supported. */
        public static Direction fromCode(int code) {
            for (Direction d : values()) {
                if (d.code == code) {
                    return d;
                }
            }
            throw new MapiException.TooComplex(String.format("unsupported sort direction 0x%X", code));
        }
    }

    public SortOrder {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(direction, "direction");
    }

    public static SortOrder ascending(PropTag tag) {
        return new SortOrder(tag, Direction.ASCENDING);
    }

    public static SortOrder descending(PropTag tag) {
        return new SortOrder(tag, Direction.DESCENDING);
    }
}
