package org.koppel.gateway.mailbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A message's INTERNALDATE: the instant, and the zone it is shown in (the one APPEND gave it, else UTC) as an
 * offset in minutes. Kept apart rather than as an {@link OffsetDateTime}, whose calendar fields cost a conversion
 * every time a view hands out an entry; {@link #inZone()} makes one when a response or a date search needs it.
 */
public record InternalDate(Instant instant, int offsetMinutes) {

    public static final InternalDate EPOCH = new InternalDate(Instant.EPOCH, 0);

    public static InternalDate of(OffsetDateTime t) {
        return new InternalDate(t.toInstant(), t.getOffset().getTotalSeconds() / 60);
    }

    public static InternalDate utc(Instant instant) {
        return new InternalDate(instant, 0);
    }

    /** The date and time as shown: in the zone it was given. */
    public OffsetDateTime inZone() {
        return instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }
}
