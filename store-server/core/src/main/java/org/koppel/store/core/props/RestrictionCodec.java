package org.koppel.store.core.props;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.BitmaskOp;
import org.koppel.mapi.FuzzyLevel;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SubObject;

/**
 * Restrictions as bytes, for what the store keeps (search folder criteria). Versioned; decoding bounds
 * the depth, the node count and every length, so a damaged row is an error, not a hang or a stack
 * overflow.
 */
public final class RestrictionCodec {

    private static final int VERSION = 1;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NODES = 10_000;
    private static final int MAX_VALUE_BYTES = 16 << 20;

    private RestrictionCodec() {
    }

    public static byte[] encode(Restriction r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, r, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Restriction decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readUnsignedByte() != VERSION) {
                throw new MapiException.CorruptData("unknown restriction encoding");
            }
            int[] nodes = {0};
            Restriction r = read(in, 1, nodes);
            if (in.available() > 0) {
                throw new MapiException.CorruptData("trailing bytes after a restriction");
            }
            return r;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MapiException.CorruptData cd) {
                throw cd;
            }
            throw new MapiException.CorruptData("damaged restriction: " + e.getMessage());
        }
    }

    private static void write(DataOutputStream out, Restriction r, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new MapiException.TooComplex("restriction deeper than " + MAX_DEPTH + " levels");
        }
        switch (r) {
            case Restriction.And a -> {
                out.writeByte(1);
                out.writeInt(a.restrictions().size());
                for (Restriction child : a.restrictions()) {
                    write(out, child, depth + 1);
                }
            }
            case Restriction.Or o -> {
                out.writeByte(2);
                out.writeInt(o.restrictions().size());
                for (Restriction child : o.restrictions()) {
                    write(out, child, depth + 1);
                }
            }
            case Restriction.Not n -> {
                out.writeByte(3);
                write(out, n.restriction(), depth + 1);
            }
            case Restriction.Content c -> {
                out.writeByte(4);
                out.writeInt(c.tag().value());
                value(out, c.value());
                out.writeInt(c.level().value());
            }
            case Restriction.Property p -> {
                out.writeByte(5);
                out.writeInt(p.op().code());
                out.writeInt(p.tag().value());
                value(out, p.value());
            }
            case Restriction.CompareProps cp -> {
                out.writeByte(6);
                out.writeInt(cp.op().code());
                out.writeInt(cp.left().value());
                out.writeInt(cp.right().value());
            }
            case Restriction.Bitmask b -> {
                out.writeByte(7);
                out.writeInt(b.op().code());
                out.writeInt(b.tag().value());
                out.writeInt(b.mask());
            }
            case Restriction.Size s -> {
                out.writeByte(8);
                out.writeInt(s.op().code());
                out.writeInt(s.tag().value());
                out.writeInt(s.size());
            }
            case Restriction.Exist e -> {
                out.writeByte(9);
                out.writeInt(e.tag().value());
            }
            case Restriction.SubRestriction sr -> {
                out.writeByte(10);
                out.writeInt(sr.kind().tag().value());
                write(out, sr.restriction(), depth + 1);
            }
        }
    }

    private static void value(DataOutputStream out, PropValue v) throws IOException {
        byte[] b = PropertyCodec.encode(List.of(v));
        out.writeInt(b.length);
        out.write(b);
    }

    private static Restriction read(DataInputStream in, int depth, int[] nodes) throws IOException {
        if (depth > MAX_DEPTH || ++nodes[0] > MAX_NODES) {
            throw new MapiException.CorruptData("restriction too deep or too big");
        }
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 1, 2 -> {
                int n = in.readInt();
                if (n < 0 || n > MAX_NODES) {
                    throw new MapiException.CorruptData("bad child count " + n);
                }
                List<Restriction> children = new ArrayList<>(Math.min(n, 64));
                for (int i = 0; i < n; i++) {
                    children.add(read(in, depth + 1, nodes));
                }
                yield kind == 1 ? new Restriction.And(children) : new Restriction.Or(children);
            }
            case 3 -> new Restriction.Not(read(in, depth + 1, nodes));
            case 4 -> new Restriction.Content(PropTag.fromValue(in.readInt()), value(in),
                    FuzzyLevel.fromValue(in.readInt()));
            case 5 -> {
                RelOp op = RelOp.fromCode(in.readInt());
                yield new Restriction.Property(op, PropTag.fromValue(in.readInt()), value(in));
            }
            case 6 -> new Restriction.CompareProps(RelOp.fromCode(in.readInt()), PropTag.fromValue(in.readInt()),
                    PropTag.fromValue(in.readInt()));
            case 7 -> new Restriction.Bitmask(BitmaskOp.fromCode(in.readInt()), PropTag.fromValue(in.readInt()),
                    in.readInt());
            case 8 -> new Restriction.Size(RelOp.fromCode(in.readInt()), PropTag.fromValue(in.readInt()), in.readInt());
            case 9 -> new Restriction.Exist(PropTag.fromValue(in.readInt()));
            case 10 -> new Restriction.SubRestriction(SubObject.fromTag(in.readInt()), read(in, depth + 1, nodes));
            default -> throw new MapiException.CorruptData("unknown restriction kind " + kind);
        };
    }

    private static PropValue value(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_VALUE_BYTES || n > in.available()) {
            throw new MapiException.CorruptData("bad value length " + n);
        }
        List<PropValue> values = PropertyCodec.decode(in.readNBytes(n));
        if (values.size() != 1) {
            throw new MapiException.CorruptData("a restriction value must be one property");
        }
        return values.get(0);
    }
}
