package org.koppel.store.endpoint.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.koppel.mapi.BitmaskOp;
import org.koppel.mapi.FuzzyLevel;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropValue;
import org.koppel.mapi.RelOp;
import org.koppel.mapi.Restriction;
import org.koppel.mapi.SubObject;

/**
 * Restrictions in JSON, one key per node: {@code {"and":[...]}}, {@code {"or":[...]}},
 * {@code {"not":{...}}}, {@code {"property":{"op":"ge","tag":..,"value":..}}} (the value as in a property),
 * {@code {"content":{"tag":..,"value":..,"match":"substring","ignoreCase":true}}},
 * {@code {"bitmask":{"tag":..,"mask":1,"zero":true}}}, {@code {"exist":{"tag":..}}},
 * {@code {"size":{"op":"gt","tag":..,"size":100}}}, {@code {"compare":{"op":"lt","left":..,"right":..}}},
 * {@code {"recipients":{...}}} and {@code {"attachments":{...}}}. Depth is bounded by the caller.
 * {@link #toJson} writes the same form, so a restriction read back (a search folder's) can be sent again.
 */
final class JsonRestrictions {

    private static final int MAX_DEPTH = 64;
    private static final Map<String, RelOp> OPS = Map.of("lt", RelOp.RELOP_LT, "le", RelOp.RELOP_LE, "gt",
            RelOp.RELOP_GT, "ge", RelOp.RELOP_GE, "eq", RelOp.RELOP_EQ, "ne", RelOp.RELOP_NE, "re", RelOp.RELOP_RE);

    private JsonRestrictions() {
    }

    static Restriction parse(JsonNode node) {
        return parse(node, 1);
    }

    private static Restriction parse(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MapiException.TooComplex("restriction deeper than " + MAX_DEPTH + " levels");
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new MapiException.InvalidParameter("a restriction is an object with one key, e.g. {\"and\":[...]}");
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        return switch (kind) {
            case "and", "or" -> {
                if (!body.isArray()) {
                    throw new MapiException.InvalidParameter("\"" + kind + "\" takes a list");
                }
                List<Restriction> children = new ArrayList<>();
                for (JsonNode c : body) {
                    children.add(parse(c, depth + 1));
                }
                yield kind.equals("and") ? new Restriction.And(children) : new Restriction.Or(children);
            }
            case "not" -> new Restriction.Not(parse(body, depth + 1));
            case "property" -> new Restriction.Property(op(body), JsonProps.tag(body.get("tag")),
                    JsonProps.value(body));
            case "content" -> {
                String match = body.path("match").asText("substring").toLowerCase(Locale.ROOT);
                FuzzyLevel.Mode mode = switch (match) {
                    case "full" -> FuzzyLevel.Mode.FL_FULLSTRING;
                    case "prefix" -> FuzzyLevel.Mode.FL_PREFIX;
                    case "substring" -> FuzzyLevel.Mode.FL_SUBSTRING;
                    default -> throw new MapiException.InvalidParameter("match is full, prefix or substring");
                };
                FuzzyLevel level = body.path("ignoreCase").asBoolean(true)
                        ? FuzzyLevel.of(mode, FuzzyLevel.Flag.FL_IGNORECASE) : FuzzyLevel.of(mode);
                yield new Restriction.Content(JsonProps.tag(body.get("tag")), JsonProps.value(body), level);
            }
            case "bitmask" -> new Restriction.Bitmask(body.path("zero").asBoolean(false) ? BitmaskOp.BMR_EQZ
                    : BitmaskOp.BMR_NEZ, JsonProps.tag(body.get("tag")), body.path("mask").asInt());
            case "exist" -> new Restriction.Exist(JsonProps.tag(body.get("tag")));
            case "size" -> new Restriction.Size(op(body), JsonProps.tag(body.get("tag")), body.path("size").asInt());
            case "compare" -> new Restriction.CompareProps(op(body), JsonProps.tag(body.get("left")),
                    JsonProps.tag(body.get("right")));
            case "recipients" -> new Restriction.SubRestriction(SubObject.RECIPIENTS, parse(body, depth + 1));
            case "attachments" -> new Restriction.SubRestriction(SubObject.ATTACHMENTS, parse(body, depth + 1));
            default -> throw new MapiException.InvalidParameter("unknown restriction \"" + kind + "\"");
        };
    }

    /** The JSON form {@link #parse} reads. */
    static ObjectNode toJson(ObjectMapper json, Restriction r) {
        ObjectNode out = json.createObjectNode();
        switch (r) {
            case Restriction.And a -> {
                ArrayNode list = out.putArray("and");
                a.restrictions().forEach(c -> list.add(toJson(json, c)));
            }
            case Restriction.Or o -> {
                ArrayNode list = out.putArray("or");
                o.restrictions().forEach(c -> list.add(toJson(json, c)));
            }
            case Restriction.Not n -> out.set("not", toJson(json, n.restriction()));
            case Restriction.Property p -> {
                ObjectNode b = valueNode(json, p.tag(), p.value());
                b.put("op", opName(p.op()));
                out.set("property", b);
            }
            case Restriction.Content c -> {
                ObjectNode b = valueNode(json, c.tag(), c.value());
                b.put("match", switch (c.level().mode()) {
                    case FL_FULLSTRING -> "full";
                    case FL_PREFIX -> "prefix";
                    default -> "substring";
                });
                b.put("ignoreCase", c.level().ignoreCase());
                out.set("content", b);
            }
            case Restriction.Bitmask b -> out.putObject("bitmask").put("tag", hex(b.tag()))
                    .put("mask", b.mask()).put("zero", b.op() == BitmaskOp.BMR_EQZ);
            case Restriction.Exist e -> out.putObject("exist").put("tag", hex(e.tag()));
            case Restriction.Size z -> out.putObject("size").put("op", opName(z.op())).put("tag", hex(z.tag()))
                    .put("size", z.size());
            case Restriction.CompareProps c -> out.putObject("compare").put("op", opName(c.op()))
                    .put("left", hex(c.left())).put("right", hex(c.right()));
            case Restriction.SubRestriction s -> out.set(s.kind() == SubObject.RECIPIENTS ? "recipients" : "attachments",
                    toJson(json, s.restriction()));
        }
        return out;
    }

    /** {@code {"tag":..,"value":..}} with the restriction's tag and the constant as a property value. */
    private static ObjectNode valueNode(ObjectMapper json, PropTag tag, PropValue value) {
        ObjectNode b = json.createObjectNode();
        b.put("tag", hex(tag));
        JsonNode v = JsonProps.toJson(json, value).get("value");
        b.set("value", v);
        return b;
    }

    private static String hex(PropTag tag) {
        return String.format("0x%08X", tag.value());
    }

    private static String opName(RelOp op) {
        return OPS.entrySet().stream().filter(e -> e.getValue() == op).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    private static RelOp op(JsonNode body) {
        RelOp op = OPS.get(body.path("op").asText("").toLowerCase(Locale.ROOT));
        if (op == null) {
            throw new MapiException.InvalidParameter("op is one of lt, le, gt, ge, eq, ne, re");
        }
        return op;
    }
}
