package org.koppel.mapi;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A MAPI restriction ([MS-OXCDATA] 2.12): a filter over the properties of an object, used by table restrictions,
 * search folders and rules. Shapes MAPI itself refuses (a content restriction on a number, a regular expression
 * on a binary, ...) are refused at construction with MAPI_E_TOO_COMPLEX, the error a provider returns for
 * restrictions it cannot evaluate. Evaluation recurses, so trees from clients should pass {@link #validate} first.
 */
public sealed interface Restriction {

    /** The levels of this tree, a leaf counting as one. */
    default int depth() {
        int max = 0;
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {this, 1});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            int d = (Integer) item[1];
            max = Math.max(max, d);
            for (Restriction child : ((Restriction) item[0]).children()) {
                todo.push(new Object[] {child, d + 1});
            }
        }
        return max;
    }

    /** The number of restriction nodes in this tree, this one included. */
    default int nodeCount() {
        int count = 0;
        Deque<Restriction> todo = new ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            count++;
            todo.pop().children().forEach(todo::push);
        }
        return count;
    }

    /** The direct sub-restrictions of a logical or sub-object restriction; empty for a leaf. */
    default List<Restriction> children() {
        return switch (this) {
            case And a -> a.restrictions();
            case Or o -> o.restrictions();
            case Not n -> List.of(n.restriction());
            case SubRestriction s -> List.of(s.restriction());
            default -> List.of();
        };
    }

    /** Whether the object satisfies this restriction, by {@link RestrictionEvaluator#DEFAULT}. */
    default boolean matches(PropertySource source) {
        return RestrictionEvaluator.DEFAULT.matches(this, source);
    }

    /**
     * Refuses a tree deeper than {@code maxDepth} with MAPI_E_TOO_COMPLEX, so that a client cannot make the
     * server recurse without bound; walks iteratively so that the check itself cannot overflow the stack.
     */
    static void validate(Restriction r, int maxDepth) {
        Objects.requireNonNull(r, "restriction");
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {r, 1});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            int d = (Integer) item[1];
            if (d > maxDepth) {
                throw new MapiException.TooComplex("restriction deeper than " + maxDepth + " levels");
            }
            for (Restriction child : ((Restriction) item[0]).children()) {
                todo.push(new Object[] {child, d + 1});
            }
        }
    }

    /** As {@link #validate(Restriction, int)}, also refusing trees of more than {@code maxNodes} nodes. */
    static void validate(Restriction r, int maxDepth, int maxNodes) {
        validate(r, maxDepth);
        if (r.nodeCount() > maxNodes) {
            throw new MapiException.TooComplex("restriction has more than " + maxNodes + " nodes");
        }
    }

    // --- the restriction kinds

    /** RES_AND: all must match; an empty And matches everything. */
    record And(List<Restriction> restrictions) implements Restriction {
        public And {
            restrictions = List.copyOf(restrictions);
        }
    }

    /** RES_OR: at least one must match; an empty Or matches nothing. */
    record Or(List<Restriction> restrictions) implements Restriction {
        public Or {
            restrictions = List.copyOf(restrictions);
        }
    }

    /** RES_NOT. */
    record Not(Restriction restriction) implements Restriction {
        public Not {
            Objects.requireNonNull(restriction, "restriction");
        }
    }

    /**
     * RES_CONTENT: a string or binary property compared with a string or binary value by the fuzzy level.
     * The tag may be multi-valued (any element matching is enough); the value must be single-valued.
     */
    record Content(PropTag tag, PropValue value, FuzzyLevel level) implements Restriction {
        public Content {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(level, "level");
            PropType valueType = value.tag().type();
            if (!isStringOrBinary(valueType)) {
                throw new MapiException.TooComplex("content restriction on a " + valueType + " value");
            }
            if (!isStringOrBinary(tag.type().elementType())
                    || isString(tag.type().elementType()) != isString(valueType)) {
                throw new MapiException.TooComplex("content restriction of " + valueType + " on tag " + tag);
            }
        }
    }

    /**
     * RES_PROPERTY: a property compared with a constant. A value of another type than the property never
     * matches; RELOP_RE needs string tag and value and compiles the value as a regular expression.
     */
    record Property(RelOp op, PropTag tag, PropValue value) implements Restriction {
        /** Longest regular expression accepted for RELOP_RE. */
        public static final int MAX_PATTERN_LENGTH = 1024;

        public Property {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
            if (op == RelOp.RELOP_RE) {
                if (!isString(tag.type().elementType()) || !isString(value.tag().type())) {
                    throw new MapiException.TooComplex("RELOP_RE needs a string property and a string value");
                }
                compile((String) value.javaValue());
            }
        }

        /** The pattern of a RELOP_RE restriction. */
        Pattern pattern() {
            return compile((String) value.javaValue());
        }

        private static Pattern compile(String regex) {
            if (regex.length() > MAX_PATTERN_LENGTH) {
                throw new MapiException.TooComplex("regular expression longer than " + MAX_PATTERN_LENGTH);
            }
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new MapiException.InvalidParameter("bad regular expression: " + e.getDescription(), e);
            }
        }
    }

    /** RES_COMPAREPROPS: two properties of the same object compared with each other. */
    record CompareProps(RelOp op, PropTag left, PropTag right) implements Restriction {
        public CompareProps {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (op == RelOp.RELOP_RE) {
                throw new MapiException.TooComplex("RELOP_RE cannot compare two properties");
            }
        }
    }

    /** RES_BITMASK: a PT_LONG property tested against a mask. */
    record Bitmask(BitmaskOp op, PropTag tag, int mask) implements Restriction {
        public Bitmask {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(tag, "tag");
            if (tag.type() != PropType.PT_LONG) {
                throw new MapiException.TooComplex("bitmask restriction on " + tag.type());
            }
        }
    }

    /** RES_SIZE: the size in bytes of a property's value compared with a number (see the evaluator for sizes). */
    record Size(RelOp op, PropTag tag, int size) implements Restriction {
        public Size {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(tag, "tag");
            if (op == RelOp.RELOP_RE) {
                throw new MapiException.TooComplex("RELOP_RE cannot compare sizes");
            }
            if (size < 0) {
                throw new MapiException.InvalidParameter("negative size " + size);
            }
        }
    }

    /** RES_EXIST: the property is present. */
    record Exist(PropTag tag) implements Restriction {
        public Exist {
            Objects.requireNonNull(tag, "tag");
        }
    }

    /** RES_SUBRESTRICTION: at least one recipient (or attachment) of a message matches. */
    record SubRestriction(SubObject kind, Restriction restriction) implements Restriction {
        public SubRestriction {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(restriction, "restriction");
        }
    }

    private static boolean isString(PropType t) {
        return t == PropType.PT_STRING8 || t == PropType.PT_UNICODE;
    }

    private static boolean isStringOrBinary(PropType t) {
        return isString(t) || t == PropType.PT_BINARY;
    }

    // --- factories

    static Restriction and(Restriction... restrictions) {
        return new And(Arrays.asList(restrictions));
    }

    static Restriction and(List<Restriction> restrictions) {
        return new And(restrictions);
    }

    static Restriction or(Restriction... restrictions) {
        return new Or(Arrays.asList(restrictions));
    }

    static Restriction or(List<Restriction> restrictions) {
        return new Or(restrictions);
    }

    static Restriction not(Restriction restriction) {
        return new Not(restriction);
    }

    /** A property restriction whose constant is built from a plain Java value by {@link PropValue#of}. */
    static Restriction property(RelOp op, PropTag tag, Object value) {
        return new Property(op, tag, value instanceof PropValue v ? v : PropValue.of(tag.withType(
                tag.type().elementType()), value));
    }

    static Restriction eq(PropTag tag, Object value) {
        return property(RelOp.RELOP_EQ, tag, value);
    }

    static Restriction ne(PropTag tag, Object value) {
        return property(RelOp.RELOP_NE, tag, value);
    }

    static Restriction lt(PropTag tag, Object value) {
        return property(RelOp.RELOP_LT, tag, value);
    }

    static Restriction le(PropTag tag, Object value) {
        return property(RelOp.RELOP_LE, tag, value);
    }

    static Restriction gt(PropTag tag, Object value) {
        return property(RelOp.RELOP_GT, tag, value);
    }

    static Restriction ge(PropTag tag, Object value) {
        return property(RelOp.RELOP_GE, tag, value);
    }

    static Restriction regex(PropTag tag, String pattern) {
        return property(RelOp.RELOP_RE, tag, pattern);
    }

    static Restriction content(PropTag tag, Object value, FuzzyLevel level) {
        return new Content(tag, value instanceof PropValue v ? v : PropValue.of(tag.withType(
                tag.type().elementType()), value), level);
    }

    static Restriction fullString(PropTag tag, String text, boolean ignoreCase) {
        return content(tag, text, ignoreCase ? FuzzyLevel.FULLSTRING.withIgnoreCase() : FuzzyLevel.FULLSTRING);
    }

    static Restriction substring(PropTag tag, String text, boolean ignoreCase) {
        return content(tag, text, ignoreCase ? FuzzyLevel.SUBSTRING.withIgnoreCase() : FuzzyLevel.SUBSTRING);
    }

    static Restriction prefix(PropTag tag, String text, boolean ignoreCase) {
        return content(tag, text, ignoreCase ? FuzzyLevel.PREFIX.withIgnoreCase() : FuzzyLevel.PREFIX);
    }

    static Restriction compare(RelOp op, PropTag left, PropTag right) {
        return new CompareProps(op, left, right);
    }

    /** Matches when any of the mask's bits is set. */
    static Restriction bitsSet(PropTag tag, int mask) {
        return new Bitmask(BitmaskOp.BMR_NEZ, tag, mask);
    }

    /** Matches when none of the mask's bits is set. */
    static Restriction bitsClear(PropTag tag, int mask) {
        return new Bitmask(BitmaskOp.BMR_EQZ, tag, mask);
    }

    static Restriction size(RelOp op, PropTag tag, int size) {
        return new Size(op, tag, size);
    }

    static Restriction exist(PropTag tag) {
        return new Exist(tag);
    }

    static Restriction recipients(Restriction restriction) {
        return new SubRestriction(SubObject.RECIPIENTS, restriction);
    }

    static Restriction attachments(Restriction restriction) {
        return new SubRestriction(SubObject.ATTACHMENTS, restriction);
    }
}
