package org.koppel.eas.email;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;

/**
 * The dateTime type of [MS-ASDTYPE] 2.3 as the Email class uses it ({@code 2009-11-12T13:14:15.000Z}:
 * UTC, milliseconds, a literal Z). Other ISO 8601 forms (offsets, no fraction, the compact form
 * of the Calendar class) are refused, since the Email and Tasks elements allow only this one.
 */
final class EasDateTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private EasDateTime() {
    }

    static String format(Instant t) {
        return FORMAT.format(t);
    }

    /** The current leaf element as a dateTime. */
    static Instant read(ElementReader in) throws DecodeException, IOException {
        String name = in.name();
        String s = in.text(32);
        if (!SHAPE.matcher(s).matches()) {
            throw in.invalid(name + " is not a dateTime of the form 2009-11-12T13:14:15.000Z: '" + s + "'");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw in.invalid(name + " is not a valid date: '" + s + "'");
        }
    }
}
