package org.koppel.inetmapi.ical;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.koppel.mapi.FileTime;

/**
 * The PidLidGlobalObjectId encoding of an iCalendar UID ([MS-OXOCAL] 2.2.1.27 and [MS-OXCICAL] 2.1.3.1.1.20.26).
 * A UID that is the upper-case hex form of a GlobalObjectId (what Outlook and Exchange write) is that id;
 * any other UID is carried in the "vCal-Uid" form, so every UID comes back exactly as it was read.
 */
public final class GlobalObjectId {

    /** The Byte Array ID every GlobalObjectId starts with. */
    private static final byte[] CLASS_ID = HexFormat.of().parseHex("040000008200E00074C5B7101A82E008");
    private static final byte[] VCAL_UID = "vCal-Uid".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 40;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private GlobalObjectId() {
    }

    /** The GlobalObjectId of the series a UID names (no instance date), created now if wrapped. */
    public static byte[] fromUid(String uid, Instant creation) {
        if (isHexGoid(uid)) {
            return HEX.parseHex(uid);
        }
        byte[] text = uid.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + VCAL_UID.length + 4 + text.length + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(CLASS_ID).putInt(0).putLong(FileTime.toTicks(creation)).putLong(0);
        b.putInt(VCAL_UID.length + 4 + text.length + 1).put(VCAL_UID).putInt(1).put(text).put((byte) 0);
        return b.array();
    }

    private static boolean isHexGoid(String uid) {
        if (uid.length() < CLASS_ID.length * 2 || uid.length() % 2 != 0
                || !uid.equals(uid.toUpperCase(Locale.ROOT)) || !uid.chars().allMatch(HexFormat::isHexDigit)) {
            return false;
        }
        return uid.startsWith(HEX.formatHex(CLASS_ID));
    }

    /** The UID of a GlobalObjectId (of the series or of an instance: the instance date is ignored). */
    public static String toUid(byte[] goid) {
        if (goid.length > HEADER_SIZE + VCAL_UID.length + 4 && Arrays.equals(goid, 0, 16, CLASS_ID, 0, 16)) {
            ByteBuffer b = ByteBuffer.wrap(goid).order(ByteOrder.LITTLE_ENDIAN);
            int size = b.getInt(36);
            if (size == goid.length - HEADER_SIZE
                    && Arrays.equals(goid, HEADER_SIZE, HEADER_SIZE + VCAL_UID.length, VCAL_UID, 0, VCAL_UID.length)) {
                int end = goid.length;
                if (goid[end - 1] == 0) {
                    end--;
                }
                int from = HEADER_SIZE + VCAL_UID.length + 4;
                return new String(goid, from, end - from, StandardCharsets.UTF_8);
            }
        }
        return HEX.formatHex(clean(goid));
    }

    /** PidLidCleanGlobalObjectId: the id with the instance date (YH, YL, M, D) zeroed. */
    public static byte[] clean(byte[] goid) {
        byte[] c = goid.clone();
        if (c.length >= 20 && Arrays.equals(c, 0, 16, CLASS_ID, 0, 16)) {
            Arrays.fill(c, 16, 20, (byte) 0);
        }
        return c;
    }

    /** The id of one instance of the series: the original date of the instance in YH, YL, M, D. */
    public static byte[] forInstance(byte[] goid, LocalDate originalDate) {
        byte[] c = goid.clone();
        if (c.length >= 20) {
            c[16] = (byte) (originalDate.getYear() >> 8);
            c[17] = (byte) originalDate.getYear();
            c[18] = (byte) originalDate.getMonthValue();
            c[19] = (byte) originalDate.getDayOfMonth();
        }
        return c;
    }
}
