package org.koppel.store.endpoint.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.koppel.mapi.EntryId;
import org.koppel.mapi.Guid;
import org.koppel.mapi.MapiError;
import org.koppel.mapi.MapiException;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropValue;

/**
 * MAPI properties in JSON: {@code {"tag":"0x0037001F","name":"PR_SUBJECT","value":"Hello"}}. A tag is
 * given as hex or as a well-known name ("PR_SUBJECT"); values are JSON strings, numbers and booleans,
 * times as ISO-8601 strings, binaries as base64, GUIDs as their text, multi-valued types as arrays, a
 * missing column as {@code {"error":"MAPI_E_NOT_FOUND"}}. Entry ids travel as hex strings.
 */
final class JsonProps {

    private static final Map<String, PropTag> BY_NAME = new HashMap<>();
    private static final Map<PropTag, String> NAMES = new HashMap<>();

    static {
        for (Field f : PropTags.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == PropTag.class) {
                try {
                    PropTag t = (PropTag) f.get(null);
                    BY_NAME.put(f.getName(), t);
                    NAMES.putIfAbsent(t, f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private JsonProps() {
    }

    static PropTag tag(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new MapiException.InvalidParameter("a property tag is a string: hex (0x0037001F) or a name (PR_SUBJECT)");
        }
        String text = node.asText().strip();
        PropTag named = BY_NAME.get(text.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            String hex = text.regionMatches(true, 0, "0x", 0, 2) ? text.substring(2) : text;
            if (hex.length() != 8) {
                throw new NumberFormatException();
            }
            return PropTag.fromValue((int) Long.parseLong(hex, 16));
        } catch (RuntimeException e) {
            throw new MapiException.InvalidParameter("not a property tag: " + text);
        }
    }

    static List<PropTag> tags(JsonNode node) {
        List<PropTag> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new MapiException.InvalidParameter("a list of property tags is expected");
        }
        node.forEach(n -> out.add(tag(n)));
        return out;
    }

    static PropValue value(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MapiException.InvalidParameter("a property is an object {\"tag\":..., \"value\":...}");
        }
        PropTag t = tag(node.get("tag"));
        JsonNode v = node.get("value");
        if (v == null || v.isNull()) {
            throw new MapiException.InvalidParameter("property " + t + " has no value");
        }
        return PropValue.of(t, javaValue(t.type(), v, t));
    }

    static List<PropValue> values(JsonNode node) {
        List<PropValue> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new MapiException.InvalidParameter("a list of properties is expected");
        }
        node.forEach(n -> out.add(value(n)));
        return out;
    }

    private static Object javaValue(PropType type, JsonNode v, PropTag t) {
        if (type.isMultiValued()) {
            if (!v.isArray()) {
                throw new MapiException.InvalidType(t + " takes a list");
            }
            List<Object> out = new ArrayList<>();
            v.forEach(e -> out.add(javaValue(type.elementType(), e, t)));
            return out;
        }
        return switch (type) {
            case PT_I2, PT_LONG, PT_I8, PT_CURRENCY -> {
                if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                    throw new MapiException.InvalidType(t + " takes a whole number");
                }
                yield v.asLong();
            }
            case PT_R4, PT_DOUBLE, PT_APPTIME -> {
                if (!v.isNumber()) {
                    throw new MapiException.InvalidType(t + " takes a number");
                }
                yield type == PropType.PT_R4 ? (Object) v.floatValue() : (Object) v.asDouble();
            }
            case PT_BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw new MapiException.InvalidType(t + " takes true or false");
                }
                yield v.asBoolean();
            }
            case PT_STRING8, PT_UNICODE -> {
                if (!v.isTextual()) {
                    throw new MapiException.InvalidType(t + " takes a string");
                }
                yield v.asText();
            }
            case PT_SYSTIME -> {
                try {
                    yield Instant.parse(v.asText());
                } catch (DateTimeParseException e) {
                    throw new MapiException.InvalidType(t + " takes an ISO-8601 time such as 2026-11-29T10:00:00Z");
                }
            }
            case PT_CLSID -> {
                try {
                    yield Guid.parse(v.asText());
                } catch (RuntimeException e) {
                    throw new MapiException.InvalidType(t + " takes a GUID");
                }
            }
            case PT_BINARY -> {
                try {
                    yield Base64.getDecoder().decode(v.asText());
                } catch (IllegalArgumentException e) {
                    throw new MapiException.InvalidType(t + " takes base64");
                }
            }
            default -> throw new MapiException.InvalidType("properties of type " + type + " cannot be written");
        };
    }

    static ObjectNode toJson(ObjectMapper json, PropValue v) {
        ObjectNode out = json.createObjectNode();
        out.put("tag", String.format("0x%08X", v.tag().value()));
        String name = NAMES.get(v.tag());
        if (name != null) {
            out.put("name", name);
        }
        if (v instanceof PropValue.ErrorValue e) {
            out.put("error", "MAPI_E_" + ((MapiError) e.javaValue()).name());
            return out;
        }
        out.set("value", json(json, v.tag().type(), v.javaValue()));
        return out;
    }

    static ArrayNode toJson(ObjectMapper json, List<PropValue> values) {
        ArrayNode out = json.createArrayNode();
        values.forEach(v -> out.add(toJson(json, v)));
        return out;
    }

    private static JsonNode json(ObjectMapper json, PropType type, Object value) {
        if (type.isMultiValued()) {
            ArrayNode out = json.createArrayNode();
            for (Object o : (List<?>) value) {
                out.add(json(json, type.elementType(), o));
            }
            return out;
        }
        return switch (value) {
            case Instant i -> json.getNodeFactory().textNode(i.toString());
            case byte[] b -> json.getNodeFactory().textNode(Base64.getEncoder().encodeToString(b));
            case Guid g -> json.getNodeFactory().textNode(g.toString());
            default -> json.valueToTree(value);
        };
    }

    static EntryId entryId(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" (an entry id in hex) is required");
        }
        return entryId(v.asText(), field);
    }

    static List<EntryId> entryIds(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" (a list of entry ids) is required");
        }
        List<EntryId> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new MapiException.InvalidParameter("\"" + field + "\" holds entry ids in hex");
            }
            out.add(entryId(e.asText(), field));
        }
        return out;
    }

    private static EntryId entryId(String hex, String field) {
        try {
            return EntryId.parse(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new MapiException.InvalidEntryId("\"" + field + "\" is not an entry id");
        }
    }
}
