package org.koppel.backend.mapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.koppel.backend.GlobalAddressList;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/**
 * The store's directory as a global address list: active users and shared mailboxes (not system identities)
 * and the groups that have an address. The directory holds names, addresses and aliases (the login is the
 * alias); phone numbers, offices, titles and companies it does not hold, so those fields stay empty.
 */
final class MapiGlobalAddressList implements GlobalAddressList {

    private final Session session;

    MapiGlobalAddressList(Session session) {
        this.session = session;
    }

    private record Known(Entry entry, List<String> keys) {
    }

    @Override
    public List<Entry> find(String query, int maxResults) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || maxResults <= 0) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Known k : directory()) {
            if (k.keys().stream().anyMatch(key -> key.startsWith(q))) {
                out.add(k.entry());
            }
        }
        out.sort(Comparator.comparing((Entry e) -> e.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(Entry::email));
        return out.size() > maxResults ? List.copyOf(out.subList(0, maxResults)) : out;
    }

    @Override
    public List<Entry> resolve(String recipient, int maxResults) {
        String r = recipient.strip();
        try {
            Optional<UserInfo> exact = r.isEmpty() ? Optional.empty() : session.directory().resolve(r);
            if (exact.isPresent() && listed(exact.get())) {
                return List.of(entry(exact.get()));
            }
            for (GroupInfo g : session.directory().groups()) {
                if (!g.email().isEmpty() && (g.email().equalsIgnoreCase(r) || g.name().equalsIgnoreCase(r))) {
                    return List.of(Entry.of(g.name(), g.email(), g.name()));
                }
            }
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
        return find(r, maxResults);
    }

    private List<Known> directory() {
        List<Known> out = new ArrayList<>();
        try {
            for (UserInfo u : session.directory().users()) {
                if (listed(u)) {
                    List<String> keys = new ArrayList<>(words(u.fullName()));
                    keys.add(u.login());
                    keys.add(u.email());
                    u.aliases().forEach(keys::add);
                    out.add(new Known(entry(u), lower(keys)));
                }
            }
            for (GroupInfo g : session.directory().groups()) {
                if (!g.email().isEmpty()) {
                    List<String> keys = new ArrayList<>(words(g.name()));
                    keys.add(g.email());
                    out.add(new Known(Entry.of(g.name(), g.email(), g.name()), lower(keys)));
                }
            }
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
        return out;
    }

    private static boolean listed(UserInfo u) {
        return u.active() && u.kind() != UserKind.SYSTEM && !u.email().isEmpty();
    }

    private static Entry entry(UserInfo u) {
        String name = u.fullName().isBlank() ? u.login() : u.fullName();
        return Entry.of(name, u.email(), u.login());
    }

    /** The whole name and each of its words, so "Smith" finds "Anna Smith". */
    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        out.add(name);
        for (String w : name.split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> lower(List<String> keys) {
        return keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }
}
