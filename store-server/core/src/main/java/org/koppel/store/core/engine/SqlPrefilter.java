package org.koppel.store.core.engine;

import static org.koppel.mapi.PropTags.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.koppel.mapi.FileTime;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;

/**
 * The part of a restriction SQL can evaluate on the messages table's columns, as a condition that every
 * matching message satisfies (a superset: the restriction is still evaluated on what it lets through).
 * It lets the database's indexes discard most of a big folder before any property is decoded: a
 * "delivered in the last two weeks" restriction reads two weeks of rows, not the folder.
 *
 * <p>Only columns that hold exactly the value the property has when the property exists are used; where
 * a column has a default for an absent property (delivery time, importance) the condition may let
 * through a row the restriction then refuses, never the reverse. Below a NOT nothing is translated.
 */
final class SqlPrefilter {

    /** A WHERE fragment and its parameters, in order. */
    record Condition(String sql, List<Object> params) {
    }

    private static final Map<PropTag, String> TIME_COLUMNS = Map.of(
            PR_MESSAGE_DELIVERY_TIME, "delivery_ticks",
            PR_CREATION_TIME, "created_ticks",
            PR_LAST_MODIFICATION_TIME, "modified_ticks");

    private static final Map<PropTag, String> NUMBER_COLUMNS = Map.of(
            PR_MESSAGE_SIZE_EXTENDED, "size_bytes",
            PR_IMPORTANCE, "importance",
            PR_MESSAGE_FLAGS, "message_flags");

    private SqlPrefilter() {
    }

    /** The condition for {@code r}, or empty when SQL can narrow nothing down. */
    static Optional<Condition> of(Restriction r) {
        return switch (r) {
            case Restriction.And and -> {
                List<Condition> parts = new ArrayList<>();
                for (Restriction child : and.restrictions()) {
                    of(child).ifPresent(parts::add);
                }
                yield join(parts, " AND ");
            }
            case Restriction.Or or -> {
                List<Condition> parts = new ArrayList<>();
                for (Restriction child : or.restrictions()) {
                    Optional<Condition> c = of(child);
                    if (c.isEmpty()) {
                        yield Optional.empty();
                    }
                    parts.add(c.get());
                }
                yield join(parts, " OR ");
            }
            case Restriction.Property p -> property(p);
            case Restriction.Bitmask b -> bitmask(b);
            default -> Optional.empty();
        };
    }

    private static Optional<Condition> join(List<Condition> parts, String op) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("(");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(op);
            }
            sql.append(parts.get(i).sql());
            params.addAll(parts.get(i).params());
        }
        return Optional.of(new Condition(sql.append(')').toString(), params));
    }

    private static Optional<Condition> property(Restriction.Property p) {
        String op = sqlOperator(p.op());
        if (op == null || !p.value().tag().type().equals(p.tag().type())) {
            return Optional.empty();
        }
        String time = TIME_COLUMNS.get(p.tag());
        if (time != null && p.value().javaValue() instanceof Instant when) {
            return Optional.of(new Condition(time + " " + op + " ?", List.of(FileTime.toTicks(when))));
        }
        String number = NUMBER_COLUMNS.get(p.tag());
        if (number != null && p.value().javaValue() instanceof Number n) {
            return Optional.of(new Condition(number + " " + op + " ?", List.of(n.longValue())));
        }
        if (p.tag().equals(PR_HASATTACH) && p.value() instanceof PropValue.BooleanValue b
                && (p.op() == RelOp.RELOP_EQ || p.op() == RelOp.RELOP_NE)) {
            return Optional.of(new Condition("has_attach " + op + " ?", List.of(b.javaValue())));
        }
        return Optional.empty();
    }

    /** Bits of PR_MESSAGE_FLAGS, tested one by one with arithmetic both databases evaluate alike. */
    private static Optional<Condition> bitmask(Restriction.Bitmask b) {
        if (!b.tag().equals(PR_MESSAGE_FLAGS) || b.mask() <= 0) {
            return Optional.empty();
        }
        List<String> bits = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (int bit = 0; bit < 31; bit++) {
            int value = 1 << bit;
            if ((b.mask() & value) != 0) {
                bits.add("MOD(FLOOR(message_flags / ?), 2) = " + (b.op() == org.koppel.mapi.BitmaskOp.BMR_EQZ ? "0" : "1"));
                params.add((long) value);
            }
        }
        String glue = b.op() == org.koppel.mapi.BitmaskOp.BMR_EQZ ? " AND " : " OR ";
        return Optional.of(new Condition("(" + String.join(glue, bits) + ")", params));
    }

    private static String sqlOperator(RelOp op) {
        return switch (op) {
            case RELOP_LT -> "<";
            case RELOP_LE -> "<=";
            case RELOP_GT -> ">";
            case RELOP_GE -> ">=";
            case RELOP_EQ -> "=";
            case RELOP_NE -> "<>";
            default -> null;
        };
    }
}
