package org.koppel.backend;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The FilterType of MS-ASCMD 2.2.3.70 (Sync, GetItemEstimate): how far back in time items are synchronised.
 * For email the window is on the date received; items that fall out of it are soft-deleted on the client.
 */
public enum FilterType {
    ALL(0),
    ONE_DAY(1),
    THREE_DAYS(2),
    ONE_WEEK(3),
    TWO_WEEKS(4),
    ONE_MONTH(5),
    THREE_MONTHS(6),
    SIX_MONTHS(7);

    private final int code;

    FilterType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FilterType fromCode(int code) {
        for (FilterType f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("no filter type " + code);
    }

    /** The oldest time inside the window at {@code now}; empty for {@link #ALL}. Months are calendar months in UTC. */
    public Optional<Instant> since(Instant now) {
        var utc = now.atOffset(ZoneOffset.UTC);
        return Optional.ofNullable(switch (this) {
            case ALL -> null;
            case ONE_DAY -> utc.minusDays(1).toInstant();
            case THREE_DAYS -> utc.minusDays(3).toInstant();
            case ONE_WEEK -> utc.minusWeeks(1).toInstant();
            case TWO_WEEKS -> utc.minusWeeks(2).toInstant();
            case ONE_MONTH -> utc.minusMonths(1).toInstant();
            case THREE_MONTHS -> utc.minusMonths(3).toInstant();
            case SIX_MONTHS -> utc.minusMonths(6).toInstant();
        });
    }
}
