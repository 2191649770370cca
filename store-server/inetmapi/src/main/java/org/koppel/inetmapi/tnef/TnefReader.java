package org.koppel.inetmapi.tnef;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.koppel.inetmapi.Spool;
import org.koppel.mapi.AttachMethod;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.Guid;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.NamedProperty;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;

/**
 * Decodes a TNEF stream ([MS-OXTNEF]: winmail.dat, application/ms-tnef) as it is read: attributes one after
 * the other, each checked against its checksum, attachment data spooled (memory, then a temporary file)
 * rather than held, embedded messages decoded in place. Every length in the stream is checked against what
 * is left of the data around it and against {@link TnefLimits} before it is used, so a corrupt or hostile
 * stream ends in a {@link TnefException}, never a runtime exception, a hang or a large allocation.
 */
public final class TnefReader {

    static final int SIGNATURE = 0x223E9F78;
    static final int LEVEL_MESSAGE = 1;
    static final int LEVEL_ATTACHMENT = 2;
    static final Guid IID_IMESSAGE = Guid.parse("00020307-0000-0000-C000-000000000046");
    private static final int ID_ATTACH_DATA = 0x3701;
    private static final int DEFAULT_CODEPAGE = 1252;

    /** Message classes of MS Mail that attMessageClass may carry, as MAPI names them ([MS-OXTNEF] 2.1.3.3.6). */
    private static final Map<String, String> LEGACY_CLASSES = Map.of(
            "IPM.Microsoft Mail.Note", "IPM.Note",
            "IPM.Microsoft Mail.Read Receipt", "Report.IPM.Note.IPNRN",
            "IPM.Microsoft Mail.Non-Delivery", "Report.IPM.Note.NDR",
            "IPM.Microsoft Schedule.MtgReq", "IPM.Schedule.Meeting.Request",
            "IPM.Microsoft Schedule.MtgRespP", "IPM.Schedule.Meeting.Resp.Pos",
            "IPM.Microsoft Schedule.MtgRespN", "IPM.Schedule.Meeting.Resp.Neg",
            "IPM.Microsoft Schedule.MtgRespA", "IPM.Schedule.Meeting.Resp.Tent",
            "IPM.Microsoft Schedule.MtgCncl", "IPM.Schedule.Meeting.Canceled");

    private final TnefLimits limits;

    public TnefReader(TnefLimits limits) {
        this.limits = limits;
    }

    public TnefReader() {
        this(TnefLimits.defaults());
    }

    /**
     * Decodes a whole stream, to its end. The caller closes the result once its attachment data has been
     * used.
     */
    public TnefMessage read(InputStream in) throws IOException {
        // Headers and fixed-size values are read a byte at a time; the buffer keeps that off the source.
        InputStream buffered = in instanceof BufferedInputStream || in instanceof ByteArrayInputStream ? in
                : new BufferedInputStream(in, 8192);
        try {
            return message(buffered, 0, new int[1], DEFAULT_CODEPAGE);
        } catch (RuntimeException e) {
            throw new TnefException.Corrupt("TNEF stream not decodable: " + e.getMessage(), e);
        }
    }

    // ---- the stream and its attributes

    private TnefMessage message(InputStream src, int depth, int[] items, int codepage) throws IOException {
        long signature = header(src, 4, "signature");
        if ((int) signature != SIGNATURE) {
            throw new TnefException.Corrupt(String.format("not a TNEF stream (signature 0x%08X)", signature));
        }
        header(src, 2, "key");
        MessageBuilder message = new MessageBuilder(codepage);
        try {
            int level;
            while ((level = src.read()) >= 0) {
                if (level != LEVEL_MESSAGE && level != LEVEL_ATTACHMENT) {
                    throw new TnefException.Corrupt("attribute level " + level + " is neither message nor attachment");
                }
                int id = (int) header(src, 4, "attribute id");
                long length = header(src, 4, "attribute length");
                count(items);
                if (length > limits.maxAttributeBytes()) {
                    throw new TnefException.LimitExceeded(String.format("attribute 0x%08X of %d bytes, more than %d",
                            id, length, limits.maxAttributeBytes()));
                }
                if (src instanceof BoundedInput outer && length > outer.remaining()) {
                    throw new TnefException.Corrupt(String.format(
                            "attribute 0x%08X of %d bytes runs past the %d bytes left", id, length, outer.remaining()));
                }
                BoundedInput data = new BoundedInput(src, length);
                attribute(level, id, data, message, depth, items);
                data.skipRest();
                int checksum = (int) header(src, 2, "checksum");
                if (checksum != data.checksum()) {
                    throw new TnefException.Corrupt(String.format(
                            "attribute 0x%08X fails its checksum (0x%04X, data sums to 0x%04X)", id, checksum,
                            data.checksum()));
                }
            }
            return message.build();
        } catch (IOException | RuntimeException e) {
            message.close();
            throw e;
        }
    }

