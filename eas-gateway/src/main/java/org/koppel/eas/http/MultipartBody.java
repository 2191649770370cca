package org.koppel.eas.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.koppel.eas.command.CommandResponse;

/**
 * Writes the MultiPartResponse structure of MS-ASCMD 2.2.1.10.1.1: the part count, then an offset and a length
 * per part (offsets counted from the start of the body), then the parts; all integers 32-bit little-endian.
 * Part 0 is the WBXML document, the rest are streamed from their sources without being held in memory.
 */
final class MultipartBody {

    private MultipartBody() {
    }

    static void write(OutputStream out, byte[] wbxml, List<CommandResponse.Part> parts) throws IOException {
        int count = parts.size() + 1;
        long offset = 4L + 8L * count;
        byte[] header = new byte[4 + 8 * count];
        putInt(header, 0, count);
        long[] lengths = new long[count];
        lengths[0] = wbxml.length;
        for (int i = 1; i < count; i++) {
            lengths[i] = parts.get(i - 1).length();
        }
        for (int i = 0; i < count; i++) {
            if (offset + lengths[i] > Integer.MAX_VALUE) {
                throw new IOException("multipart response over 2 GB");
            }
            putInt(header, 4 + 8 * i, (int) offset);
            putInt(header, 8 + 8 * i, (int) lengths[i]);
            offset += lengths[i];
        }
        out.write(header);
        out.write(wbxml);
        byte[] buffer = new byte[64 * 1024];
        for (CommandResponse.Part part : parts) {
            try (InputStream in = part.source().open()) {
                long left = part.length();
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        // The header promised more; the response cannot be completed honestly.
                        throw new IOException("multipart part ended " + left + " bytes early");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
