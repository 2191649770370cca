package org.koppel.inetmapi.timezone;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The TimeZoneDefinition of [MS-OXOCAL] 2.2.1.41 (PidLidAppointmentTimeZoneDefinitionStartDisplay, EndDisplay
 * and Recur): a zone's name and its rules, each in effect from its year on.
 */
public record TimeZoneDefinition(String keyName, List<TimeZoneRule> rules) {

    private static final int TZRULE_FLAG_RECUR_CURRENT_TZREG = 0x0001;
    private static final int TZRULE_FLAG_EFFECTIVE_TZREG = 0x0002;
    private static final int RULE_SIZE = 66;

    public TimeZoneDefinition {
        if (keyName.isEmpty() || keyName.length() > 260) {
            throw new IllegalArgumentException("time zone key name of " + keyName.length() + " characters");
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a time zone definition needs a rule");
        }
        rules = rules.stream().sorted(Comparator.comparingInt(TimeZoneRule::year)).toList();
    }

    /** A zone's rule for {@code year} under the zone's name. */
    public static TimeZoneDefinition of(String name, ZoneRules zone, int year) {
        return new TimeZoneDefinition(name, List.of(TimeZoneRule.of(zone, year)));
    }

    /** The rule in effect in {@code year}: the latest one that starts no later. */
    public TimeZoneRule ruleFor(int year) {
        TimeZoneRule found = rules.get(0);
        for (TimeZoneRule r : rules) {
            if (r.year() <= year) {
                found = r;
            }
        }
        return found;
    }

    /** The rules as java.time rules (the latest rule of the definition, the one used for recurrences). */
    public ZoneRules toZoneRules(int year) {
        return ruleFor(year).toZoneRules();
    }

    public byte[] encode() {
        byte[] name = keyName.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(4 + 6 + name.length + RULE_SIZE * rules.size())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 2).put((byte) 1).putShort((short) (6 + name.length)).putShort((short) 2)
                .putShort((short) keyName.length()).put(name).putShort((short) rules.size());
        for (int i = 0; i < rules.size(); i++) {
            TimeZoneRule r = rules.get(i);
            // The last rule is the one in effect now; Outlook needs exactly one rule flagged so.
            int flags = i == rules.size() - 1 ? TZRULE_FLAG_EFFECTIVE_TZREG | TZRULE_FLAG_RECUR_CURRENT_TZREG : 0;
            b.put((byte) 2).put((byte) 1).putShort((short) 0x3E).putShort((short) flags).putShort((short) r.year());
            b.put(new byte[14]);
            b.putInt(r.bias()).putInt(r.standardBias()).putInt(r.daylightBias());
            r.standardDate().write(b);
            r.daylightDate().write(b);
        }
        return b.array();
    }

    public static TimeZoneDefinition decode(byte[] data) {
        try {
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            int major = b.get();
            b.get();
            if (major != 2) {
                throw new IllegalArgumentException("TimeZoneDefinition major version " + major);
            }
            int header = Short.toUnsignedInt(b.getShort());
            int headerStart = b.position();
            b.getShort();
            int chars = Short.toUnsignedInt(b.getShort());
            byte[] name = new byte[chars * 2];
            b.get(name);
            int count = Short.toUnsignedInt(b.getShort());
            b.position(headerStart + header);
            List<TimeZoneRule> rules = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int start = b.position();
                b.getInt();
                b.getShort();
                int year = b.getShort();
                b.position(start + 22);
                int bias = b.getInt();
                int standardBias = b.getInt();
                int daylightBias = b.getInt();
                SystemTime standard = SystemTime.read(b);
                SystemTime daylight = SystemTime.read(b);
                if (standard.isSet() != daylight.isSet()) {
                    standard = SystemTime.NONE;
                    daylight = SystemTime.NONE;
                }
                rules.add(new TimeZoneRule(year, bias, standardBias, daylightBias, standard, daylight));
            }
            return new TimeZoneDefinition(new String(name, StandardCharsets.UTF_16LE), rules);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated TimeZoneDefinition", e);
        }
    }
}
