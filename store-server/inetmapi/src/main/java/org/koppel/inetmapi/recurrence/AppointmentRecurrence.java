package org.koppel.inetmapi.recurrence;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of PidLidAppointmentRecur: the AppointmentRecurrencePattern of [MS-OXOCAL] 2.2.1.44 (a
 * {@link RecurrencePattern}, the time of day of each instance, and the modified instances). Encodes with
 * WriterVersion2 0x3009; decodes 0x3006 and later.
 *
 * @param startTimeOffset minutes from local midnight to each instance's start
 * @param endTimeOffset minutes from local midnight of the instance's date to its end
 */
public record AppointmentRecurrence(RecurrencePattern pattern, int startTimeOffset, int endTimeOffset,
        List<ExceptionInfo> exceptions) {

    static final int READER_VERSION_2 = 0x3006;
    static final int WRITER_VERSION_2 = 0x3009;

    public AppointmentRecurrence {
        exceptions = List.copyOf(exceptions);
        if (exceptions.size() > 0xFFFF) {
            throw new MalformedRecurrenceException(exceptions.size() + " exceptions");
        }
    }

    public byte[] encode() {
        LittleEndian.Writer w = new LittleEndian.Writer();
        pattern.write(w);
        w.u32(READER_VERSION_2).u32(WRITER_VERSION_2).u32(startTimeOffset).u32(endTimeOffset);
        w.u16(exceptions.size());
        exceptions.forEach(e -> e.write(w));
        w.u32(0); // ReservedBlock1Size
        exceptions.forEach(e -> e.writeExtended(w));
        w.u32(0); // ReservedBlock2Size
        return w.toByteArray();
    }

    public static AppointmentRecurrence decode(byte[] blob) {
        LittleEndian.Reader r = new LittleEndian.Reader(blob);
        RecurrencePattern pattern = RecurrencePattern.read(r);
        int reader2 = r.u32("ReaderVersion2");
        int writer2 = r.u32("WriterVersion2");
        if (reader2 != READER_VERSION_2 || writer2 < READER_VERSION_2) {
            throw new MalformedRecurrenceException(String.format("versions 0x%X/0x%X", reader2, writer2));
        }
        int startOffset = r.u32("StartTimeOffset");
        int endOffset = r.u32("EndTimeOffset");
        int count = r.count(r.u16("ExceptionCount"), 14, "ExceptionCount");
        List<ExceptionInfo> exceptions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            exceptions.add(ExceptionInfo.read(r));
        }
        r.skip(r.count(r.u32("ReservedBlock1Size"), 1, "ReservedBlock1Size"), "ReservedBlock1");
        // Some writers stop after the ExceptionInfos; the extended (Unicode) part is then simply missing.
        if (!r.atEnd()) {
            for (int i = 0; i < count; i++) {
                exceptions.set(i, exceptions.get(i).readExtended(r, writer2 >= WRITER_VERSION_2));
            }
            r.skip(r.count(r.u32("ReservedBlock2Size"), 1, "ReservedBlock2Size"), "ReservedBlock2");
        }
        return new AppointmentRecurrence(pattern, startOffset, endOffset, exceptions);
    }
}
