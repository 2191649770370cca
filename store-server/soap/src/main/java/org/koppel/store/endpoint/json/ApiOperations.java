package org.koppel.store.endpoint.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Feature;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Quota;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserKind;

/**
 * The operations of the JSON protocol after logon, by name: each takes the session and the request's
 * JSON object and returns what becomes the response body. The names follow the session API
 * ({@code users.create} is {@code Directory.createUser}); docs/json-api.md lists them with examples.
 */
final class ApiOperations {

    /** One operation. */
    @FunctionalInterface
    interface Operation {
        Object run(Session session, JsonNode args);
    }

    private final Map<String, Operation> operations = new TreeMap<>();

    ApiOperations() {
        // Read again (not the session's copy): a deleted or disabled account's session ends here too.
        operations.put("whoami", (s, a) -> s.directory().user(s.user().login()).orElse(s.user()));
        // users
        operations.put("users.list", (s, a) -> s.directory().users());
        operations.put("users.get", (s, a) -> s.directory().user(text(a, "login"))
                .orElseThrow(() -> new MapiException.NotFound("no user " + text(a, "login"))));
        operations.put("users.resolve", (s, a) -> s.directory().resolve(text(a, "name"))
                .orElseThrow(() -> new MapiException.NotFound("nobody is called " + text(a, "name"))));
        operations.put("users.create", (s, a) -> s.directory().createUser(new NewUser(text(a, "login"),
                optionalText(a, "fullName").orElse(text(a, "login")), text(a, "email"), optionalText(a, "password")
                        .orElse(null), a.path("admin").asBoolean(false),
                optionalText(a, "kind").map(k -> UserKind.valueOf(k.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(UserKind.USER), strings(a, "aliases"),
                a.has("features") ? features(a, "features") : EnumSet.allOf(Feature.class))));
        operations.put("users.update", (s, a) -> s.directory().updateUser(text(a, "login"), new UserChanges(
                optionalText(a, "fullName"), optionalText(a, "email"), optionalBoolean(a, "admin"),
                optionalBoolean(a, "active"), a.has("aliases") ? Optional.of(strings(a, "aliases")) : Optional.empty(),
                a.has("features") ? Optional.of(features(a, "features")) : Optional.empty())));
        operations.put("users.delete", (s, a) -> {
            s.directory().deleteUser(text(a, "login"), a.path("deleteStore").asBoolean(true));
            return Map.of();
        });
        operations.put("users.setPassword", (s, a) -> {
            s.directory().setPassword(text(a, "login"), text(a, "password"));
            return Map.of();
        });
        operations.put("users.changeOwnPassword", (s, a) -> {
            s.directory().changeOwnPassword(text(a, "oldPassword"), text(a, "newPassword"));
            return Map.of();
        });
        // groups
        operations.put("groups.list", (s, a) -> s.directory().groups());
        operations.put("groups.get", (s, a) -> s.directory().group(text(a, "name"))
                .orElseThrow(() -> new MapiException.NotFound("no group " + text(a, "name"))));
        operations.put("groups.create", (s, a) -> s.directory().createGroup(text(a, "name"),
                optionalText(a, "email").orElse("")));
        operations.put("groups.delete", (s, a) -> {
            s.directory().deleteGroup(text(a, "name"));
            return Map.of();
        });
        operations.put("groups.addMember", (s, a) -> {
            s.directory().addMember(text(a, "group"), text(a, "login"));
            return group(s, text(a, "group"));
        });
        operations.put("groups.removeMember", (s, a) -> {
            s.directory().removeMember(text(a, "group"), text(a, "login"));
            return group(s, text(a, "group"));
        });
        // quotas
        operations.put("quotas.get", (s, a) -> s.quotas().status(text(a, "login")));
        operations.put("quotas.set", (s, a) -> {
            s.quotas().set(text(a, "login"), new Quota(number(a, "warnBytes"), number(a, "softBytes"),
                    number(a, "hardBytes")));
            return s.quotas().status(text(a, "login"));
        });
        // stores
        operations.put("stores.own", (s, a) -> s.stores().openOwn());
        operations.put("stores.user", (s, a) -> s.stores().openUserStore(text(a, "login")));
        operations.put("stores.public", (s, a) -> s.stores().openPublic());
    }

    Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    List<String> names() {
        return new ArrayList<>(operations.keySet());
    }

    private static GroupInfo group(Session s, String name) {
        return s.directory().group(name).orElseThrow(() -> new MapiException.NotFound("no group " + name));
    }

    // ---- arguments

    static String text(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || !v.isTextual()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" (a string) is required");
        }
        return v.asText();
    }

    static Optional<String> optionalText(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" must be a string");
        }
        return Optional.of(v.asText());
    }

    static Optional<Boolean> optionalBoolean(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" must be true or false");
        }
        return Optional.of(v.asBoolean());
    }

    static long number(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" (a whole number) is required");
        }
        return v.asLong();
    }

    static List<String> strings(JsonNode a, String field) {
        JsonNode v = a.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new MapiException.InvalidParameter("\"" + field + "\" must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new MapiException.InvalidParameter("\"" + field + "\" must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    static Set<Feature> features(JsonNode a, String field) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        for (String f : strings(a, field)) {
            out.add(Feature.parse(f));
        }
        return out;
    }

    /** The operation list, for GET /api. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logon", "POST /api/logon {login, password} or {service, secret, impersonate}");
        out.put("operations", names());
        return out;
    }
}