    /** A little-endian field of the stream's framing; the stream ending here is corruption. */
    private static long header(InputStream src, int size, String what) throws IOException {
        long v = 0;
        for (int i = 0; i < size; i++) {
            int b = src.read();
            if (b < 0) {
                throw new TnefException.Corrupt("the TNEF stream ends inside the " + what);
            }
            v |= (long) b << (8 * i);
        }
        return v;
    }

    private void count(int[] items) throws TnefException {
        if (++items[0] > limits.maxItems()) {
            throw new TnefException.LimitExceeded("more than " + limits.maxItems()
                    + " attributes, properties, values, recipients and attachments");
        }
    }

    private void attribute(int level, int id, BoundedInput data, MessageBuilder message, int depth, int[] items)
            throws IOException {
        TnefAttribute attribute = TnefAttribute.of(id);
        if (attribute == null) {
            return;
        }
        Charset cs = message.charset();
        if (level == LEVEL_MESSAGE) {
            switch (attribute) {
                case MAPI_PROPS -> properties(data, message, null, depth, items, cs);
                case RECIP_TABLE -> recipients(data, message, depth, items, cs);
                case OEM_CODEPAGE -> {
                    if (data.remaining() >= 4) {
                        message.codepage = (int) Math.min(data.u32(), Integer.MAX_VALUE);
                    }
                }
                case SUBJECT -> message.legacy(PropValue.of(PropTags.PR_SUBJECT, string(data, cs)));
                case BODY -> message.legacy(PropValue.of(PropTags.PR_BODY, string(data, cs)));
                case MESSAGE_CLASS -> {
                    String c = string(data, cs);
                    message.legacy(PropValue.of(PropTags.PR_MESSAGE_CLASS, LEGACY_CLASSES.getOrDefault(c, c)));
                }
                case ORIGINAL_MESSAGE_CLASS -> {
                    String c = string(data, cs);
                    message.legacy(PropValue.of(PropTags.PR_ORIGINAL_MESSAGE_CLASS, LEGACY_CLASSES.getOrDefault(c, c)));
                }
                case DATE_SENT -> date(data, PropTags.PR_CLIENT_SUBMIT_TIME, message);
                case DATE_RECEIVED -> date(data, PropTags.PR_MESSAGE_DELIVERY_TIME, message);
                case DATE_MODIFIED -> date(data, PropTags.PR_LAST_MODIFICATION_TIME, message);
                case DATE_START -> date(data, PropTags.PR_START_DATE, message);
                case DATE_END -> date(data, PropTags.PR_END_DATE, message);
                case PRIORITY -> {
                    if (data.remaining() >= 2) {
                        int p = data.u16();
                        message.legacy(PropValue.of(PropTags.PR_IMPORTANCE, p == 1 ? 2 : p == 3 ? 0 : 1));
                    }
                }
                case MESSAGE_STATUS -> {
                    if (data.remaining() >= 1) {
                        message.legacy(PropValue.of(PropTags.PR_MESSAGE_FLAGS, messageFlags(data.u8())));
                    }
                }
                case MESSAGE_ID -> {
                    String hex = string(data, StandardCharsets.US_ASCII);
                    if (!hex.isEmpty() && hex.length() % 2 == 0 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                        message.legacy(PropValue.of(PropTags.PR_SEARCH_KEY, HexFormat.of().parseHex(hex)));
                    }
                }
                case FROM -> from(data, message, cs);
                default -> {
                    // an attachment attribute at message level, or attTnefVersion: nothing to keep
                }
            }
            return;
        }
        if (attribute == TnefAttribute.ATTACH_REND_DATA) {
            count(items);
            AttachmentBuilder a = message.startAttachment();
            if (data.remaining() >= 6) {
                int type = data.u16();
                int position = data.i32();
                a.legacy(PropValue.of(PropTags.PR_ATTACH_METHOD,
                        (type == 2 ? AttachMethod.ATTACH_OLE : AttachMethod.ATTACH_BY_VALUE).code()));
                a.legacy(PropValue.of(PropTags.PR_RENDERING_POSITION, position));
            }
            return;
        }
        AttachmentBuilder a = message.current != null ? message.current : message.startAttachment();
        switch (attribute) {
            case ATTACH_TITLE -> a.legacy(PropValue.of(PropTags.PR_ATTACH_FILENAME, string(data, cs)));
            case ATTACH_DATA -> a.data(spool(data, data.remaining()));
            case ATTACH_META_FILE -> a.legacy(PropValue.of(PropTags.PR_ATTACH_RENDERING,
                    data.bytes(data.remaining(), limits.maxPropertyBytes(), "attAttachMetaFile")));
            case ATTACH_CREATE_DATE -> date(data, PropTags.PR_CREATION_TIME, a);
            case ATTACH_MODIFY_DATE -> date(data, PropTags.PR_LAST_MODIFICATION_TIME, a);
            case ATTACH_TRANSPORT_FILENAME -> a.legacy(PropValue.of(PropTags.PR_ATTACH_TRANSPORT_NAME, string(data, cs)));
            case ATTACHMENT -> properties(data, a, a, depth, items, cs);
            default -> {
                // a message attribute at attachment level: nothing to keep
            }
        }
    }

