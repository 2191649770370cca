package org.koppel.mapi;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates restrictions against objects with the semantics of [MS-OXCDATA] 2.12 as Exchange applies them:
 * <ul>
 * <li>A content, property, bitmask or size restriction on a property the object lacks does not match
 * (so its Not does); a PT_ERROR value counts as missing. Exist matches iff the property is present.</li>
 * <li>PT_STRING8 and PT_UNICODE are one type: a tag of either finds a value stored as the other.</li>
 * <li>Multi-valued properties: a content or property restriction matches if any element matches, whether the
 * restriction names the PT_MV_ tag or the single-valued tag of a property stored multi-valued (the MVI
 * reading). A property restriction whose constant is itself multi-valued compares the whole list.</li>
 * <li>A property or compare-props restriction between values of types that cannot be compared does not match.</li>
 * <li>Strings in property and compare-props restrictions compare by this evaluator's {@link PropValueOrder}
 * (case-insensitively by default, as Exchange's collation does); content restrictions honour
 * FL_IGNORECASE and FL_IGNORENONSPACE (FL_LOOSE means both) with Locale.ROOT case folding.</li>
 * <li>RELOP_RE finds the pattern anywhere in the string (use ^...$ to anchor), case-sensitively unless the
 * pattern says (?i); a match that takes more than {@link #REGEX_STEP_BUDGET} character reads is
 * MAPI_E_TOO_COMPLEX, so a hostile pattern cannot stall the server.</li>
 * <li>Size uses the value's wire size: PT_UNICODE is UTF-16 with its terminator, 2 * (length + 1), as Exchange
 * counts it; PT_STRING8 is its UTF-8 bytes plus a terminator (Koppel stores no code page); binaries their
 * length; fixed-size types their [MS-OXCDATA] 2.11.1 size (PT_BOOLEAN 1, PT_I2 2, PT_LONG/PT_R4/PT_ERROR 4,
 * PT_I8/PT_DOUBLE/PT_CURRENCY/PT_APPTIME/PT_SYSTIME 8, PT_CLSID 16); multi-values the sum of their elements.</li>
 * <li>SubRestriction matches if any sub-object of the kind matches; an object without any does not.</li>
 * </ul>
 */
public final class RestrictionEvaluator {

    /** The evaluator {@link Restriction#matches} uses: case-insensitive string order. */
    public static final RestrictionEvaluator DEFAULT = new RestrictionEvaluator(PropValueOrder.CASE_INSENSITIVE);

    /** Character reads allowed to one regular-expression match. */
    public static final int REGEX_STEP_BUDGET = 1_000_000;

    private static final Pattern NON_SPACING_MARKS = Pattern.compile("\\p{Mn}+");

    private final PropValueOrder order;

    public RestrictionEvaluator(PropValueOrder order) {
        this.order = Objects.requireNonNull(order, "order");
    }

    public PropValueOrder order() {
        return order;
    }

    public boolean matches(Restriction restriction, PropertySource source) {
        return switch (restriction) {
            case Restriction.And and -> {
                for (Restriction r : and.restrictions()) {
                    if (!matches(r, source)) {
                        yield false;
                    }
                }
                yield true;
            }
            case Restriction.Or or -> {
                for (Restriction r : or.restrictions()) {
                    if (matches(r, source)) {
                        yield true;
                    }
                }
                yield false;
            }
            case Restriction.Not not -> !matches(not.restriction(), source);
            case Restriction.Content c -> content(c, source);
            case Restriction.Property p -> property(p, source);
            case Restriction.CompareProps c -> compareProps(c, source);
            case Restriction.Bitmask b -> lookup(source, b.tag())
                    .map(v -> v instanceof PropValue.LongValue l && b.op().test(l.value(), b.mask()))
                    .orElse(false);
            case Restriction.Size s -> lookup(source, s.tag())
                    .map(v -> s.op().test(Long.compare(size(v), s.size())))
                    .orElse(false);
            case Restriction.Exist e -> lookup(source, e.tag()).isPresent();
            case Restriction.SubRestriction s -> {
                for (PropertySource sub : source.subObjects(s.kind())) {
                    if (matches(s.restriction(), sub)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    // --- lookups

    /**
     * The object's value for the tag: the exact tag, else the same id as the other string type; a PT_ERROR or
     * a value of an incomparable type (from a source that does not honour the type) counts as missing.
     */
    static Optional<PropValue> lookup(PropertySource source, PropTag tag) {
        Optional<PropValue> v = source.get(tag);
        if (v.isEmpty()) {
            PropType other = switch (tag.type()) {
                case PT_STRING8 -> PropType.PT_UNICODE;
                case PT_UNICODE -> PropType.PT_STRING8;
                case PT_MV_STRING8 -> PropType.PT_MV_UNICODE;
                case PT_MV_UNICODE -> PropType.PT_MV_STRING8;
                default -> null;
            };
            if (other != null) {
                v = source.get(tag.withType(other));
            }
        }
        return v.filter(x -> !(x instanceof PropValue.ErrorValue)
                && PropValueOrder.comparable(x.tag().type(), tag.type()));
    }

    /**
     * The single values a content or property restriction on the tag tests: the elements of a multi-valued
     * property (named by its PT_MV_ tag, or by its single-valued tag when no single value exists), or the one
     * value. Elements come back as Java objects of the element type.
     */
    private static List<Object> elements(PropertySource source, PropTag tag) {
        Optional<PropValue> v = lookup(source, tag);
        if (v.isEmpty() && !tag.type().isMultiValued() && PropType.isKnown(tag.type().code() | PropType.MV_FLAG)) {
            v = lookup(source, tag.withType(tag.type().multiValued()));
        }
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof PropValue.MultiValue mv) {
            return mv.values();
        }
        return List.of(v.get().javaValue());
    }

    // --- content

    private boolean content(Restriction.Content c, PropertySource source) {
        Object needle = c.value().javaValue();
        for (Object element : elements(source, c.tag())) {
            if (needle instanceof String text && element instanceof String s) {
                if (contentMatches(normalize(s, c.level()), normalize(text, c.level()), c.level().mode())) {
                    return true;
                }
            } else if (needle instanceof byte[] bytes && element instanceof byte[] b) {
                if (contentMatches(b, bytes, c.level().mode())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalize(String s, FuzzyLevel level) {
        String r = s;
        if (level.ignoreNonSpace()) {
            r = NON_SPACING_MARKS.matcher(Normalizer.normalize(r, Normalizer.Form.NFD)).replaceAll("");
        }
        if (level.ignoreCase()) {
            r = PropValueOrder.fold(r);
        }
        return r;
    }

    private static boolean contentMatches(String value, String needle, FuzzyLevel.Mode mode) {
        return switch (mode) {
            case FL_FULLSTRING -> value.equals(needle);
            case FL_PREFIX -> value.startsWith(needle);
            case FL_SUBSTRING -> value.contains(needle);
        };
    }

    private static boolean contentMatches(byte[] value, byte[] needle, FuzzyLevel.Mode mode) {
        return switch (mode) {
            case FL_FULLSTRING -> Arrays.equals(value, needle);
            case FL_PREFIX -> value.length >= needle.length
                    && Arrays.equals(value, 0, needle.length, needle, 0, needle.length);
            case FL_SUBSTRING -> indexOf(value, needle) >= 0;
        };
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // --- property and compare-props

    private boolean property(Restriction.Property p, PropertySource source) {
        PropValue constant = p.value();
        if (constant instanceof PropValue.MultiValue) {
            return lookup(source, p.tag())
                    .filter(v -> PropValueOrder.comparable(v.tag().type(), constant.tag().type()))
                    .map(v -> p.op().test(order.compare(v, constant)))
                    .orElse(false);
        }
        PropType constantType = constant.tag().type();
        if (p.op() == RelOp.RELOP_RE) {
            Pattern pattern = p.pattern();
            for (Object element : elements(source, p.tag())) {
                if (element instanceof String s && find(pattern, s)) {
                    return true;
                }
            }
            return false;
        }
        PropType elementType = p.tag().type().elementType();
        if (!PropValueOrder.comparable(elementType, constantType)) {
            return false;
        }
        for (Object element : elements(source, p.tag())) {
            if (p.op().test(order.compareElements(constantType, element, constant.javaValue()))) {
                return true;
            }
        }
        return false;
    }

    private boolean compareProps(Restriction.CompareProps c, PropertySource source) {
        Optional<PropValue> left = lookup(source, c.left());
        Optional<PropValue> right = lookup(source, c.right());
        if (left.isEmpty() || right.isEmpty()
                || !PropValueOrder.comparable(left.get().tag().type(), right.get().tag().type())) {
            return false;
        }
        return c.op().test(order.compare(left.get(), right.get()));
    }

    private static boolean find(Pattern pattern, String s) {
        return pattern.matcher(new BoundedChars(s, REGEX_STEP_BUDGET)).find();
    }

    // --- size

    /** The size in bytes the size restriction compares, as described in the class comment. */
    public static long size(PropValue value) {
        return switch (value) {
            case PropValue.MultiValue mv -> {
                long total = 0;
                PropTag element = mv.tag().withType(mv.tag().type().elementType());
                for (Object o : mv.values()) {
                    total += size(PropValue.of(element, o));
                }
                yield total;
            }
            case PropValue.BooleanValue b -> 1;
            case PropValue.I2Value i -> 2;
            case PropValue.LongValue l -> 4;
            case PropValue.R4Value r -> 4;
            case PropValue.ErrorValue e -> 4;
            case PropValue.I8Value i -> 8;
            case PropValue.DoubleValue d -> 8;
            case PropValue.CurrencyValue c -> 8;
            case PropValue.AppTimeValue a -> 8;
            case PropValue.SysTimeValue t -> 8;
            case PropValue.ClsidValue g -> 16;
            case PropValue.BinaryValue b -> b.length();
            case PropValue.UnicodeValue u -> 2L * (u.value().length() + 1);
            case PropValue.String8Value s -> s.value().getBytes(StandardCharsets.UTF_8).length + 1L;
        };
    }

    /** A string view that refuses to be read more than a fixed number of times, to bound regex backtracking. */
    private static final class BoundedChars implements CharSequence {
        private final String text;
        private final int[] budget;

        BoundedChars(String text, int budget) {
            this(text, new int[] {budget});
        }

        private BoundedChars(String text, int[] budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new MapiException.TooComplex("regular expression needs too many steps");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedChars(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
