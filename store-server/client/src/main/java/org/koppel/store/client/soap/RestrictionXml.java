package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.koppel.mapi.BitmaskOp;
import org.koppel.mapi.FuzzyLevel;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SubObject;

/**
 * A restriction tree on the wire, one element per node: its kind; the MAPI codes of its operator
 * ({@code op}: RELOP_*, BMR_*, the FL_* fuzzy level, or a sub-object's packed tag); the tags it tests;
 * a mask or size ({@code number}); a value; and its children {@code r} (and, or, not, sub-restriction).
 */
@XmlType(name = "restriction")
public final class RestrictionXml {

    /** The deepest tree a peer may send; deeper is MAPI_E_TOO_COMPLEX. */
    public static final int MAX_DEPTH = 64;

    @XmlEnum
    @XmlType(name = "restrictionKind")
    public enum Kind { AND, OR, NOT, CONTENT, PROPERTY, COMPARE, BITMASK, SIZE, EXIST, SUB }

    @XmlAttribute(required = true)
    public Kind kind;

    @XmlAttribute
    public Integer op;

    @XmlAttribute
    public Integer tag;

    @XmlAttribute
    public Integer tag2;

    @XmlAttribute
    public Integer number;

    public PropXml value;

    @XmlElement(name = "r")
    public List<RestrictionXml> children;

    public static RestrictionXml of(Restriction r) {
        if (r == null) {
            return null;
        }
        RestrictionXml x = new RestrictionXml();
        switch (r) {
            case Restriction.And a -> {
                x.kind = Kind.AND;
                x.children = all(a.restrictions());
            }
            case Restriction.Or o -> {
                x.kind = Kind.OR;
                x.children = all(o.restrictions());
            }
            case Restriction.Not n -> {
                x.kind = Kind.NOT;
                x.children = all(List.of(n.restriction()));
            }
            case Restriction.Content c -> {
                x.kind = Kind.CONTENT;
                x.op = c.level().value();
                x.tag = c.tag().value();
                x.value = PropXml.of(c.value());
            }
            case Restriction.Property p -> {
                x.kind = Kind.PROPERTY;
                x.op = p.op().code();
                x.tag = p.tag().value();
                x.value = PropXml.of(p.value());
            }
            case Restriction.CompareProps c -> {
                x.kind = Kind.COMPARE;
                x.op = c.op().code();
                x.tag = c.left().value();
                x.tag2 = c.right().value();
            }
            case Restriction.Bitmask b -> {
                x.kind = Kind.BITMASK;
                x.op = b.op().code();
                x.tag = b.tag().value();
                x.number = b.mask();
            }
            case Restriction.Size s -> {
                x.kind = Kind.SIZE;
                x.op = s.op().code();
                x.tag = s.tag().value();
                x.number = s.size();
            }
            case Restriction.Exist e -> {
                x.kind = Kind.EXIST;
                x.tag = e.tag().value();
            }
            case Restriction.SubRestriction s -> {
                x.kind = Kind.SUB;
                x.op = s.kind().tag().value();
                x.children = all(List.of(s.restriction()));
            }
        }
        return x;
    }

    private static List<RestrictionXml> all(List<Restriction> rs) {
        List<RestrictionXml> out = new ArrayList<>(rs.size());
        for (Restriction r : rs) {
            out.add(of(r));
        }
        return out;
    }

    /** The restriction; a malformed tree is MAPI_E_INVALID_PARAMETER, a too deep one MAPI_E_TOO_COMPLEX. */
    public Restriction restriction() {
        return restriction(0);
    }

    private Restriction restriction(int depth) {
        if (depth > MAX_DEPTH) {
            throw new MapiException.TooComplex("restriction nested deeper than " + MAX_DEPTH);
        }
        if (kind == null) {
            throw new MapiException.InvalidParameter("restriction without a kind");
        }
        return switch (kind) {
            case AND -> new Restriction.And(children(depth));
            case OR -> new Restriction.Or(children(depth));
            case NOT -> new Restriction.Not(only(depth));
            case CONTENT -> new Restriction.Content(tag(tag), value(), FuzzyLevel.fromValue(required(op, "op")));
            case PROPERTY -> new Restriction.Property(RelOp.fromCode(required(op, "op")), tag(tag), value());
            case COMPARE -> new Restriction.CompareProps(RelOp.fromCode(required(op, "op")), tag(tag), tag(tag2));
            case BITMASK -> new Restriction.Bitmask(BitmaskOp.fromCode(required(op, "op")), tag(tag),
                    required(number, "number"));
            case SIZE -> new Restriction.Size(RelOp.fromCode(required(op, "op")), tag(tag), required(number, "number"));
            case EXIST -> new Restriction.Exist(tag(tag));
            case SUB -> new Restriction.SubRestriction(SubObject.fromTag(required(op, "op")), only(depth));
        };
    }

    private List<Restriction> children(int depth) {
        List<Restriction> out = new ArrayList<>();
        if (children != null) {
            for (RestrictionXml c : children) {
                out.add(c.restriction(depth + 1));
            }
        }
        return out;
    }

    private Restriction only(int depth) {
        if (children == null || children.size() != 1) {
            throw new MapiException.InvalidParameter(kind + " restriction needs exactly one child");
        }
        return children.get(0).restriction(depth + 1);
    }

    private org.koppel.mapi.PropValue value() {
        if (value == null) {
            throw new MapiException.InvalidParameter(kind + " restriction without a value");
        }
        return value.value();
    }

    private static int required(Integer i, String what) {
        if (i == null) {
            throw new MapiException.InvalidParameter("restriction without " + what);
        }
        return i;
    }

    static PropTag tag(Integer packed) {
        if (packed == null) {
            throw new MapiException.InvalidParameter("missing property tag");
        }
        try {
            return PropTag.fromValue(packed);
        } catch (MapiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MapiException.InvalidParameter("bad property tag 0x" + Integer.toHexString(packed));
        }
    }
}