    private Spool spool(BoundedInput data, long length) throws IOException {
        return Spool.of(new BoundedInput(data, length), limits.memoryThreshold(), limits.tempDir(), Math.max(length, 1));
    }

    /** An 8-bit string attribute: up to its first NUL, in the stream's code page. */
    private String string(BoundedInput data, Charset cs) throws IOException {
        return cString(data.bytes(data.remaining(), limits.maxPropertyBytes(), "string attribute"), cs);
    }

    private static String cString(byte[] b, Charset cs) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, cs);
    }

    private static String utf16(byte[] b) {
        int end = 0;
        while (end + 1 < b.length && (b[end] != 0 || b[end + 1] != 0)) {
            end += 2;
        }
        return new String(b, 0, end, StandardCharsets.UTF_16LE);
    }

    /** attDate*: a SYSTEMTIME-like year, month, day, hour, minute, second (UTC); a date that is none is dropped. */
    private static void date(BoundedInput data, PropTag tag, Bag bag) throws IOException {
        if (data.remaining() < 12) {
            return;
        }
        int year = data.u16();
        int month = data.u16();
        int day = data.u16();
        int hour = data.u16();
        int minute = data.u16();
        int second = data.u16();
        try {
            Instant t = LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
            bag.legacy(PropValue.of(tag, t));
        } catch (DateTimeException notADate) {
            // dropped: the encapsulated property, if any, still gives the time
        }
    }

    private static int messageFlags(int status) {
        int flags = 0;
        flags |= (status & 0x20) != 0 ? 0x01 : 0; // fmsRead -> MSGFLAG_READ
        flags |= (status & 0x01) == 0 ? 0x02 : 0; // not fmsModified -> MSGFLAG_UNMODIFIED
        flags |= (status & 0x04) != 0 ? 0x04 : 0; // fmsSubmitted -> MSGFLAG_SUBMIT
        flags |= (status & 0x02) != 0 ? 0x08 : 0; // fmsLocal -> MSGFLAG_UNSENT
        flags |= (status & 0x80) != 0 ? 0x10 : 0; // fmsHasAttach -> MSGFLAG_HASATTACH
        return flags;
    }

    /** attFrom: a one-off TRP (id, size, name length, address length), the name, then "TYPE:address". */
    private void from(BoundedInput data, MessageBuilder message, Charset cs) throws IOException {
        if (data.remaining() < 8) {
            return;
        }
        data.u16();
        data.u16();
        int nameLength = data.u16();
        int addressLength = data.u16();
        String name = cString(data.bytes(nameLength, limits.maxPropertyBytes(), "attFrom name"), cs);
        String address = cString(data.bytes(addressLength, limits.maxPropertyBytes(), "attFrom address"), cs);
        if (!name.isBlank()) {
            message.legacy(PropValue.of(PropTags.PR_SENDER_NAME, name));
        }
        int colon = address.indexOf(':');
        if (colon > 0) {
            String type = address.substring(0, colon);
            String email = address.substring(colon + 1);
            message.legacy(PropValue.of(PropTags.PR_SENDER_ADDRTYPE, type));
            message.legacy(PropValue.of(PropTags.PR_SENDER_EMAIL_ADDRESS, email));
            if (type.equalsIgnoreCase("SMTP")) {
                message.legacy(PropValue.of(PropTags.PR_SENDER_SMTP_ADDRESS, email));
            }
        }
    }

    // ---- encapsulated MAPI properties

    private void recipients(BoundedInput data, MessageBuilder message, int depth, int[] items, Charset cs)
            throws IOException {
        long rows = data.u32();
        if (rows > data.remaining() / 4) {
            throw new TnefException.Corrupt(rows + " recipients cannot fit in " + data.remaining() + " bytes");
        }
        for (long r = 0; r < rows; r++) {
            count(items);
            Bag row = new Bag();
            properties(data, row, null, depth, items, cs);
            message.recipients.add(new TnefRecipient(row.values()));
        }
    }

    /** A counted list of properties (attMAPIProps, attAttachment, a row of attRecipTable). */
    private void properties(BoundedInput in, Bag bag, AttachmentBuilder attachment, int depth, int[] items,
            Charset cs) throws IOException {
        long count = in.u32();
        if (count > in.remaining() / 4) {
            throw new TnefException.Corrupt(count + " properties cannot fit in " + in.remaining() + " bytes");
        }
        for (long i = 0; i < count; i++) {
            count(items);
            int type = in.u16();
            int id = in.u16();
            NamedProperty name = id >= PropTag.NAMED_ID_MIN ? name(in) : null;
            if (!PropType.isKnown(type)) {
                throw new TnefException.Corrupt(String.format("property 0x%04X%04X has an unknown type", id, type));
            }
            PropType pt = PropType.fromCode(type);
            boolean data = attachment != null && name == null && id == ID_ATTACH_DATA;
            Object value = value(in, pt, data ? attachment : null, depth, items, cs);
            if (value == null || !pt.isStorable()) {
                continue;
            }
            if (name != null) {
                PropValue checked = PropValue.of(PropTag.of(PropTag.NAMED_ID_MIN, pt), value);
                bag.named.put(name, new NamedValue(new NamedPropTag(name, pt), checked.javaValue()));
            } else if (id == 0) {
                throw new TnefException.Corrupt("property id 0");
            } else {
                bag.encapsulated(PropValue.of(PropTag.of(id, pt), value));
            }
        }
    }

    private NamedProperty name(BoundedInput in) throws IOException {
        Guid set = Guid.fromBytes(in.bytes(16, 16, "property set"));
        long kind = in.u32();
        if (kind == 0) {
            return new NamedProperty.ById(set, in.i32());
        }
        if (kind != 1) {
            throw new TnefException.Corrupt("named property kind " + kind);
        }
        long length = in.u32();
        int max = 2 * (NamedProperty.ByName.MAX_NAME_LENGTH + 1);
        if (length > max) {
            throw new TnefException.Corrupt("named property name of " + length + " bytes, more than " + max);
        }
        String name = utf16(in.bytes(length, max, "property name"));
        in.pad(length);
        if (name.isEmpty()) {
            throw new TnefException.Corrupt("named property with an empty name");
        }
        return new NamedProperty.ByName(set, name);
    }

    /** One property's value: a single value, or a list for PT_MV_ types; null for what is not kept. */
    private Object value(BoundedInput in, PropType type, AttachmentBuilder attachment, int depth, int[] items,
            Charset cs) throws IOException {
        PropType element = type.elementType();
        boolean variable = switch (element) {
            case PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT -> true;
            default -> false;
        };
        if (!type.isMultiValued() && !variable) {
            return single(in, element, attachment, depth, items, cs);
        }
        long n = in.u32();
        if (n > in.remaining() / 4) {
            throw new TnefException.Corrupt(n + " values cannot fit in " + in.remaining() + " bytes");
        }
        if (!type.isMultiValued() && n != 1) {
            throw new TnefException.Corrupt("a single-valued " + type + " property counts " + n + " values");
        }
        List<Object> values = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            count(items);
            Object v = single(in, element, attachment, depth, items, cs);
            if (v != null) {
                values.add(v);
            }
        }
        if (type.isMultiValued()) {
            return values;
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private Object single(BoundedInput in, PropType type, AttachmentBuilder attachment, int depth, int[] items,
            Charset cs) throws IOException {
        switch (type) {
            case PT_I2:
                return (short) in.i32();
            case PT_LONG:
                return in.i32();
            case PT_R4:
                return Float.intBitsToFloat(in.i32());
            case PT_BOOLEAN:
                return (in.i32() & 0xFFFF) != 0;
            case PT_DOUBLE:
            case PT_APPTIME:
                return Double.longBitsToDouble(in.i64());
            case PT_CURRENCY:
            case PT_I8:
                return in.i64();
            case PT_SYSTIME:
                return FileTime.fromTicks(in.i64());
            case PT_CLSID:
                return Guid.fromBytes(in.bytes(16, 16, "PT_CLSID value"));
            case PT_ERROR:
            case PT_NULL:
            case PT_UNSPECIFIED:
                in.i32();
                return null;
            default:
                break;
        }
        long size = in.u32();
        in.require(size, type + " value");
        Object value = null;
        switch (type) {
            case PT_STRING8 -> value = cString(in.bytes(size, limits.maxPropertyBytes(), "PT_STRING8 value"), cs);
            case PT_UNICODE -> value = utf16(in.bytes(size, limits.maxPropertyBytes(), "PT_UNICODE value"));
            case PT_BINARY -> {
                if (attachment != null) {
                    attachment.data(spool(in, size));
                } else {
                    value = in.bytes(size, limits.maxPropertyBytes(), "PT_BINARY value");
                }
            }
            case PT_OBJECT -> object(in, size, attachment, depth, items);
            default -> throw new TnefException.Corrupt("property type " + type + " has no TNEF encoding");
        }
        in.pad(size);
        return value;
    }

    /** PT_OBJECT: an interface id, then the object. An attachment's PR_ATTACH_DATA_OBJ is kept, others skipped. */
    private void object(BoundedInput in, long size, AttachmentBuilder attachment, int depth, int[] items)
            throws IOException {
        if (size < 16) {
            throw new TnefException.Corrupt("PT_OBJECT value of " + size + " bytes has no interface id");
        }
        Guid iid = Guid.fromBytes(in.bytes(16, 16, "interface id"));
        long length = size - 16;
        if (attachment == null) {
            in.skipExactly(length);
        } else if (iid.equals(IID_IMESSAGE)) {
            if (depth + 1 >= limits.maxDepth()) {
                throw new TnefException.LimitExceeded("embedded messages nested deeper than " + limits.maxDepth());
            }
            BoundedInput object = new BoundedInput(in, length);
            attachment.embedded(message(object, depth + 1, items, attachment.codepage));
            object.skipRest();
        } else {
            // IID_IStorage (an OLE object) or IID_IStream: the object's bytes are the attachment's data.
            attachment.data(spool(in, length));
        }
    }

    // ---- what is being built

    /** Properties by id (a later encapsulated value replaces a legacy one, never the reverse) and names. */
    private static class Bag {
        final Map<Integer, PropValue> properties = new LinkedHashMap<>();
        final Set<Integer> encapsulated = new HashSet<>();
        final Map<NamedProperty, NamedValue> named = new LinkedHashMap<>();

        void legacy(PropValue v) {
            if (!encapsulated.contains(v.tag().id())) {
                properties.put(v.tag().id(), v);
            }
        }

        void encapsulated(PropValue v) {
            properties.remove(v.tag().id());
            properties.put(v.tag().id(), v);
            encapsulated.add(v.tag().id());
        }

        List<PropValue> values() {
            return new ArrayList<>(properties.values());
        }

        List<NamedValue> namedValues() {
            return new ArrayList<>(named.values());
        }
    }

    private static final class AttachmentBuilder extends Bag {
        final int codepage;
        Spool data;
        TnefMessage embedded;

        AttachmentBuilder(int codepage) {
            this.codepage = codepage;
        }

        void data(Spool s) {
            close();
            data = s;
        }

        void embedded(TnefMessage m) {
            close();
            embedded = m;
        }

        TnefAttachment build() {
            return new TnefAttachment(values(), namedValues(), data, embedded);
        }

        void close() {
            if (data != null) {
                data.close();
                data = null;
            }
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
        }
    }

    private static final class MessageBuilder extends Bag {
        final List<TnefRecipient> recipients = new ArrayList<>();
        final List<AttachmentBuilder> attachments = new ArrayList<>();
        AttachmentBuilder current;
        int codepage;

        MessageBuilder(int codepage) {
            this.codepage = codepage;
        }

        Charset charset() {
            return Codepages.charset(codepage);
        }

        AttachmentBuilder startAttachment() {
            current = new AttachmentBuilder(codepage);
            attachments.add(current);
            return current;
        }

        TnefMessage build() {
            List<TnefAttachment> built = attachments.stream().map(AttachmentBuilder::build).toList();
            return new TnefMessage(values(), namedValues(), recipients, built, codepage);
        }

        void close() {
            attachments.forEach(AttachmentBuilder::close);
        }
    }
}
