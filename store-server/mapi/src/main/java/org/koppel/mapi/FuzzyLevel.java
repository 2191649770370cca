package org.koppel.mapi;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a content restriction matches ([MS-OXCDATA] 2.12.4): one match mode in the low 16 bits of the wire value
 * and any combination of modifier flags in the high 16 bits.
 */
public record FuzzyLevel(Mode mode, Set<Flag> flags) {

    /** The match mode, FuzzyLevelLow. */
    public enum Mode {
        FL_FULLSTRING(0x0000),
        FL_SUBSTRING(0x0001),
        FL_PREFIX(0x0002);

        private final int code;

        Mode(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** The modifier flags, FuzzyLevelHigh. */
    public enum Flag {
        FL_IGNORECASE(0x00010000),
        /** Ignore non-spacing marks (diacritics): "é" matches "e". */
        FL_IGNORENONSPACE(0x00020000),
        /** Match whenever possible; Koppel treats it as ignore-case plus ignore-non-space. */
        FL_LOOSE(0x00040000);

        private final int code;

        Flag(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public static final FuzzyLevel FULLSTRING = new FuzzyLevel(Mode.FL_FULLSTRING, Set.of());
    public static final FuzzyLevel SUBSTRING = new FuzzyLevel(Mode.FL_SUBSTRING, Set.of());
    public static final FuzzyLevel PREFIX = new FuzzyLevel(Mode.FL_PREFIX, Set.of());

    public FuzzyLevel {
        Objects.requireNonNull(mode, "mode");
        EnumSet<Flag> copy = EnumSet.noneOf(Flag.class);
        copy.addAll(Objects.requireNonNull(flags, "flags"));
        flags = Collections.unmodifiableSet(copy);
    }

    public static FuzzyLevel of(Mode mode, Flag... flags) {
        return new FuzzyLevel(mode, Set.of(flags));
    }

    /** Decodes the 32-bit wire value; unknown modes or flag bits are MAPI_E_TOO_COMPLEX, as MAPI prescribes. */
    public static FuzzyLevel fromValue(int value) {
        int low = value & 0xFFFF;
        Mode mode = null;
        for (Mode m : Mode.values()) {
            if (m.code == low) {
                mode = m;
            }
        }
        if (mode == null) {
            throw new MapiException.TooComplex(String.format("unknown fuzzy level 0x%X", value));
        }
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        int rest = value & 0xFFFF0000;
        for (Flag f : Flag.values()) {
            if ((rest & f.code) != 0) {
                flags.add(f);
                rest &= ~f.code;
            }
        }
        if (rest != 0) {
            throw new MapiException.TooComplex(String.format("unknown fuzzy level flags 0x%X", rest));
        }
        return new FuzzyLevel(mode, flags);
    }

    public int value() {
        int v = mode.code;
        for (Flag f : flags) {
            v |= f.code;
        }
        return v;
    }

    public boolean ignoreCase() {
        return flags.contains(Flag.FL_IGNORECASE) || flags.contains(Flag.FL_LOOSE);
    }

    public boolean ignoreNonSpace() {
        return flags.contains(Flag.FL_IGNORENONSPACE) || flags.contains(Flag.FL_LOOSE);
    }

    public FuzzyLevel withIgnoreCase() {
        EnumSet<Flag> f = EnumSet.of(Flag.FL_IGNORECASE);
        f.addAll(flags);
        return new FuzzyLevel(mode, f);
    }
}
