package org.koppel.backend;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The follow-up flag of MS-ASEMAIL 2.2.2.27. A flag with status {@link Status#CLEARED} in a client change
 * removes the flag; the dates are UTC.
 *
 * @param flagType the text the client shows ("Follow up", "Call", ...)
 */
public record Flag(Status status, String flagType, Optional<Instant> startDate, Optional<Instant> dueDate,
        Optional<Instant> completeTime, boolean reminderSet, Optional<Instant> reminderTime) {

    public Flag {
        Objects.requireNonNull(status, "status");
        flagType = flagType == null ? "" : flagType;
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(completeTime, "completeTime");
        Objects.requireNonNull(reminderTime, "reminderTime");
    }

    public static Flag cleared() {
        return new Flag(Status.CLEARED, "", Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
    }

    public static Flag active(String flagType, Optional<Instant> start, Optional<Instant> due) {
        return new Flag(Status.ACTIVE, flagType, start, due, Optional.empty(), false, Optional.empty());
    }

    public static Flag complete(Instant when) {
        return new Flag(Status.COMPLETE, "", Optional.empty(), Optional.empty(), Optional.of(when), false,
                Optional.empty());
    }

    /** MS-ASEMAIL Status: 0 cleared, 1 complete, 2 active. */
    public enum Status {
        CLEARED, COMPLETE, ACTIVE;

        public int code() {
            return ordinal();
        }

        public static Status fromCode(int code) {
            return switch (code) {
                case 1 -> COMPLETE;
                case 2 -> ACTIVE;
                default -> CLEARED;
            };
        }
    }
}
