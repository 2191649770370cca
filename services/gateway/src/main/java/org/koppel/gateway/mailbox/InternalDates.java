package org.koppel.gateway.mailbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.koppel.inetmapi.NamedTagMap;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.PropertySets;

/**
 * Where a message's INTERNALDATE (RFC 9051 2.3.3) lives in MAPI: the instant is the delivery time
 * (PR_MESSAGE_DELIVERY_TIME; the creation time for a message never delivered), and the zone an APPEND gave it is
 * a named property beside it, so the date comes back as the client wrote it and SEARCH BEFORE/ON/SINCE compare
 * the calendar date in that zone. Mail delivered otherwise has no zone and is shown in UTC.
 */
public final class InternalDates {

    private static final NamedPropTag ZONE = NamedPropTag.byName(PropertySets.PS_PUBLIC_STRINGS,
            "urn:koppel:imap-internaldate-zone", PropType.PT_LONG);

    private final PropTag zone;

    public InternalDates(NamedTagMap names) {
        this.zone = names.resolve(ZONE);
    }

    /** The columns an export needs for {@link #read}. */
    public List<PropTag> columns() {
        return List.of(PropTags.PR_MESSAGE_DELIVERY_TIME, PropTags.PR_CREATION_TIME, zone);
    }

    /** The internal date among a message's properties, if it has a delivery or creation time. */
    public Optional<InternalDate> read(List<PropValue> props) {
        Instant delivered = null;
        Instant created = null;
        ZoneOffset offset = ZoneOffset.UTC;
        for (PropValue v : props) {
            if (v.tag().equals(PropTags.PR_MESSAGE_DELIVERY_TIME) && v.javaValue() instanceof Instant i) {
                delivered = i;
            } else if (v.tag().equals(PropTags.PR_CREATION_TIME) && v.javaValue() instanceof Instant i) {
                created = i;
            } else if (v.tag().equals(zone) && v.javaValue() instanceof Integer minutes
                    && Math.abs(minutes) < 18 * 60) {
                offset = ZoneOffset.ofTotalSeconds(minutes * 60);
            }
        }
        if (delivered != null) {
            return Optional.of(new InternalDate(delivered, offset.getTotalSeconds() / 60));
        }
        return Optional.ofNullable(created).map(InternalDate::utc);
    }

    /** The properties that give a new message this internal date. */
    public List<PropValue> write(OffsetDateTime date) {
        return List.of(PropValue.of(PropTags.PR_MESSAGE_DELIVERY_TIME, date.toInstant()),
                PropValue.of(zone, date.getOffset().getTotalSeconds() / 60));
    }

    /** Whether a property is one of those {@link #write} sets. */
    public boolean isOwn(PropTag tag) {
        return tag.equals(PropTags.PR_MESSAGE_DELIVERY_TIME) || tag.equals(zone);
    }
}
