package org.koppel.inetmapi.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;

/** Reads of ical4j components that the conversions share: text values, parameters and date-times. */
final class ICal {

    private ICal() {
    }

    static Optional<Property> prop(Component c, String name) {
        return c.getProperty(name);
    }

    static List<Property> props(Component c, String name) {
        return c.getProperties(name);
    }

    static Optional<String> text(Component c, String name) {
        return prop(c, name).map(Property::getValue).filter(v -> !v.isEmpty());
    }

    static Optional<String> param(Property p, String name) {
        return p.getParameter(name).map(Parameter::getValue).filter(v -> !v.isEmpty());
    }

    static Optional<Temporal> date(Component c, String name) {
        return prop(c, name).filter(DateProperty.class::isInstance).map(p -> ((DateProperty<?>) p).getDate());
    }

    static List<Temporal> dates(Component c, String name) {
        List<Temporal> out = new ArrayList<>();
        for (Property p : props(c, name)) {
            if (p instanceof DateListProperty<?> d) {
                out.addAll(d.getDates());
            }
        }
        return out;
    }

    /** The instant of an iCalendar date or date-time; floating ones and dates are read in {@code floating}. */
    static Instant instant(Temporal t, ZoneId floating) {
        return switch (t) {
            case Instant i -> i;
            case ZonedDateTime z -> z.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case LocalDateTime l -> l.atZone(floating).toInstant();
            case LocalDate d -> d.atStartOfDay(floating).toInstant();
            default -> throw new CalendarException.Malformed("unsupported date value " + t, 0, null);
        };
    }
}
