package org.koppel.inetmapi.tnef;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * PR_RTF_COMPRESSED ([MS-OXRTFCP]): the 16-byte header, then either the RTF as is ("MELA") or LZFu, an LZ77
 * variant over a 4 KB ring dictionary preloaded with common RTF. The CRC of compressed content is checked;
 * output is bounded by the caller's limit whatever the header claims.
 */
public final class CompressedRtf {

    private static final int COMPRESSED = 0x75465A4C; // "LZFu"
    private static final int UNCOMPRESSED = 0x414C454D; // "MELA"
    private static final int HEADER = 16;
    private static final int DICTIONARY_SIZE = 4096;
    private static final byte[] PRELOAD = ("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman "
            + "\\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0"
            + "\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").getBytes(StandardCharsets.US_ASCII);
    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xEDB88320 : c >>> 1;
            }
            CRC_TABLE[i] = c;
        }
    }

    private CompressedRtf() {
    }

    /** The RTF of a PR_RTF_COMPRESSED value, refusing more than {@code maxBytes} of output. */
    public static byte[] decompress(byte[] value, int maxBytes) throws TnefException {
        if (value.length < HEADER) {
            throw new TnefException.Corrupt("compressed RTF shorter than its header");
        }
        long compSize = u32(value, 0);
        long rawSize = u32(value, 4);
        int type = (int) u32(value, 8);
        long crc = u32(value, 12);
        if (compSize < HEADER - 4 || compSize > value.length - 4L) {
            throw new TnefException.Corrupt("compressed RTF size " + compSize + " does not match its "
                    + value.length + " bytes");
        }
        if (rawSize > maxBytes) {
            throw new TnefException.LimitExceeded("compressed RTF of " + rawSize + " bytes, more than " + maxBytes);
        }
        int end = (int) (compSize + 4);
        if (type == UNCOMPRESSED) {
            // MELA carries the RTF as it is; writers leave the CRC at zero or set it, readers ignore it.
            int n = (int) Math.min(rawSize, end - HEADER);
            byte[] out = new byte[n];
            System.arraycopy(value, HEADER, out, 0, n);
            return out;
        }
        if (type != COMPRESSED) {
            throw new TnefException.Corrupt(String.format("unknown compressed RTF type 0x%08X", type));
        }
        if (crc(value, HEADER, end) != crc) {
            throw new TnefException.Corrupt("compressed RTF fails its CRC");
        }
        return lzfu(value, HEADER, end, (int) rawSize);
    }

    private static byte[] lzfu(byte[] in, int pos, int end, int rawSize) throws TnefException {
        byte[] dictionary = new byte[DICTIONARY_SIZE];
        System.arraycopy(PRELOAD, 0, dictionary, 0, PRELOAD.length);
        int write = PRELOAD.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(rawSize, 1 << 16));
        while (pos < end) {
            int control = in[pos++] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                if (pos >= end) {
                    break; // input ended between tokens: what was decoded is the whole
                }
                if ((control & (1 << bit)) == 0) {
                    byte b = in[pos++];
                    out.write(b);
                    dictionary[write] = b;
                    write = (write + 1) % DICTIONARY_SIZE;
                } else {
                    if (pos + 1 >= end) {
                        throw new TnefException.Corrupt("compressed RTF ends inside a reference");
                    }
                    int reference = ((in[pos] & 0xFF) << 8) | (in[pos + 1] & 0xFF);
                    pos += 2;
                    int offset = reference >>> 4;
                    int length = (reference & 0x0F) + 2;
                    if (offset == write) {
                        return finish(out, rawSize);
                    }
                    for (int i = 0; i < length; i++) {
                        byte b = dictionary[(offset + i) % DICTIONARY_SIZE];
                        out.write(b);
                        dictionary[write] = b;
                        write = (write + 1) % DICTIONARY_SIZE;
                    }
                }
                if (out.size() > rawSize) {
                    break;
                }
            }
            if (out.size() > rawSize) {
                break;
            }
        }
        return finish(out, rawSize);
    }

    private static byte[] finish(ByteArrayOutputStream out, int rawSize) throws TnefException {
        byte[] bytes = out.toByteArray();
        if (bytes.length < rawSize) {
            throw new TnefException.Corrupt("compressed RTF gives " + bytes.length + " bytes of the " + rawSize
                    + " its header announces");
        }
        if (bytes.length == rawSize) {
            return bytes;
        }
        byte[] exact = new byte[rawSize];
        System.arraycopy(bytes, 0, exact, 0, rawSize);
        return exact;
    }

    /** The CRC of [MS-OXRTFCP] 3.1.3.2: CRC-32's table, but starting at zero and without the final inversion. */
    static long crc(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC_TABLE[(crc ^ data[i]) & 0xFF] ^ (crc >>> 8);
        }
        return crc & 0xFFFFFFFFL;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
