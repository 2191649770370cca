package org.koppel.mapi;

/** The standard named-property set GUIDs ([MS-OXPROPS] 1.3.2). */
public final class PropertySets {

    public static final Guid PSETID_APPOINTMENT = Guid.parse("00062002-0000-0000-C000-000000000046");
    public static final Guid PSETID_TASK = Guid.parse("00062003-0000-0000-C000-000000000046");
    public static final Guid PSETID_ADDRESS = Guid.parse("00062004-0000-0000-C000-000000000046");
    public static final Guid PSETID_COMMON = Guid.parse("00062008-0000-0000-C000-000000000046");
    public static final Guid PSETID_LOG = Guid.parse("0006200A-0000-0000-C000-000000000046");
    public static final Guid PSETID_NOTE = Guid.parse("0006200E-0000-0000-C000-000000000046");
    public static final Guid PSETID_MEETING = Guid.parse("6ED8DA90-450B-101B-98DA-00AA003F1305");
    public static final Guid PSETID_SHARING = Guid.parse("00062040-0000-0000-C000-000000000046");
    public static final Guid PSETID_POST_RSS = Guid.parse("00062041-0000-0000-C000-000000000046");
    public static final Guid PSETID_UNIFIED_MESSAGING = Guid.parse("4442858E-A9E3-4E80-B900-317A210CC15B");
    public static final Guid PSETID_AIR_SYNC = Guid.parse("71035549-0739-4DCB-9163-00F0580DBBDF");
    public static final Guid PS_PUBLIC_STRINGS = Guid.parse("00020329-0000-0000-C000-000000000046");
    public static final Guid PS_INTERNET_HEADERS = Guid.parse("00020386-0000-0000-C000-000000000046");
    public static final Guid PS_MAPI = Guid.parse("00020328-0000-0000-C000-000000000046");

    private PropertySets() {
    }
}
