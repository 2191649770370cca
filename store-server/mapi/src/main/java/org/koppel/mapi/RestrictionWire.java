package org.koppel.mapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Restrictions in their [MS-OXCDATA] 2.12 wire form with 4-byte counts, the form of extended rule conditions
 * ([MS-OXORULE] 2.2.4.1.10), so a rule stored by Koppel reads the same as one written by a MAPI client.
 * Decoding bounds the depth and the node count; comment and count restrictions (which Koppel cannot represent)
 * are MAPI_E_TOO_COMPLEX.
 */
public final class RestrictionWire {

    /** Deepest tree decoded or encoded. */
    public static final int MAX_DEPTH = 64;
    /** Most nodes in one decoded tree. */
    public static final int MAX_NODES = 10_000;

    private static final int AND = 0x00;
    private static final int OR = 0x01;
    private static final int NOT = 0x02;
    private static final int CONTENT = 0x03;
    private static final int PROPERTY = 0x04;
    private static final int COMPARE_PROPS = 0x05;
    private static final int BITMASK = 0x06;
    private static final int SIZE = 0x07;
    private static final int EXIST = 0x08;
    private static final int SUB = 0x09;

    private RestrictionWire() {
    }

    public static byte[] encode(Restriction r) {
        Restriction.validate(r, MAX_DEPTH);
        WireWriter out = new WireWriter();
        write(out, r);
        return out.toByteArray();
    }

    public static Restriction decode(byte[] data) {
        WireReader in = new WireReader(data);
        Restriction r = read(in, 1, new int[1]);
        if (in.remaining() > 0) {
            throw new MapiException.CorruptData("trailing bytes after a restriction");
        }
        return r;
    }

    static void write(WireWriter out, Restriction r) {
        switch (r) {
            case Restriction.And a -> {
                out.u8(AND);
                out.u32(a.restrictions().size());
                a.restrictions().forEach(c -> write(out, c));
            }
            case Restriction.Or o -> {
                out.u8(OR);
                out.u32(o.restrictions().size());
                o.restrictions().forEach(c -> write(out, c));
            }
            case Restriction.Not n -> {
                out.u8(NOT);
                write(out, n.restriction());
            }
            case Restriction.Content c -> {
                out.u8(CONTENT);
                out.u32(c.level().value());
                out.u32(c.tag().value());
                out.tagged(c.value());
            }
            case Restriction.Property p -> {
                out.u8(PROPERTY);
                out.u8(p.op().code());
                out.u32(p.tag().value());
                out.tagged(p.value());
            }
            case Restriction.CompareProps c -> {
                out.u8(COMPARE_PROPS);
                out.u8(c.op().code());
                out.u32(c.left().value());
                out.u32(c.right().value());
            }
            case Restriction.Bitmask b -> {
                out.u8(BITMASK);
                out.u8(b.op().code());
                out.u32(b.tag().value());
                out.u32(b.mask());
            }
            case Restriction.Size s -> {
                out.u8(SIZE);
                out.u8(s.op().code());
                out.u32(s.tag().value());
                out.u32(s.size());
            }
            case Restriction.Exist e -> {
                out.u8(EXIST);
                out.u32(e.tag().value());
            }
            case Restriction.SubRestriction s -> {
                out.u8(SUB);
                out.u32(s.kind().tag().value());
                write(out, s.restriction());
            }
        }
    }

    static Restriction read(WireReader in, int depth, int[] nodes) {
        if (depth > MAX_DEPTH) {
            throw new MapiException.TooComplex("restriction deeper than " + MAX_DEPTH + " levels");
        }
        if (++nodes[0] > MAX_NODES) {
            throw new MapiException.TooComplex("restriction has more than " + MAX_NODES + " nodes");
        }
        int type = in.u8();
        try {
            return switch (type) {
                case AND, OR -> {
                    int n = in.count(1);
                    List<Restriction> children = new ArrayList<>(Math.min(n, 64));
                    for (int i = 0; i < n; i++) {
                        children.add(read(in, depth + 1, nodes));
                    }
                    yield type == AND ? new Restriction.And(children) : new Restriction.Or(children);
                }
                case NOT -> new Restriction.Not(read(in, depth + 1, nodes));
                case CONTENT -> {
                    FuzzyLevel level = FuzzyLevel.fromValue(in.u32());
                    PropTag tag = tag(in.u32());
                    yield new Restriction.Content(tag, in.tagged(), level);
                }
                case PROPERTY -> {
                    RelOp op = RelOp.fromCode(in.u8());
                    PropTag tag = tag(in.u32());
                    yield new Restriction.Property(op, tag, in.tagged());
                }
                case COMPARE_PROPS -> new Restriction.CompareProps(RelOp.fromCode(in.u8()), tag(in.u32()), tag(in.u32()));
                case BITMASK -> new Restriction.Bitmask(BitmaskOp.fromCode(in.u8()), tag(in.u32()), in.u32());
                case SIZE -> new Restriction.Size(RelOp.fromCode(in.u8()), tag(in.u32()), in.u32());
                case EXIST -> new Restriction.Exist(tag(in.u32()));
                case SUB -> {
                    SubObject kind = SubObject.fromTag(in.u32());
                    yield new Restriction.SubRestriction(kind, read(in, depth + 1, nodes));
                }
                default -> throw new MapiException.TooComplex("restriction type " + type + " is not supported");
            };
        } catch (MapiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MapiException.CorruptData("damaged restriction: " + e.getMessage());
        }
    }

    private static PropTag tag(int packed) {
        try {
            return PropTag.fromValue(packed);
        } catch (RuntimeException e) {
            throw new MapiException.CorruptData(String.format("bad property tag 0x%08X", packed));
        }
    }
}
